/**
 * The build's download cache: an unchanged input is copied, not rendered again; an edit to one body
 * re-renders that body's files (and the all-bodies ones), not the other bodies'; a renderer change
 * re-renders everything; and the renderers' hash follows their source files.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCache, rendererHash, writeDownloads } from '../../src/integrations/downloads-cache.ts';
import { downloads, sourceOfLoaded, type DownloadSource } from '../../src/integrations/downloads.ts';
import { loadCrosswalk } from '../../src/lib/node/crosswalk.ts';

const TODAY = '2026-11-25';
let tmp: string;

/** What downloads() reads, built from a content folder as the build's renderer processes build it. */
function siteOf(contentDir: string): DownloadSource {
  process.env.CROSSWALK_DATA_VERSION = 'fixture';
  return sourceOfLoaded(loadCrosswalk(contentDir, { today: TODAY }), TODAY);
}

/** The files that have a cache input: the ones the cache may skip. */
const cacheable = (site: DownloadSource) =>
  downloads(site)
    .filter((d) => d.input)
    .map((d) => d.path)
    .sort();

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'downloads-cache-'));
  cpSync('tests/fixtures/content', join(tmp, 'content'), { recursive: true });
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('the download cache', () => {
  it('renders once, copies unchanged files, re-renders only what an edit to one body changes', async () => {
    const content = join(tmp, 'content');
    const cache = openCache(join(tmp, 'cache'), 'renderers-1');
    const site = siteOf(content);
    const first = await writeDownloads(downloads(site), join(tmp, 'out1'), cache);
    expect(first.rendered.length).toBe(first.files);
    expect(cacheable(site)).toEqual(
      expect.arrayContaining([
        'data/gap-report-all.pdf',
        'data/reports/beta-board.pdf',
        'data/reports/beta-board.xlsx',
      ]),
    );

    const second = await writeDownloads(downloads(site), join(tmp, 'out2'), cache);
    expect(second.rendered.filter((p) => cacheable(site).includes(p))).toEqual([]);
    expect(second.bytes).toBe(first.bytes);
    for (const p of ['data/reports/gamma-commission.pdf', 'data/gap-report-all.xlsx'])
      expect(readFileSync(join(tmp, 'out2', p))).toEqual(readFileSync(join(tmp, 'out1', p)));

    // One body's rationale is reworded: that of an implicit mapping, which no other body's report
    // quotes (model wording takes explicit and partial language only).
    const file = join(content, 'standards/beta-2024/b-2.md');
    const before = readFileSync(file, 'utf8');
    const after = before.replace(/(strength: implicit\n\s+rationale: ")/, '$1Reworded. ');
    expect(after).not.toBe(before);
    writeFileSync(file, after);
    const edited = siteOf(content);
    const third = await writeDownloads(downloads(edited), join(tmp, 'out3'), cache);
    const again = third.rendered.filter((p) => cacheable(edited).includes(p)).sort();
    expect(again).toEqual(expect.arrayContaining(['data/reports/beta-board.pdf', 'data/reports/beta-board.xlsx']));
    expect(again).toContain('data/gap-report-all.pdf');
    expect(again).not.toContain('data/reports/gamma-commission.pdf');
    expect(again).not.toContain('data/reports/gamma-commission.xlsx');
    expect(readFileSync(join(tmp, 'out3', 'data/reports/beta-board.xlsx'))).not.toEqual(
      readFileSync(join(tmp, 'out1', 'data/reports/beta-board.xlsx')),
    );
  });

  it('re-renders everything when the renderers change', async () => {
    const site = siteOf(join(tmp, 'content'));
    const dir = join(tmp, 'cache-renderers');
    await writeDownloads(downloads(site), join(tmp, 'r1'), openCache(dir, 'renderers-1'));
    const after = await writeDownloads(downloads(site), join(tmp, 'r2'), openCache(dir, 'renderers-2'));
    expect(after.rendered.length).toBe(after.files);
  });

  it('hashes the renderers from their source files', () => {
    const root = join(tmp, 'project');
    mkdirSync(join(root, 'src/lib/report'), { recursive: true });
    writeFileSync(join(root, 'src/lib/report/pdf.ts'), 'export const a = 1;\n');
    const before = rendererHash(root, ['src/lib']);
    expect(rendererHash(root, ['src/lib'])).toBe(before);
    writeFileSync(join(root, 'src/lib/report/pdf.ts'), 'export const a = 2;\n');
    expect(rendererHash(root, ['src/lib'])).not.toBe(before);
  });
});
