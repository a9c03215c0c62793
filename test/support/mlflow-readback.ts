import { runPeerScriptOnInput } from './peer-scripts.ts';

/** What test/peers/read_mlflow.py prints: a run and model versions as MLflow's own client reads them. */
export interface MlflowReadback {
  run: {
    info: {
      run_id: string;
      experiment_id: string;
      status: string;
      run_name: string;
      start_time: number;
      end_time: number | null;
      lifecycle_stage: string;
    };
    params: Record<string, string>;
    tags: Record<string, string>;
    metrics: Record<string, number>;
  };
  /** Each metric's points as [step, timestamp in ms, value], in step then time order. */
  histories: Record<string, [number, number, number][]>;
  experiment: { name: string; experiment_id: string };
  model_versions: {
    version: string;
    source: string;
    run_id: string | null;
    tags: Record<string, string>;
    aliases: string[];
  }[];
  by_alias: { version: string; source: string; run_id: string | null } | null;
}

/** Reads back through MLflow's Python client (MlflowClient.get_run, get_metric_history, search_model_versions, get_model_version_by_alias). */
export function readMlflowRun(request: {
  tracking_uri: string;
  run_id?: string;
  metric_keys?: string[];
  model_name?: string;
  alias?: string;
}): Promise<MlflowReadback> {
  return runPeerScriptOnInput<MlflowReadback>('read_mlflow.py', request, parseWithNaN);
}

/** JSON with Python's bare NaN, Infinity and -Infinity tokens outside strings. */
function parseWithNaN(text: string): unknown {
  const marked = text.replace(
    /("(?:[^"\\]|\\.)*")|(-?Infinity|NaN)/g,
    (_match, quoted: string | undefined, token: string | undefined) =>
      quoted !== undefined ? quoted : `"\\u0000${token}"`,
  );
  return JSON.parse(marked, (_key, value: unknown) => {
    if (value === '\u0000NaN') return NaN;
    if (value === '\u0000Infinity') return Infinity;
    if (value === '\u0000-Infinity') return -Infinity;
    return value;
  });
}
