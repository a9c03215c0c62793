// A step whose body throws whatever the first argument names: the outer guard must fail it.
import { UserError } from '@ml-actions/core';
import { runStep } from '@ml-actions/github';

const kind = process.argv[2];
await runStep('probe', async (step) => {
  step.setOutput('reached', 'yes');
  step.addSummary('### probe\n');
  await Promise.resolve();
  if (kind === 'string') throw 'a bare string';
  if (kind === 'object') throw { code: 42 };
  if (kind === 'user') throw new UserError('metrics.json: unexpected end of JSON', { file: 'metrics.json', line: 3 });
  if (kind === 'error') throw new TypeError('boom');
});
