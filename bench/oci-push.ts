/**
 * Figure 9: pushing a model package to a real OCI registry (Debian's docker-registry, the CNCF
 * distribution registry, on loopback). Our push of a 1 GiB model file (chunked upload, tag last)
 * against `skopeo copy` of the same files from a `dir:` layout to a second registry of the same
 * kind that holds none of them; and the peak RSS of our push for a 100 MiB and a 1 GiB file, each in a process of its
 * own. Model bytes are incompressible, as weights are.
 */
import { loadavg, tmpdir } from 'node:os';
import { mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { node24, SKOPEO, startOciRegistry } from '@ml-actions/testkit';
import { writeIncompressible } from './package-model.ts';
import { expectExit, formatKb, formatMs, formatRatio, runChild, verdict, type FigureRow } from './measure.ts';

const MIB = 1024 * 1024;
const CHILD = join(import.meta.dirname, 'oci-push-child.ts');
const TIME_TARGET = 1.0;
const RSS_TARGET = 1.1;

/** Runs the OCI figures. */
export async function ociPush(): Promise<FigureRow[]> {
  const workspace = await mkdtemp(join(tmpdir(), 'bench-oci-'));
  // skopeo pushes to a registry of its own: one that holds the blobs already would take them by mount.
  const [registry, other] = await Promise.all([startOciRegistry(), startOciRegistry()]);
  try {
    const large = join(workspace, 'large.bin');
    const small = join(workspace, 'small.bin');
    await writeIncompressible(large, 1024 * MIB);
    await writeIncompressible(small, 100 * MIB);
    const load = loadavg()[0] ?? 0;

    const push = async (repository: string, file: string) => {
      const result = await runChild(node24(), [CHILD, `${registry.host}/${repository}`, 'v1.0.0', file], { rss: true });
      expectExit(result, 0, 'the OCI push');
      return { ms: (JSON.parse(result.stdout) as { ms: number }).ms, rssKb: result.maxRssKb ?? 0 };
    };
    const ours = await push('bench/ours', large);
    const smallRun = await push('bench/small', small);

    // skopeo pushes the same blobs and manifest from a dir: layout to a registry that has none.
    const layout = join(workspace, 'layout');
    expectExit(
      await runChild(SKOPEO, [
        'copy',
        '--src-tls-verify=false',
        `docker://${registry.host}/bench/ours:v1.0.0`,
        `dir:${layout}`,
      ]),
      0,
      'skopeo copy to dir:',
    );
    const skopeo = await runChild(SKOPEO, [
      'copy',
      '--dest-tls-verify=false',
      `dir:${layout}`,
      `docker://${other.host}/bench/skopeo:v1.0.0`,
    ]);
    expectExit(skopeo, 0, 'skopeo copy to the registry');

    const ratio = ours.ms / skopeo.wallMs;
    const rssRatio = ours.rssKb / smallRun.rssKb;
    const loads = `load average ${load.toFixed(2)} before, ${(loadavg()[0] ?? 0).toFixed(2)} after`;
    return [
      {
        figure: '9. OCI push of a 1 GiB model (chunked, tag last), wall time',
        value: formatMs(ours.ms),
        reference: `skopeo copy dir: to the registry ${formatMs(skopeo.wallMs)}; ${loads}`,
        ratio: formatRatio(ratio),
        target: `<= ${TIME_TARGET.toFixed(1)}x`,
        verdict: verdict(ratio <= TIME_TARGET),
      },
      {
        figure: '9. OCI push peak RSS, 1 GiB over 100 MiB',
        value: `${formatKb(ours.rssKb)} / ${formatKb(smallRun.rssKb)}`,
        reference: '100 MiB push in its own process',
        ratio: formatRatio(rssRatio),
        target: `<= ${RSS_TARGET}x`,
        verdict: verdict(rssRatio <= RSS_TARGET),
      },
    ];
  } finally {
    await Promise.all([registry.close(), other.close()]);
    await rm(workspace, { recursive: true, force: true });
  }
}
