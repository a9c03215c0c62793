/**
 * Counts the test cases of the reliability and security suite (test/reliability) and of the tests
 * elsewhere that it relies on, and writes the table into README.md's Security section (which the README's
 * Security section shows). `it(...)` counts one case, `it.each(rows)(...)` one per row. With
 * --check, fails when the committed table is not what the tests say.
 */
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import * as prettier from 'prettier';
import ts from 'typescript';

const root = join(import.meta.dirname, '..');
const suite = join(root, 'test', 'reliability');
const output = join(root, 'README.md');

/** The suite's test that this table matches the tests: not a security case itself. */
const SELF_CHECK = 'security-cases.test.ts';

/** The category each file of the suite covers, in the order the table lists them. */
const CATEGORIES: [file: string, category: string][] = [
  ['faults.test.ts', 'Faults'],
  ['hostile-files.test.ts', 'Hostile files'],
  ['injection.test.ts', 'Injection'],
  ['paths.test.ts', 'Paths'],
  ['secrets.test.ts', 'Secrets'],
  ['user-secrets.test.ts', 'Secrets in user data'],
  ['forks.test.ts', 'Fork pull requests'],
  ['permissions.test.ts', 'Token permissions'],
  ['trusted-stage.test.ts', 'Trusted stage'],
  ['baselines.test.ts', 'Baselines'],
  ['artifact-downloads.test.ts', 'Downloaded artifacts'],
  ['package-versions.test.ts', 'Package versions'],
  ['reruns.test.ts', 'Re-runs'],
  ['events.test.ts', 'Events'],
];

/** Tests outside the suite that cover part of the same ground; each selects cases by describe, title or body. */
interface Reference {
  category: string;
  what: string;
  files: string[];
  describe?: RegExp;
  title?: RegExp;
  body?: RegExp;
}

const REFERENCES: Reference[] = [
  {
    category: 'Hostile files',
    what: 'property-based fuzzing (fast-check) of the metric readers, run records and the rule parser',
    files: [
      'packages/core/test/json-metrics.test.ts',
      'packages/core/test/read-metrics-file.test.ts',
      'packages/core/test/number-text.test.ts',
      'packages/core/test/run-record.test.ts',
      'packages/core/test/rules-properties.test.ts',
    ],
    body: /\bfc\.(assert|property|asyncProperty)\(/,
  },
  {
    category: 'Faults',
    what: 'one sticky comment across pages of comments and two racing jobs',
    files: ['test/compare.test.ts'],
    title: /among 250 others|two jobs posting at once/,
  },
  {
    category: 'Faults',
    what: 'artifact uploads cut or stalled (recovered once, failed for good)',
    files: ['packages/testkit/test/artifact-service.test.ts'],
    title: /reset mid-upload|cut off for good|stalls/,
  },
  {
    category: 'Injection',
    what: 'escaping of user text in Markdown, tables and Mermaid charts',
    files: ['packages/core/test/report-escape.test.ts'],
  },
  {
    category: 'Injection',
    what: 'a comparison comment for hostile metric names',
    files: ['test/compare.test.ts'],
    title: /neutralises/,
  },
  {
    category: 'Paths',
    what: 'package paths leaving the workspace, by `..` or by a symlink',
    files: ['test/package.test.ts'],
    title: /leaves the workspace|symbolic link/,
  },
  {
    category: 'Fork pull requests',
    what: 'compare degrades to the job summary; publish checks the pull request and head commit',
    files: ['test/compare.test.ts'],
    describe: /from forks/,
  },
];

interface Case {
  describe: string;
  title: string;
  count: number;
  body: string;
}

/** The cases of a test file, each with its outermost describe title. */
function casesOf(path: string, text: string): Case[] {
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const cases: Case[] = [];
  const visit = (node: ts.Node, describe: string): void => {
    if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const name = callee.getText(source);
      if (name === 'describe') {
        const title = literalText(node.arguments[0]) ?? '(untitled)';
        node.arguments.forEach((argument) => visit(argument, describe === '' ? title : describe));
        return;
      }
      if (name === 'it' || name === 'it.fails' || name === 'test') {
        cases.push({ describe, title: literalText(node.arguments[0]) ?? '', count: 1, body: node.getText(source) });
        return;
      }
      if (ts.isCallExpression(callee) && callee.expression.getText(source) === 'it.each') {
        const count = rowCount(callee.arguments[0], source, path);
        cases.push({ describe, title: literalText(node.arguments[0]) ?? '', count, body: node.getText(source) });
        return;
      }
    }
    ts.forEachChild(node, (child) => visit(child, describe));
  };
  visit(source, '');
  return cases;
}

function literalText(node: ts.Node | undefined): string | undefined {
  return node !== undefined && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node))
    ? node.text
    : undefined;
}

