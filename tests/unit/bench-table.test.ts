/**
 * The bench table's rows: a warm build after the renderers' source changed is not read as a cache
 * figure; the build with the download cache restored is set against the anchor; memory; downloads.
 */
import { describe, expect, it } from 'vitest';
import { downloadsFromLog, type SiteSummary } from '../../bench/site.ts';
import type { AnchorSummary } from '../../bench/anchor.ts';
import { buildTable } from '../../bench/table.ts';

const build = (over: Partial<SiteSummary>): SiteSummary => ({
  ok: true,
  exitCode: 0,
  wallMs: 80_000,
  cpuMs: 120_000,
  cpuMethod: 'subreaper',
  treeRssMB: 1700,
  peakRssMB: 1700,
  pages: 10_000,
  msPerPage: 8,
  htmlBytes: 1,
  largest: { standard: null, body: null, matrix: null },
  standardPages: 0,
  standardPagesWithScript: 0,
  downloadsMs: 60_000,
  downloadFiles: 116,
  downloadsCached: 0,
  ...over,
});

/** A plain-Astro anchor build calibrated to the site (the same HTML and indexed words). */
const anchorBuild = (over: { wallMs: number; cpuMs: number }): AnchorSummary =>
  ({
    ok: true,
    peakRssMB: 800,
    pages: 10_000,
    anchor: { htmlBytes: 1, words: 1 },
    project: { htmlBytes: 1, words: 1 },
    ...over,
  }) as unknown as AnchorSummary;

const downloadsRow = (warm: SiteSummary) =>
  buildTable({}, build({}), undefined, 10_000, warm).rows.find((r) => r.phase.startsWith('  downloads:'))!;

describe('bench table, warm build', () => {
  it('compares the warm downloads with the cold ones', () => {
    const row = downloadsRow(build({ downloadsMs: 30_000, downloadsCached: 98 }));
    expect(row.phase).toBe('  downloads: 18 of 116 rendered');
    expect(row.target).toBe('cold: 60.0 s');
  });
  it('says so when src/ changed during the run, so every download was rendered again', () => {
    const row = downloadsRow(build({ sourceChanged: true }));
    expect(row.phase).toBe('  downloads: 116 of 116 rendered');
    expect(row.target).toBe('src/ changed during the run: not a cache figure');
  });
});

describe('bench table, memory', () => {
  it('names the processes that made the site build’s peak, largest first, at most four', () => {
    const processes = ['astro', 'downloads-build.ts bodies', 'esbuild', 'node', 'sh'].map((name, i) => ({
      name,
      rssMB: 1200 - i * 300,
    }));
    const { rows } = buildTable({}, build({ peakTree: { t: 88_400, processes } }), undefined, 10_000);
    const row = rows.find((r) => r.phase === '  peak made of')!;
    expect(row.time).toBe('at 88.4 s');
    expect(row.target).toBe('astro 1200 + downloads-build.ts bodies 900 + esbuild 600 + node 300');
    expect(buildTable({}, build({}), undefined, 10_000).rows.some((r) => r.phase === '  peak made of')).toBe(false);
  });
});

