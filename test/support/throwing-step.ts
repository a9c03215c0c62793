// A step whose body throws whatever the first argument names: the outer guard must fail it.
import { UserError } from '@ml-actions/core';
import { runStep } from '@ml-actions/github';

const kind = process.argv[2];
await runStep({ name: 'probe', settings: () => undefined }, async (step) => {
  step.setOutput('reached', 'yes');
  step.addSummary('### probe\n');
  await Promise.resolve();
  // eslint-disable-next-line @typescript-eslint/only-throw-error -- the point: non-Errors must fail the step too
  if (kind === 'string') throw 'a bare string';
  // eslint-disable-next-line @typescript-eslint/only-throw-error -- as above
  if (kind === 'object') throw { code: 42 };
  if (kind === 'user') throw new UserError('metrics.json: unexpected end of JSON', { file: 'metrics.json', line: 3 });
  if (kind === 'error') throw new TypeError('boom');
});
