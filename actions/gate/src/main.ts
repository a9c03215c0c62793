import { runStep } from '@ml-actions/github';
import { readGateSettings } from './settings.ts';

/** gate: judge the run against the rules and report a verdict. */
export async function run(): Promise<void> {
  await runStep('gate', (step) => {
    readGateSettings();
    step.addSummary('### ML gate\n');
  });
}
