/**
 * Which zip level the package artifact is uploaded with. Model weights are dense numbers or are
 * compressed already, so deflating them costs CPU time (about half the upload time here) and saves
 * almost nothing; text such as configs and tokenizers compresses well.
 *
 * The rule, when the user gives no `compression-level`:
 * - a file whose extension is a known weights or archive format counts as incompressible without
 *   being read;
 * - any other file of at least 4 KiB has its first 64 KiB deflated at level 1, and counts as
 *   incompressible when that saves less than 10%; smaller files count as compressible (they are
 *   too small for the choice to matter), so most files are never sampled at all;
 * - level 0 (store) when incompressible files hold at least 80% of the bytes, else level 6
 *   (the artifact client's own default).
 * Samples are read from the staged files, which were just hashed and so are in the page cache:
 * the user's model files are still read from disk only once.
 */
import path from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { openRegularFile } from '@ml-actions/core';

/** Extensions of formats that are dense binary numbers or already compressed. */
const INCOMPRESSIBLE_EXTENSIONS = new Set([
  // weights and tensors
  '.pt',
  '.pth',
  '.bin',
  '.safetensors',
  '.onnx',
  '.pkl',
  '.pickle',
  '.joblib',
  '.h5',
  '.hdf5',
  '.keras',
  '.ckpt',
  '.tflite',
  '.pb',
  '.gguf',
  '.ggml',
  '.npy',
  '.npz',
  '.mlmodel',
  '.engine',
  '.plan',
  '.params',
  // archives and compressed data
  '.gz',
  '.tgz',
  '.zip',
  '.bz2',
  '.xz',
  '.zst',
  '.lz4',
  '.7z',
  '.rar',
  '.parquet',
  // media
  '.jpg',
  '.jpeg',
  '.png',
  '.gif',
  '.webp',
  '.mp3',
  '.mp4',
  '.ogg',
  '.flac',
]);

const SAMPLE_BYTES = 64 * 1024;
const MIN_SAMPLED_SIZE = 4 * 1024;
/** Compressed/original size of the sample at or above which a file counts as incompressible. */
const INCOMPRESSIBLE_RATIO = 0.9;
/** Share of the bytes in incompressible files from which the whole package is stored. */
const STORE_SHARE = 0.8;
/** What @actions/artifact uses when no level is given. */
export const DEFAULT_COMPRESSION_LEVEL = 6;

export interface CompressionChoice {
  level: number;
  /** One line for a person: why this level. */
  reason: string;
}

/** Chooses the zip level for staged files (`absolute` paths, sizes in bytes); `requested` wins when given. */
export async function chooseCompression(
  files: readonly { path: string; absolute: string; size: number }[],
  requested: number | undefined,
): Promise<CompressionChoice> {
  if (requested !== undefined) return { level: requested, reason: 'as set by input `compression-level`' };
  let total = 0;
  let incompressible = 0;
  for (const file of files) {
    total += file.size;
    if (await looksIncompressible(file)) incompressible += file.size;
  }
  const share = total === 0 ? 0 : incompressible / total;
  const percent = `${Math.round(share * 100)}%`;
  if (total > 0 && share >= STORE_SHARE) {
    return {
      level: 0,
      reason: `${percent} of the bytes look incompressible (model weights or archives), so they are stored`,
    };
  }
  return { level: DEFAULT_COMPRESSION_LEVEL, reason: `only ${percent} of the bytes look incompressible` };
}

/** True for a known weights or archive extension, or a sample that deflate barely shrinks. */
export async function looksIncompressible(file: { path: string; absolute: string; size: number }): Promise<boolean> {
  if (INCOMPRESSIBLE_EXTENSIONS.has(path.extname(file.path).toLowerCase())) return true;
  if (file.size < MIN_SAMPLED_SIZE) return false;
  const handle = await openRegularFile(file.absolute, file.path);
  try {
    const sample = Buffer.allocUnsafe(Math.min(SAMPLE_BYTES, file.size));
    const { bytesRead } = await handle.read(sample, 0, sample.length, 0);
    if (bytesRead === 0) return false;
    const compressed = deflateRawSync(sample.subarray(0, bytesRead), { level: 1 });
    return compressed.length / bytesRead >= INCOMPRESSIBLE_RATIO;
  } finally {
    await handle.close();
  }
}
