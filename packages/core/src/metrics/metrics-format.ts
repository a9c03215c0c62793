import path from 'node:path';
import { fileError } from '../files/file-error.ts';
import { openRegularFile } from '../files/regular-file.ts';
import { maskedCrc32c } from './crc32c.ts';
import { isTfeventsName } from './tfevents.ts';

/** The metric file formats we read. */
export type MetricsFileFormat = 'json' | 'jsonl' | 'yaml' | 'toml' | 'csv' | 'tsv' | 'tfevents' | 'mlflow-metric';

const BY_EXTENSION: Record<string, MetricsFileFormat> = {
  '.json': 'json',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
  '.yaml': 'yaml',
  '.yml': 'yaml',
  '.toml': 'toml',
  '.csv': 'csv',
  '.tsv': 'tsv',
};

/** The format a file name implies (`.json` may still turn out to be JSON Lines), or undefined. */
export function metricsFormatFromName(fileName: string): MetricsFileFormat | undefined {
  const base = path.basename(fileName);
  if (isTfeventsName(base)) return 'tfevents';
  return BY_EXTENSION[path.extname(base).toLowerCase()];
}

const SNIFF_BYTES = 64 * 1024;

/**
 * The format of a metrics file, from its name and, where the name is not enough, its first
 * bytes: a `.json` file holding one object per line is JSON Lines; a file with an unknown
 * extension is recognised as TFRecord (valid first length CRC), JSON / JSON Lines, an MLflow
 * metric file (`timestamp value [step]` lines), TSV, CSV, or else read as YAML.
 */
export async function detectMetricsFormat(absolutePath: string, displayName: string): Promise<MetricsFileFormat> {
  const byName = metricsFormatFromName(absolutePath);
  if (byName !== undefined && byName !== 'json') return byName;
  const head = await readHead(absolutePath, displayName);
  if (byName === 'json') return looksLikeJsonLines(head) ? 'jsonl' : 'json';
  if (head.length === 0) throw fileError(displayName, 'file is empty');
  if (head.length >= 12 && maskedCrc32c(head, 0, 8) === head.readUInt32LE(8)) return 'tfevents';
  if (head.includes(0)) {
    throw fileError(
      displayName,
      'is a binary file in no format we read (metrics may be JSON, YAML, TOML, CSV, TSV, JSON Lines or TensorBoard event files)',
    );
  }
  const text = head.toString('utf8').replace(/^\uFEFF/, '');
  const firstLine = text.split('\n', 1)[0] ?? '';
  const trimmed = text.trimStart();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) return looksLikeJsonLines(head) ? 'jsonl' : 'json';
  if (looksLikeMlflowMetric(text)) return 'mlflow-metric';
  if (firstLine.includes('\t')) return 'tsv';
  if (firstLine.includes(',') && !firstLine.includes(':')) return 'csv';
  return 'yaml';
}

async function readHead(absolutePath: string, displayName: string): Promise<Buffer> {
  const handle = await openRegularFile(absolutePath, displayName);
  try {
    const buffer = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, SNIFF_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** A first line that is a whole JSON object, followed by another non-blank line. */
function looksLikeJsonLines(head: Buffer): boolean {
  const text = head.toString('utf8').replace(/^\uFEFF/, '');
  const lines = text.split('\n');
  const first = lines.findIndex((line) => line.trim() !== '');
  if (first === -1 || first + 1 >= lines.length) return false;
  try {
    const value: unknown = JSON.parse(lines[first]!);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  } catch {
    return false;
  }
  return lines.slice(first + 1).some((line) => line.trim().startsWith('{'));
}

const MLFLOW_METRIC_LINE = /^\d{9,} \S+( -?\d+)?\r?$/;

/** Every complete line is `timestamp value [step]` with a millisecond timestamp. */
function looksLikeMlflowMetric(text: string): boolean {
  const lines = text.split('\n');
  if (lines.length > 1) lines.pop(); // possibly cut off by the sniff limit
  const filled = lines.filter((line) => line.trim() !== '');
  return filled.length > 0 && filled.every((line) => MLFLOW_METRIC_LINE.test(line));
}
