import {
  evaluateRules,
  gateHeadline,
  checkConclusion,
  gateVerdict,
  loadRules,
  renderGateSummary,
  rulesNeedBaseline,
  withUnjudgedLegs,
  type RuleResult,
} from '@ml-actions/core';
import {
  createCheckRun,
  type AnnotationPlace,
  type CheckAnnotation,
  findBaselines,
  isPermissionRefusal,
  gatherRuns,
  unjudgedLegs,
  printable,
  readHistoryNoise,
  runStep,
  uploadWorkflowGateResult,
  writeJobGateResult,
  type Runner,
} from '@ml-actions/github';
import { mlflowBaselineLookup } from '@ml-actions/mlflow';
import { readGateSettings } from './settings.ts';

/** gate: judge the run against the rules and report a verdict that branch protection can require. */
export async function run(runner?: Runner): Promise<void> {
  await runStep(
    { name: 'gate', settings: readGateSettings, token: (settings) => settings.token },
    async (step) => {
      const { settings, context, log } = step;
      const rules = await loadRules({ inline: settings.rules, file: settings.rulesFile, workspace: context.workspace });
      const gathered = await gatherRuns({ run: settings.run, context, github: () => step.github(), log });
      const { runs } = gathered;
      const experiments = [...new Set(runs.map((record) => record.experiment))];
      const github = (await step.github())?.client;
      const found = rulesNeedBaseline(rules)
        ? await findBaselines({
            spec: settings.baseline,
            experiments,
            context,
            github,
            log,
            historyBranch: settings.historyBranch,
            mlflow:
              settings.mlflow === undefined
                ? undefined
                : mlflowBaselineLookup(settings.mlflow, {
                    experiments,
                    repository: context.repository,
                    serverUrl: context.serverUrl,
                    waitScale: settings.waitScale,
                    log,
                  }),
          })
        : undefined;
      const notices = found?.notices ?? [];
      const baseline = found?.records;
      const baselineSha = found?.sha;
      // Only `significant` rules test against noise; the others need none read.
      const tested = rules.some((rule) => rule.significance !== undefined);
      const historyNoise = await readHistoryNoise({
        github: tested ? github : undefined,
        context,
        branch: settings.historyBranch,
        last: settings.history,
        runs,
        baseline,
        log,
      });

      const judged = evaluateRules(rules, {
        runs,
        baseline,
        requireBaseline: settings.requireBaseline,
        alpha: settings.alpha,
        historyNoise,
      });
      const result = withUnjudgedLegs(judged, unjudgedLegs(gathered));
      const verdict = gateVerdict(result);
      await writeJobGateResult(result, context);
      // A report job's verdict goes on to package's own job, which embeds it in the manifest.
      if (gathered.source === 'workflow') {
        await uploadWorkflowGateResult(await step.artifacts(), result, {
          job: context.job,
          runAttempt: context.runAttempt,
          log,
        });
      }
      step.setOutput('verdict', verdict);
      step.setOutput('passed', result.passed);
      step.setOutput('results', JSON.stringify(result.results));
      step.setOutput('baseline-sha', baselineSha ?? '');
      const summary = renderGateSummary(result, { experiments, baselineSha, notices });
      // Rules hold per experiment, so with several the title says which one a problem is in.
      const ruleTitle = (rule: RuleResult): string =>
        experiments.length > 1 && rule.experiment !== undefined
          ? `gate: ${rule.rule} (${rule.experiment})`
          : `gate: ${rule.rule}`;
      step.addSummary(summary);
      for (const rule of result.results) {
        if (rule.verdict !== 'fail' && rule.verdict !== 'error') continue;
        const place: AnnotationPlace = { title: ruleTitle(rule) };
        if (settings.rulesFile !== undefined && settings.rules === undefined) {
          place.file = settings.rulesFile;
          place.line = rule.line;
        }
        log.error(rule.message, place);
      }

      // Annotations point at the rules file, or at the workflow that holds the rules inline.
      const rulesFromFile = settings.rulesFile !== undefined && settings.rules === undefined;
      const annotationPath = rulesFromFile ? settings.rulesFile : context.workflowPath;
      const annotations: CheckAnnotation[] =
        annotationPath === undefined
          ? []
          : result.results
              .filter((rule) => rule.verdict === 'fail' || rule.verdict === 'error')
              .map((rule) => ({
                path: annotationPath,
                start_line: rulesFromFile ? rule.line : 1,
                end_line: rulesFromFile ? rule.line : 1,
                annotation_level: 'failure',
                title: printable(ruleTitle(rule)).slice(0, 255),
                message: printable(rule.message),
              }));
      if (github !== undefined && settings.checkName !== undefined) {
        try {
          const check = await createCheckRun({
            github,
            owner: context.owner,
            repo: context.repo,
            madeBy: 'gate',
            // Used as given: branch protection requires a check by name, so nothing run-dependent is appended.
            name: settings.checkName,
            headSha: context.headSha ?? context.sha,
            conclusion: checkConclusion(result),
            title: gateHeadline(result),
            summary,
            annotations,
            detailsUrl: `${context.serverUrl}/${context.repository}/actions/runs/${context.runId}`,
          });
          log.info(`check run created: ${check.url}`);
        } catch (thrown: unknown) {
          // A fork's token is read-only by design: the verdict still stands through the step itself.
          // Anywhere else the job lacks checks: write, which runStep names in the failure.
          if (!(context.fromFork && isPermissionRefusal(thrown))) throw thrown;
          log.warning(
            'the check run could not be created: on a pull request from a fork the token is read-only (GitHub answered 403). ' +
              'The gate verdict is in this step and its summary. For a check on fork pull requests, run compare with mode: publish ' +
              'in a workflow_run workflow (see "Pull requests from forks" in the README).',
          );
        }
      }
      // A neutral gate judged nothing; it fails only through require-baseline, which makes skips failures.
      if (verdict === 'fail' && settings.fail) step.fail(gateHeadline(result));
    },
    runner,
  );
}
