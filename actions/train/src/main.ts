import { readActionContext, runStep } from '@ml-actions/github';
import { readTrainSettings } from './settings.ts';

/** train: run the command, read what it wrote, record the run. */
export async function run(): Promise<void> {
  await runStep('train', (step) => {
    const settings = readTrainSettings();
    const context = readActionContext();
    step.setOutput('run-id', `${context.runId}-${context.runAttempt}-${context.job}`);
    step.addSummary(`### ML train\n\nExperiment: ${settings.experiment ?? context.job}\n`);
  });
}
