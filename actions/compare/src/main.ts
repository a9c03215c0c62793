import { runStep } from '@ml-actions/github';
import { readCompareSettings } from './settings.ts';

/** compare: render the comparison and publish it as one sticky comment. */
export async function run(): Promise<void> {
  await runStep('compare', (step) => {
    const settings = readCompareSettings();
    step.addSummary(`### ML compare (${settings.mode})\n`);
  });
}
