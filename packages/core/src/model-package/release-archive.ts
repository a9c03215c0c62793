/**
 * The model files as release assets: one tar archive of a folder `<name>-v<version>/` holding the
 * model files and a SHA256SUMS of them, cut into parts under GitHub's per-asset limit. Everything
 * here is known before an upload starts (sizes and offsets come from the plan), so the manifest can
 * name every part's address, and a part can be sent again after a failure.
 *
 * Getting the model back: download the assets, `sha256sum -c SHA256SUMS` (the release's, over the
 * assets), `cat <name>-v<version>.tar* | tar -x`, then `sha256sum -c SHA256SUMS` in the folder.
 */
import { UserError } from '../errors.ts';
import { PACKAGE_SUMS_FILE, type ManifestFile } from './manifest.ts';
import { renderSha256Sums } from './sha256-sums.ts';
import { planTarArchive, splitIntoParts, type TarPlan } from './tar-archive.ts';

/** GitHub refuses a release asset of 2 GiB or more. */
export const RELEASE_ASSET_LIMIT = 2 * 1024 ** 3 - 1;
/** The default part size: under the limit with room to spare. */
export const DEFAULT_RELEASE_PART_SIZE = 2 * 1024 ** 3 - 1024 ** 2;
/** GitHub keeps at most 1,000 assets per release; a few are the manifest, card, provenance and sums. */
const MAX_PARTS = 990;

export interface ReleaseArchivePart {
  /** The asset's file name. */
  name: string;
  /** Where GitHub serves it once the release is published. */
  url: string;
  /** Where the part starts in the archive. */
  offset: number;
  size: number;
}

/** The archive as the manifest records it. */
export interface ReleaseArchive {
  format: 'tar';
  /** The folder the archive unpacks to. */
  root: string;
  /** The whole archive's length: the parts joined in order. */
  size: number;
  parts: ReleaseArchivePart[];
}

export interface PlannedReleaseArchive {
  archive: ReleaseArchive;
  plan: TarPlan;
}

/**
 * Plans the archive of the staged model files. `downloadBase` is the release's download address
 * (`https://github.com/OWNER/REPO/releases/download/<tag>`); `mtimeSeconds` dates every entry.
 */
export function planReleaseArchive(options: {
  name: string;
  version: string;
  files: readonly (ManifestFile & { absolute: string })[];
  partSize: number;
  downloadBase: string;
  mtimeSeconds: number;
}): PlannedReleaseArchive {
  const root = `${options.name}-v${options.version}`;
  if (options.files.some((file) => file.path === PACKAGE_SUMS_FILE)) {
    throw new UserError(`a model file named ${PACKAGE_SUMS_FILE} at the top would collide with the archive's own`);
  }
  const sums = Buffer.from(renderSha256Sums(options.files), 'utf8');
  const plan = planTarArchive(
    [
      ...options.files.map((file) => ({ path: `${root}/${file.path}`, size: file.size, absolute: file.absolute })),
      { path: `${root}/${PACKAGE_SUMS_FILE}`, data: sums },
    ],
    options.mtimeSeconds,
  );
  const pieces = splitIntoParts(plan.size, options.partSize);
  if (pieces.length > MAX_PARTS) {
    throw new UserError(
      `the model archive (${plan.size} bytes) would need ${pieces.length} release assets of ${options.partSize} bytes; GitHub keeps at most 1,000 per release: raise input "release-part-size"`,
    );
  }
  const base = options.downloadBase.replace(/\/+$/, '');
  const parts = pieces.map((piece) => {
    // One part keeps the plain name; several are numbered so that a shell glob joins them in order.
    const name = pieces.length === 1 ? `${root}.tar` : `${root}.tar.${String(piece.index + 1).padStart(3, '0')}`;
    return { name, url: `${base}/${encodeURIComponent(name)}`, offset: piece.offset, size: piece.size };
  });
  return { archive: { format: 'tar', root, size: plan.size, parts }, plan };
}
