/** The bench table's warm-build rows: a warm build after the renderers' source changed is not read as a cache figure. */
import { describe, expect, it } from 'vitest';
import type { SiteSummary } from '../../bench/site.ts';
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
