/**
 * The example pipeline, end to end, on the embedded local services: runs the committed bundles as
 * child processes under Node 24, exactly as a workflow would.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runAction } from '@ml-actions/testkit';

const workspace = await mkdtemp(join(tmpdir(), 'ml-actions-demo-'));
try {
  for (const [action, inputs] of [
    ['train', {}],
    ['gate', { rules: 'accuracy >= 0.9', 'check-name': '' }],
    ['compare', { mode: 'collect' }],
    ['package', { name: 'churn-model', path: 'model/' }],
  ] as const) {
    const run = await runAction({ action, workspace, inputs, token: 'ghs_demo' });
    console.log(`${action}: exit ${run.exitCode}, outputs ${JSON.stringify(run.outputs)}`);
  }
} finally {
  await rm(workspace, { recursive: true, force: true });
}
