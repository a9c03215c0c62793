/**
 * The model card: README.md with Hugging Face style YAML front matter (`library_name`, `tags`,
 * `model-index` with the metrics), then a body a person reads. Everything is derived from the
 * manifest, so the card never says something the manifest does not.
 */
import { formatBytes } from '../files/format-bytes.ts';
import type { Verdict } from '../gate/gate-result.ts';
import type { ManifestNumber, ManifestFile, ModelManifest } from './manifest.ts';
import { PACKAGE_SUMS_FILE } from './manifest.ts';
import { escapeInline as escapeMarkdown, markdownLink } from '../text/markdown-escape.ts';

export interface ModelCardOptions {
  /** Free Markdown from the user, shown under the title as written. */
  description?: string;
  /** Hugging Face task type for `model-index` (`tabular-classification`, ...); `other` when absent. */
  task?: string;
  /** The pushed OCI manifest's digest (`sha256:…`), known only after the push: for the release notes. */
  ociDigest?: string;
}

/** MLflow flavor -> Hugging Face library name, for flavors whose library is unambiguous. */
const LIBRARY_OF_FLAVOR: Readonly<Record<string, string>> = {
  sklearn: 'scikit-learn',
  pytorch: 'pytorch',
  tensorflow: 'tensorflow',
  keras: 'keras',
  transformers: 'transformers',
  sentence_transformers: 'sentence-transformers',
  xgboost: 'xgboost',
  lightgbm: 'lightgbm',
  catboost: 'catboost',
  onnx: 'onnx',
  spacy: 'spacy',
  fastai: 'fastai',
  paddle: 'paddlepaddle',
  statsmodels: 'statsmodels',
  prophet: 'prophet',
};

/** The Hugging Face `library_name` for a list of MLflow flavors: the first flavor with a known library. */
export function libraryNameOf(flavors: readonly string[]): string | undefined {
  for (const flavor of flavors) {
    if (Object.hasOwn(LIBRARY_OF_FLAVOR, flavor)) return LIBRARY_OF_FLAVOR[flavor];
  }
  return undefined;
}

/** Renders README.md for a model package. */
export async function renderModelCard(manifest: ModelManifest, options: ModelCardOptions = {}): Promise<string> {
  return `---\n${await renderFrontMatter(manifest, options)}---\n\n${renderModelCardBody(manifest, options)}`;
}

// The YAML writer is loaded on first use: most steps write no model card.
async function renderFrontMatter(manifest: ModelManifest, options: ModelCardOptions): Promise<string> {
  const { stringify } = await import('yaml');
  const library = manifest.mlmodel ? libraryNameOf(manifest.mlmodel.flavors) : undefined;
  const tags = ['ml-actions'];
  if (manifest.mlmodel) tags.push('mlflow');
  if (library !== undefined) tags.push(library);

  const front: Record<string, unknown> = {};
  if (library !== undefined) front['library_name'] = library;
  front['tags'] = tags;
  const metrics = Object.entries(manifest.metrics);
  // model-index needs at least one metric to say anything; without metrics it is left out.
  if (metrics.length > 0) {
    front['model-index'] = [
      {
        name: manifest.name,
        results: [
          {
            task: { type: options.task ?? 'other' },
            metrics: metrics.map(([metric, value]) => ({ type: metric, value, name: metric })),
          },
        ],
      },
    ];
  }
  // YAML 1.1 output quotes strings such as `on` and `yes` that PyYAML (which the Hub uses)
  // would otherwise read as booleans; lineWidth 0 keeps long values on one line.
  return stringify(front, { version: '1.1', lineWidth: 0 });
}

/**
 * The card without its front matter: what a person reads, and the release notes (GitHub renders
 * front matter in release notes as a table of YAML, not as metadata).
 */
