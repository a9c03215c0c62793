import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { node24, repositoryRoot } from '@ml-actions/testkit';

it("the README's security table counts the cases this suite has", () => {
  const result = spawnSync(node24(), [join(repositoryRoot(), 'scripts', 'security-cases.ts'), '--check'], {
    encoding: 'utf8',
  });
  expect(result.stderr).toBe('');
  expect(result.stdout).toBe('the security table in README.md matches the tests\n');
  expect(result.status).toBe(0);
});