/** Rows of an `it.each` table: an array literal, or the nearest const in scope initialised with one. */
function rowCount(table: ts.Node | undefined, source: ts.SourceFile, path: string): number {
  if (table !== undefined && ts.isArrayLiteralExpression(table)) return table.elements.length;
  if (table !== undefined && ts.isIdentifier(table)) {
    for (let scope: ts.Node | undefined = table.parent; scope !== undefined; scope = scope.parent) {
      if (!ts.isBlock(scope) && !ts.isSourceFile(scope)) continue;
      for (const statement of scope.statements) {
        if (!ts.isVariableStatement(statement)) continue;
        for (const declaration of statement.declarationList.declarations) {
          if (
            declaration.name.getText(source) === table.text &&
            declaration.initializer !== undefined &&
            ts.isArrayLiteralExpression(declaration.initializer)
          ) {
            return declaration.initializer.elements.length;
          }
        }
      }
    }
  }
  throw new Error(`${path}: cannot count the rows of it.each(${table?.getText(source) ?? ''}); use an array literal`);
}

async function cases(path: string): Promise<Case[]> {
  return casesOf(path, await readFile(join(root, path), 'utf8'));
}

function total(list: Case[]): number {
  return list.reduce((sum, item) => sum + item.count, 0);
}

/** The Markdown table of the suite and of what it references. */
async function render(): Promise<string> {
  const present = (await readdir(suite)).filter((name) => name.endsWith('.test.ts') && name !== SELF_CHECK).sort();
  const unknown = present.filter((name) => !CATEGORIES.some(([file]) => file === name));
  if (unknown.length > 0) throw new Error(`no category for ${unknown.join(', ')}: add it to CATEGORIES`);

  const lines = [
    '<!-- Generated by scripts/security-cases.ts from the tests; run `node scripts/security-cases.ts` after changing them. -->',
    '',
    'Cases of the reliability and security suite (`test/reliability`, part of `npm test`), by category.',
    'Each runs the committed action bundles against the local GitHub stand-ins and asserts its specific',
    'outcome (the error text, exactly one comment or check run, no token in any output). Retry waits are',
    'shortened with `ML_ACTIONS_RETRY_WAIT_SCALE=0.001`, which each action reads once when it creates its',
    "GitHub client (unset on a real runner: the waits are then GitHub's own).",
    '',
    '| Category | What is covered | Cases | Where |',
    '|---|---|---:|---|',
  ];
  let suiteTotal = 0;
  for (const [file, category] of CATEGORIES) {
    if (!present.includes(file)) continue;
    const path = relative(root, join(suite, file));
    const found = await cases(path);
    const groups = new Map<string, Case[]>();
    for (const item of found) groups.set(item.describe, [...(groups.get(item.describe) ?? []), item]);
    for (const [describe, list] of groups) {
      lines.push(`| ${category} | ${cell(describe || '(top level)')} | ${total(list)} | \`${path}\` |`);
    }
    suiteTotal += total(found);
  }
  lines.push(`| **All** | | **${suiteTotal}** | \`test/reliability\` |`, '');

  lines.push(
    'Covered by other tests, which the suite does not repeat:',
    '',
    '| Category | What is covered | Cases | Where |',
    '|---|---|---:|---|',
  );
  for (const reference of REFERENCES) {
    let count = 0;
    for (const file of reference.files) {
      const selected = (await cases(file)).filter(
        (item) =>
          (reference.describe === undefined || reference.describe.test(item.describe)) &&
          (reference.title === undefined || reference.title.test(item.title)) &&
          (reference.body === undefined || reference.body.test(item.body)),
      );
      count += total(selected);
    }
    if (count === 0) throw new Error(`the reference "${reference.what}" selects no test case: update REFERENCES`);
    const where = reference.files.map((file) => `\`${file}\``).join(', ');
    lines.push(`| ${reference.category} | ${cell(reference.what)} | ${count} | ${where} |`);
  }
  return `${lines.join('\n')}\n`;
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|');
}

const START = '<!-- security-cases:start -->';
const END = '<!-- security-cases:end -->';

/** README.md with the generated table between its markers, formatted as `npm run format` would. */
async function readmeWithTable(readme: string): Promise<string> {
  const startAt = readme.indexOf(START);
  const endAt = readme.indexOf(END);
  if (startAt === -1 || endAt < startAt) throw new Error(`README.md needs the markers ${START} and ${END}`);
  const text = `${readme.slice(0, startAt + START.length)}\n\n${await render()}\n${readme.slice(endAt)}`;
  return prettier.format(text, { ...(await prettier.resolveConfig(output)), filepath: output });
}

const committed = await readFile(output, 'utf8');
const updated = await readmeWithTable(committed);
if (process.argv.includes('--check')) {
  if (committed !== updated) {
    console.error(
      `the security table in ${relative(root, output)} does not match the tests: run node scripts/security-cases.ts`,
    );
    process.exitCode = 1;
  } else {
    console.log(`the security table in ${relative(root, output)} matches the tests`);
  }
} else {
  await writeFile(output, updated);
  console.log(`updated the security table in ${relative(root, output)}`);
}