export function renderModelCardBody(manifest: ModelManifest, options: ModelCardOptions = {}): string {
  const out: string[] = [];
  out.push(`# ${escapeMarkdown(manifest.name)}`, '');
  out.push(
    `Version \`${manifest.version}\`, packaged ${manifest.createdAt} by ml-actions: ` +
      `${manifest.files.length} ${manifest.files.length === 1 ? 'file' : 'files'}, ${formatBytes(manifest.totalSize)}.`,
    '',
  );
  if (manifest.trendPage !== undefined) {
    const label =
      manifest.provenance === null
        ? 'this version'
        : `${escapeMarkdown(manifest.provenance.experiment)} at this version`;
    out.push(`Trend: ${markdownLink(`${label} on the trend page`, manifest.trendPage)}.`, '');
  }
  if (manifest.release !== undefined) {
    out.push(
      `Release: ${markdownLink(`${escapeMarkdown(manifest.name)} v${manifest.version}`, manifest.release)}.`,
      '',
    );
  }
  if (manifest.oci !== undefined) {
    // A reference by digest names these bytes for good; the tag is how people find it.
    const pinned =
      options.ociDigest === undefined
        ? `\`${escapeMarkdown(manifest.oci)}\``
        : `\`${escapeMarkdown(`${manifest.oci.replace(/:[^:/]+$/, '')}@${options.ociDigest}`)}\` (tag \`${escapeMarkdown(manifest.oci.slice(manifest.oci.lastIndexOf(':') + 1))}\`)`;
    out.push(`OCI: ${pinned} (pull it with \`oras pull\` or \`skopeo copy\`).`, '');
  }
  const description = options.description?.trim();
  if (description) out.push(description, '');

  out.push('## Metrics', '');
  const metrics = Object.entries(manifest.metrics);
  if (metrics.length === 0) out.push('No metrics were recorded.', '');
  else {
    out.push(
      ...table(
        ['Metric', 'Value'],
        metrics.map(([name, value]) => [escapeMarkdown(name), formatNumber(value)]),
        ['left', 'right'],
      ),
      '',
    );
  }

  const params = Object.entries(manifest.params);
  if (params.length > 0) {
    out.push('## Parameters', '');
    out.push(
      ...table(
        ['Parameter', 'Value'],
        params.map(([name, value]) => [escapeMarkdown(name), escapeMarkdown(formatParam(value))]),
      ),
      '',
    );
  }

  if (manifest.gate) {
    const rules = manifest.gate.rules;
    out.push('## Quality gate', '');
    out.push(
      `${manifest.gate.passed ? '**Passed**' : '**Failed**'}: ${rules.filter((r) => r.verdict === 'pass').length} of ${rules.length} ${rules.length === 1 ? 'rule' : 'rules'} passed.`,
      '',
    );
    if (rules.length > 0) {
      out.push(
        ...table(
          ['Rule', 'Verdict', 'Value', 'Threshold', 'Baseline', 'Note'],
          rules.map((r) => [
            escapeMarkdown(r.rule),
            VERDICT_LABEL[r.verdict],
            r.actual === null ? '' : formatNumber(r.actual),
            r.threshold === null ? '' : formatNumber(r.threshold),
            r.baseline === null ? '' : formatNumber(r.baseline),
            escapeMarkdown(r.message),
          ]),
        ),
        '',
      );
    }
  }

  const p = manifest.provenance;
  if (p) {
    out.push('## Provenance', '');
    const rows: string[][] = [
      ['Repository', link(p.repository, `${p.serverUrl.replace(/\/+$/, '')}/${p.repository}`)],
      ['Commit', link(p.sha.slice(0, 12), p.commitUrl)],
      ['Ref', escapeMarkdown(p.ref)],
      ['Event', escapeMarkdown(p.pullRequest === null ? p.event : `${p.event} (#${p.pullRequest})`)],
      [
        'Workflow run',
        markdownLink(`${escapeMarkdown(p.workflow)} #${p.runNumber}, attempt ${p.runAttempt}`, p.runUrl),
      ],
      ['Job', escapeMarkdown(p.job)],
      ['Experiment', escapeMarkdown(p.experiment)],
      ['Run id', escapeMarkdown(p.runId)],
    ];
    out.push(...table(['Field', 'Value'], rows), '');
  }

  if (manifest.data.length > 0) {
    out.push('## Training data', '');
    out.push(...fileTable(manifest.data), '');
  }

  const mlmodel = manifest.mlmodel;
  if (mlmodel) {
    out.push('## MLflow model', '');
    out.push(
      `The MLflow model in ${escapeMarkdown(mlmodel.path)} has the flavors ${mlmodel.flavors.map(escapeMarkdown).join(', ') || '(none)'}` +
        (mlmodel.mlflowVersion === null ? '.' : ` (MLflow ${escapeMarkdown(mlmodel.mlflowVersion)}).`),
      '',
    );
    if (mlmodel.signature) {
      for (const [label, part] of [
        ['Inputs', mlmodel.signature.inputs],
        ['Outputs', mlmodel.signature.outputs],
        ['Params', mlmodel.signature.params],
      ] as const) {
        if (part === null || part === undefined) continue;
        out.push(`### ${label}`, '', ...signatureTable(part), '');
      }
    }
  }

  out.push('## Files', '');
  out.push(...fileTable(manifest.files), '');

  out.push('## Verify', '');
  out.push(
    `\`${PACKAGE_SUMS_FILE}\` lists every file of this package except itself; \`manifest.json\` lists the model files with their sizes and hashes. In the package folder:`,
    '',
    '```sh',
    `sha256sum -c ${PACKAGE_SUMS_FILE}`,
    '```',
    '',
  );
  return out.join('\n');
}

