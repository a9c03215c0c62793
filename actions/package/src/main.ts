import { runStep } from '@ml-actions/github';
import { readPackageSettings } from './settings.ts';

/** package: build a versioned, verifiable model package and upload it. */
export async function run(): Promise<void> {
  await runStep('package', (step) => {
    const settings = readPackageSettings();
    step.addSummary(`### ML package: ${settings.name}\n`);
  });
}
