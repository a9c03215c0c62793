import type { AnnotationLevel, AnnotationPlace, ArtifactClient, Runner } from '@ml-actions/github';
import { inputVariable } from '@ml-actions/testkit';

/** What a step run in-process left behind, as the runner would have kept it. */
export interface RecordedStep {
  outputs: Record<string, string>;
  summary: string;
  /** Log lines in order, annotations as `level: message`. */
  log: string[];
  annotations: ({ level: AnnotationLevel; message: string } & AnnotationPlace)[];
  secrets: string[];
  groups: string[];
  failed: boolean;
}

/**
 * A runner that records instead of writing workflow commands, for running an action's main in the
 * test process. Inputs come from `INPUT_*` variables of `env`, as testkit's prepareAction sets them
 * (action.yml's defaults included).
 */
export function recordingRunner(
  env: Record<string, string>,
  options: { artifactClient?: () => Promise<ArtifactClient> } = {},
): Runner & { recorded: RecordedStep } {
  const recorded: RecordedStep = {
    outputs: {},
    summary: '',
    log: [],
    annotations: [],
    secrets: [],
    groups: [],
    failed: false,
  };
  return {
    recorded,
    env,
    input: (name) => env[inputVariable(name)] ?? '',
    setSecret: (value) => recorded.secrets.push(value),
    setOutput: (name, value) => {
      recorded.outputs[name] = value;
    },
    writeSummary: async (markdown) => {
      recorded.summary += markdown;
      await Promise.resolve();
    },
    print: (text) => recorded.log.push(text),
    debug: (text) => recorded.log.push(`::debug::${text}`),
    annotate: (level, message, place) => {
      recorded.annotations.push({ level, message, ...place });
      recorded.log.push(`${level}: ${message}`);
    },
    startGroup: (title) => recorded.groups.push(title),
    endGroup: () => undefined,
    artifactClient:
      options.artifactClient ?? (() => Promise.reject(new Error('this in-process step has no artifact service'))),
    markFailed: () => {
      recorded.failed = true;
    },
  };
}