const VERDICT_LABEL: Readonly<Record<Verdict, string>> = {
  pass: '✅ pass',
  fail: '❌ fail',
  skipped: '⏭️ skipped',
  error: '⚠️ error',
};

function fileTable(files: readonly ManifestFile[]): string[] {
  return table(
    ['File', 'Size', 'SHA-256'],
    files.map((f) => [escapeMarkdown(f.path), formatBytes(f.size), `\`${f.sha256}\``]),
    ['left', 'right', 'left'],
  );
}

/** Columns of an MLflow signature part as a table; anything else as JSON in a code block. */
function signatureTable(part: unknown): string[] {
  if (Array.isArray(part) && part.every((item) => typeof item === 'object' && item !== null)) {
    const columns = part as Record<string, unknown>[];
    const hasDefault = columns.some((c) => c['default'] !== undefined);
    return table(
      hasDefault ? ['Name', 'Type', 'Default'] : ['Name', 'Type'],
      columns.map((c) => {
        const row = [escapeMarkdown(textOf(c['name'])), escapeMarkdown(columnType(c))];
        if (hasDefault) row.push(escapeMarkdown(c['default'] === undefined ? '' : JSON.stringify(c['default'])));
        return row;
      }),
    );
  }
  const json = JSON.stringify(part, null, 2);
  // A fence longer than any backtick run inside keeps the block closed where it should be.
  const fence = '`'.repeat(Math.max(3, ...[...json.matchAll(/`+/g)].map((m) => m[0].length + 1)));
  return [`${fence}json`, json, fence];
}

function columnType(column: Record<string, unknown>): string {
  const spec = column['tensor-spec'];
  let type = textOf(column['type']);
  if (typeof spec === 'object' && spec !== null) {
    const { dtype, shape } = spec as { dtype?: unknown; shape?: unknown };
    type = `tensor ${textOf(dtype)} ${JSON.stringify(shape ?? [])}`;
  }
  if (column['required'] === false) type += ' (optional)';
  return type;
}

function textOf(value: unknown): string {
  if (value === undefined || value === null) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function table(header: string[], rows: string[][], align: ('left' | 'right')[] = []): string[] {
  const rule = header.map((_, i) => (align[i] === 'right' ? '---:' : '---'));
  return [header, rule, ...rows].map((cells) => `| ${cells.join(' | ')} |`);
}

function link(text: string, url: string): string {
  return markdownLink(escapeMarkdown(text), url);
}

/** Six significant digits for a person; manifest.json and the front matter keep full precision. */
function formatNumber(value: ManifestNumber): string {
  if (typeof value === 'string') return value;
  if (Number.isInteger(value)) return String(value);
  return String(Number(value.toPrecision(6)));
}

function formatParam(value: string | number | boolean | null): string {
  return value === null ? 'null' : String(value);
}
