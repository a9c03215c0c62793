/**
 * Figure 10: publishing a model as a GitHub release, to the testkit's API stand-in on loopback.
 * The release of a 1 GiB model file (a draft, the tar archive in two parts streamed from the file
 * and hashed on the way, manifest.json, SHA256SUMS, then published) against curl uploading the
 * same number of bytes as one asset to the same server; and the peak RSS of the release for a
 * 100 MiB and a 1 GiB file, each in a process of its own.
 */
import { loadavg, tmpdir } from 'node:os';
import { mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { node24, startLocalGitHub } from '@ml-actions/testkit';
import { writeIncompressible } from './package-model.ts';
import { expectExit, formatKb, formatMs, formatRatio, runChild, verdict, type FigureRow } from './measure.ts';

const MIB = 1024 * 1024;
const CHILD = join(import.meta.dirname, 'release-upload-child.ts');
const TIME_TARGET = 1.5;
const RSS_TARGET = 1.1;
/** Two parts for the large file, so that the cut is part of what is measured. */
const PART_BYTES = 600 * MIB;

/** Runs the release figures. */
export async function releaseUpload(): Promise<FigureRow[]> {
  const workspace = await mkdtemp(join(tmpdir(), 'bench-release-'));
  const github = await startLocalGitHub({ validate: false });
  try {
    const large = join(workspace, 'large.bin');
    const small = join(workspace, 'small.bin');
    await writeIncompressible(large, 1024 * MIB);
    await writeIncompressible(small, 100 * MIB);
    const repository = `${github.repository.owner}/${github.repository.repo}`;
    const sha = github.api.state.addCommit(repository, { branch: 'main' }).sha;
    const load = loadavg()[0] ?? 0;

    const release = async (tag: string, file: string) => {
      github.api.state.setRef(repository, `tags/${tag}`, sha);
      const args = [CHILD, github.api.url, github.token, repository, tag, file, String(PART_BYTES)];
      const result = await runChild(node24(), args, { rss: true });
      expectExit(result, 0, 'the release');
      return { ms: (JSON.parse(result.stdout) as { ms: number }).ms, rssKb: result.maxRssKb ?? 0 };
    };
    const ours = await release('bench@v1.0.0', large);
    const smallRun = await release('bench@v1.0.1', small);

    // curl sends the same file as one asset of another release, streamed from disk (-T).
    const target = github.api.state.addRelease({
      repo: repository,
      tagName: 'curl@v1.0.0',
      targetCommitish: 'main',
      name: null,
      body: null,
      draft: true,
      prerelease: false,
      author: 'octocat',
      createdAt: new Date().toISOString(),
      publishedAt: null,
    });
    const curl = await runChild('curl', [
      '-sS',
      '--fail',
      '-o',
      '/dev/null',
      '-X',
      'POST',
      '-H',
      `authorization: Bearer ${github.token}`,
      '-H',
      'content-type: application/x-tar',
      // Without this curl waits up to a second for a "100 Continue" the server never sends.
      '-H',
      'Expect:',
      '-T',
      large,
      `${github.api.url}/repos/${repository}/releases/${target.id}/assets?name=large.tar`,
    ]);
    expectExit(curl, 0, 'curl upload');

    const ratio = ours.ms / curl.wallMs;
    const rssRatio = ours.rssKb / smallRun.rssKb;
    const loads = `load average ${load.toFixed(2)} before, ${(loadavg()[0] ?? 0).toFixed(2)} after`;
    return [
      {
        figure: '10. Release of a 1 GiB model (draft, 2 streamed parts hashed on the way, sums, publish), wall time',
        value: formatMs(ours.ms),
        reference: `curl -T of the file as one asset ${formatMs(curl.wallMs)}; ${loads}`,
        ratio: formatRatio(ratio),
        target: `<= ${TIME_TARGET.toFixed(1)}x`,
        verdict: verdict(ratio <= TIME_TARGET),
      },
      {
        figure: '10. Release peak RSS, 1 GiB over 100 MiB',
        value: `${formatKb(ours.rssKb)} / ${formatKb(smallRun.rssKb)}`,
        reference: '100 MiB release in its own process',
        ratio: formatRatio(rssRatio),
        target: `<= ${RSS_TARGET}x`,
        verdict: verdict(rssRatio <= RSS_TARGET),
      },
    ];
  } finally {
    await github.close();
    await rm(workspace, { recursive: true, force: true });
  }
}
