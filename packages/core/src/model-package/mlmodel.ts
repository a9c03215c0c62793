/**
 * MLflow's `MLmodel` file: a YAML document naming the model's flavors and, optionally, its
 * signature (inputs, outputs and params, each a JSON string inside the YAML).
 */
import type * as Yaml from 'yaml';
import type { Document, LineCounter } from 'yaml';
import { UserError } from '../errors.ts';

export interface MlmodelSignature {
  /** Parsed JSON: usually a list of `{ name, type }` columns or tensor specs. */
  inputs: unknown;
  outputs: unknown;
  params: unknown;
}

export interface ParsedMlmodel {
  /** Flavor names in file order, such as `python_function` and `sklearn`. */
  flavors: string[];
  signature: MlmodelSignature | null;
  runId: string | null;
  modelUuid: string | null;
  mlflowVersion: string | null;
  /** `utc_time_created` as written. */
  createdAt: string | null;
}

/** Parses the text of an `MLmodel` file; `file` names it in errors. The parser is loaded on first use. */
export async function parseMlmodel(text: string, file = 'MLmodel'): Promise<ParsedMlmodel> {
  const yaml = await import('yaml');
  const { isMap, isScalar, LineCounter, parseDocument } = yaml;
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const first = doc.errors[0];
  if (first) {
    const at = lineCounter.linePos(first.pos[0]);
    throw new UserError(`${file}:${at.line}:${at.col}: invalid YAML: ${firstLine(first.message)}`, {
      file,
      line: at.line,
      column: at.col,
    });
  }
  if (!isMap(doc.contents)) {
    throw new UserError(`${file}: an MLmodel file must be a YAML mapping`, { file, line: 1 });
  }
  const flavorsNode = doc.get('flavors', true);
  if (!isMap(flavorsNode)) {
    throw new UserError(`${file}: has no "flavors" mapping, so it is not an MLflow MLmodel file`, {
      file,
      ...lineOf(flavorsNode, lineCounter),
    });
  }
  const flavors = flavorsNode.items.map((pair) => String(isScalar(pair.key) ? pair.key.value : pair.key));

  let signature: MlmodelSignature | null = null;
  const signatureNode = doc.get('signature', true);
  if (signatureNode !== undefined && !(isScalar(signatureNode) && signatureNode.value === null)) {
    if (!isMap(signatureNode)) {
      throw new UserError(`${file}: "signature" must be a mapping`, {
        file,
        ...lineOf(signatureNode, lineCounter),
      });
    }
    signature = {
      inputs: signaturePart(yaml, doc, 'inputs', file, lineCounter),
      outputs: signaturePart(yaml, doc, 'outputs', file, lineCounter),
      params: signaturePart(yaml, doc, 'params', file, lineCounter),
    };
  }
  return {
    flavors,
    signature,
    runId: scalarText(doc.get('run_id')),
    modelUuid: scalarText(doc.get('model_uuid')),
    mlflowVersion: scalarText(doc.get('mlflow_version')),
    createdAt: scalarText(doc.get('utc_time_created')),
  };
}

/** The `MLmodel` file a manifest describes: the shallowest one, then the first by path. */
export function findMlmodelFile(files: readonly { path: string }[]): string | undefined {
  const depth = (p: string): number => p.split('/').length;
  return files
    .map((file) => file.path)
    .filter((p) => p === 'MLmodel' || p.endsWith('/MLmodel'))
    .sort((a, b) => depth(a) - depth(b) || (a < b ? -1 : a > b ? 1 : 0))[0];
}

/** One part of the signature: MLflow writes a JSON string, but a YAML structure is accepted too. */
function signaturePart(
  { isCollection, isScalar }: typeof Yaml,
  doc: Document,
  key: string,
  file: string,
  lineCounter: LineCounter,
): unknown {
  const node: unknown = doc.getIn(['signature', key], true);
  if (node === undefined) return null;
  if (!isScalar(node)) return isCollection(node) ? (node.toJSON() as unknown) : null;
  if (typeof node.value !== 'string') return node.value ?? null;
  try {
    return JSON.parse(node.value) as unknown;
  } catch (error) {
    throw new UserError(
      `${file}: signature.${key} is not valid JSON (${firstLine(error instanceof Error ? error.message : String(error))})`,
      { file, ...lineOf(node, lineCounter) },
    );
  }
}

function scalarText(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return String(value);
  }
  return null;
}

function lineOf(node: unknown, lineCounter: LineCounter): { line?: number; column?: number } {
  const range = (node as { range?: [number, number, number] } | undefined)?.range;
  if (!range) return {};
  const at = lineCounter.linePos(range[0]);
  return { line: at.line, column: at.col };
}

function firstLine(text: string): string {
  return text.split('\n', 1)[0] ?? text;
}
