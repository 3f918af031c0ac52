/** What the fixture build reports about its downloads, read as the benchmark reads it. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { downloadsFromLog } from '../../bench/site.ts';
import { DOWNLOAD_PARTS } from '../../src/integrations/downloads.ts';
import { BUILD_LOG, SITE_DIR } from './setup.ts';

describe('build log', () => {
  it('reports the downloads it wrote, their time and the CPU of the processes that rendered them', () => {
    const found = readFileSync(BUILD_LOG, 'utf8')
      .split('\n')
      .map(downloadsFromLog)
      .filter((d) => d !== undefined);
    expect(found).toHaveLength(1);
    const d = found[0]!;
    const data = join(SITE_DIR, 'data');
    const written =
      readdirSync(join(data, 'export')).length +
      readdirSync(join(data, 'reports')).length +
      readdirSync(data).filter((f) => f.startsWith('gap-report-all.') || f === 'crosswalk.json').length +
      readdirSync(join(data, 'shards'), { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length;
    expect(d.downloadFiles).toBe(written);
    expect(d.downloadsCached).toBeGreaterThanOrEqual(0);
    expect(d.downloadsCached).toBeLessThanOrEqual(written);
    // Every renderer process loads Node, the content and the renderers: never free.
    expect(d.downloadsCpuMs).toBeGreaterThan(100);
    expect(d.downloadsMs).toBeGreaterThan(0);
    // A site this small renders every part in one process (downloads-build.ts, ONE_PROCESS_MAX_STANDARDS).
    expect(d.downloadProcesses).toBe(1);
    // Each process's own CPU, naming every part it rendered, in the order the build runs them.
    expect(d.downloadParts).toEqual([{ parts: DOWNLOAD_PARTS.join('+'), cpuMs: d.downloadsCpuMs }]);
  });
});
