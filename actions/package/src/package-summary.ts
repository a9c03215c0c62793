/**
 * The job summary of a package step: what was packaged, under which version, where it went, and
 * how anyone can check it. Kept well under GitHub's 1 MiB summary limit by listing at most
 * MAX_LISTED_FILES files (manifest.json lists them all).
 */
import { escapeCell, escapeInline, formatBytes, tableHeader, tableRow, type ManifestFile } from '@ml-actions/core';

const MAX_LISTED_FILES = 200;

export interface PackageSummary {
  name: string;
  version: string;
  /** How the version was chosen. */
  explanation: string;
  files: readonly ManifestFile[];
  totalSize: number;
  digest: string;
  artifactName: string;
  artifactId: number;
  workflowRunId: number;
  compression: { level: number; reason: string };
  /** Lines for a person about the run record, the tag and the release, already escaped. */
  notes: string[];
}

/** Renders the summary as Markdown. */
export function renderPackageSummary(summary: PackageSummary): string {
  const lines = [
    `### ML package: ${escapeInline(summary.name)} v${summary.version}`,
    '',
    `Version \`${summary.version}\`: ${escapeInline(summary.explanation)}.`,
    '',
  ];
  for (const note of summary.notes) lines.push(`- ${note}`);
  if (summary.notes.length > 0) lines.push('');

  lines.push(
    tableHeader([{ title: 'File' }, { title: 'Size', align: 'right' }, { title: 'SHA-256' }]),
    ...summary.files
      .slice(0, MAX_LISTED_FILES)
      .map((file) => tableRow([escapeCell(file.path, 500), formatBytes(file.size), `\`${file.sha256}\``])),
  );
  if (summary.files.length > MAX_LISTED_FILES) {
    lines.push(
      tableRow([`… and ${summary.files.length - MAX_LISTED_FILES} more (manifest.json lists them all)`, '', '']),
    );
  }
  lines.push(
    '',
    `${summary.files.length} ${summary.files.length === 1 ? 'file' : 'files'}, ${formatBytes(summary.totalSize)}, ` +
      `uploaded as artifact \`${summary.artifactName}\` (id ${summary.artifactId}) with zip level ${summary.compression.level}: ${summary.compression.reason}.`,
    '',
    `Digest (sha256 of manifest.json): \`sha256:${summary.digest}\``,
    '',
    '#### Verify',
    '',
    '`SHA256SUMS` lists every file of the package except itself; check it in the downloaded folder:',
    '',
    '```sh',
    `gh run download ${summary.workflowRunId} --name ${summary.artifactName} --dir ${summary.artifactName}`,
    `cd ${summary.artifactName} && sha256sum -c SHA256SUMS`,
    `sha256sum manifest.json   # ${summary.digest}`,
    '```',
    '',
  );
  return lines.join('\n');
}