describe('bench table, downloads', () => {
  it('reads the build’s downloads line, with and without the CPU the renderers reported', () => {
    expect(
      downloadsFromLog(
        '18:13:02 [ipcle-crosswalk] 36 downloads (24.6 MB) rendered in 12.3 s (CPU 13.1 s in 3 processes), 4 of them unchanged (from the cache)',
      ),
    ).toEqual({
      downloadFiles: 36,
      downloadsMs: 12_300,
      downloadsCpuMs: 13_100,
      downloadProcesses: 3,
      downloadsCached: 4,
    });
    expect(
      downloadsFromLog('2 downloads (0.1 MB) rendered in 1.0 s (CPU 1.2 s in 1 process), 0 of them unchanged'),
    ).toEqual({ downloadFiles: 2, downloadsMs: 1000, downloadsCpuMs: 1200, downloadProcesses: 1, downloadsCached: 0 });
    expect(downloadsFromLog('36 downloads (24.6 MB) rendered in 12.3 s, 0 of them unchanged (from the cache)')).toEqual(
      {
        downloadFiles: 36,
        downloadsMs: 12_300,
        downloadsCached: 0,
      },
    );
    expect(downloadsFromLog('[build] 1202 page(s) built in 14.14s')).toBeUndefined();
  });
  it('reads the CPU of each renderer process and shows it under the downloads', () => {
    const d = downloadsFromLog(
      '116 downloads (209.2 MB) rendered in 53.8 s (CPU 43.1 s in 3 processes), 0 of them unchanged (from the cache); ' +
        'CPU by process: bodies 21.6 s, largest 6.9 s, reports+exports 14.6 s',
    )!;
    expect(d.downloadsCpuMs).toBe(43_100);
    expect(d.downloadParts).toEqual([
      { parts: 'bodies', cpuMs: 21_600 },
      { parts: 'largest', cpuMs: 6_900 },
      { parts: 'reports+exports', cpuMs: 14_600 },
    ]);
    // A breakdown it cannot read is left out, not half read.
    expect(
      downloadsFromLog(
        '2 downloads (0.1 MB) rendered in 1.0 s (CPU 1.2 s in 1 process), 0 of them unchanged; CPU by process: ?',
      ),
    ).not.toHaveProperty('downloadParts');
    const rows = buildTable(
      {},
      build({ downloadsMs: 53_800, downloadsCpuMs: 43_100, downloadParts: d.downloadParts! }),
      undefined,
      10_000,
    ).rows;
    const at = rows.findIndex((r) => r.phase === '  downloads (own processes, alongside)');
    expect(rows.slice(at + 1, at + 4).map((r) => [r.phase, r.target])).toEqual([
      ['    renderer process: bodies', 'CPU 21.6 s'],
      ['    renderer process: largest', 'CPU 6900 ms'],
      ['    renderer process: reports, exports', 'CPU 14.6 s'],
    ]);
  });
  it('gives the site’s CPU without its download renderers as a ratio to the anchor, beside the judged ratio', () => {
    const anchor = anchorBuild({ wallMs: 20_000, cpuMs: 40_000 });
    const rows = (site: SiteSummary) => buildTable({}, site, anchor, 10_000).rows;
    const without = rows(build({ downloadsCpuMs: 70_000 })).find((r) => r.phase.includes('CPU without downloads'))!;
    expect(without.time).toBe('1.25×');
    expect(rows(build({ downloadsCpuMs: 70_000 })).find((r) => r.phase.includes('CPU, all processes'))!.time).toBe(
      '3.00×',
    );
    expect(rows(build({})).some((r) => r.phase.includes('CPU without downloads'))).toBe(false);
  });
});

describe('bench table, download cache restored', () => {
  const anchor = anchorBuild({ wallMs: 40_000, cpuMs: 50_000 });
  it('sets the build of unchanged content, Astro cold, against the anchor, unjudged', () => {
    const restored = build({ wallMs: 48_000, cpuMs: 60_000, downloadsCached: 116, downloadsMs: 900 });
    const { rows, targets } = buildTable({}, build({}), anchor, 10_000, undefined, undefined, restored);
    const at = rows.findIndex((r) => r.phase === 'site build, download cache restored (Astro cold)');
    expect(at).toBeGreaterThan(-1);
    expect(rows[at]!.target).toBe('downloads: 0 of 116 rendered');
    expect(rows.slice(at + 1, at + 3).map((r) => [r.phase, r.time])).toEqual([
      ['  ÷ anchor: wall', '1.20×'],
      ['  ÷ anchor: CPU, all processes', '1.20×'],
    ]);
    // Goal 1 is judged on the cold build only.
    expect(targets.filter((x) => x.name.includes('plain Astro'))).toHaveLength(2);
  });
  it('reports a failed build as a failure', () => {
    const restored = build({ ok: false, error: 'astro build exited with 1' });
    const { rows } = buildTable({}, build({}), anchor, 10_000, undefined, undefined, restored);
    const row = rows.find((r) => r.phase === 'site build, download cache restored')!;
    expect(row.result).toBe('FAIL');
  });
});
