/**
 * The build's download cache: an unchanged input is copied, not rendered again (every download, the
 * export included); an edit to one body re-renders that body's files (and the all-bodies and export
 * ones), not the other bodies'; a renderer change re-renders everything; the site's address re-renders
 * the export; a shared input is serialised once; the hashes follow the files they cover; and a build
 * of a recorded state copies every file by the keys it recorded.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  contentDigest,
  openCache,
  rendererHash,
  restoreDownloads,
  writeDownloads,
} from '../../src/integrations/downloads-cache.ts';
import { buildState, downloads, sourceOfLoaded, type DownloadSource } from '../../src/integrations/downloads.ts';
import { loadCrosswalk } from '../../src/lib/node/crosswalk.ts';

const TODAY = '2026-11-25';
let tmp: string;

/** What downloads() reads, built from a content folder as the build's renderer processes build it. */
function siteOf(contentDir: string): DownloadSource {
  process.env.CROSSWALK_DATA_VERSION = 'fixture';
  return sourceOfLoaded(loadCrosswalk(contentDir, { today: TODAY }), TODAY, contentDir);
}

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
    expect(first.rendered).toEqual(
      expect.arrayContaining([
        'data/gap-report-all.pdf',
        'data/gap-report-all.csv',
        'data/reports/beta-board.pdf',
        'data/reports/beta-board.xlsx',
        'data/export/ipcle-crosswalk.json',
        'data/export/ipcle-crosswalk.xlsx',
        'data/crosswalk.json',
        'data/shards/index.json',
        'data/shards/bodies/beta-board.json',
      ]),
    );

    // Nothing at all is rendered again: not the reports' text files, not the export.
    const second = await writeDownloads(downloads(siteOf(content)), join(tmp, 'out2'), cache);
    expect(second.rendered).toEqual([]);
    expect(second.files).toBe(first.files);
    expect(second.bytes).toBe(first.bytes);
    for (const p of [
      'data/reports/gamma-commission.pdf',
      'data/gap-report-all.xlsx',
      'data/export/ipcle-crosswalk.json',
    ])
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
    const again = third.rendered;
    expect(again).toEqual(expect.arrayContaining(['data/reports/beta-board.pdf', 'data/reports/beta-board.xlsx']));
    expect(again).toContain('data/gap-report-all.pdf');
    expect(again).toContain('data/export/ipcle-crosswalk.json');
    expect(again).not.toContain('data/reports/gamma-commission.pdf');
    // The data files are keyed on their own text: the body's shard and the whole crosswalk change, the
    // other bodies' shards and the index do not.
    expect(again).toEqual(expect.arrayContaining(['data/shards/bodies/beta-board.json', 'data/crosswalk.json']));
    expect(again).not.toContain('data/shards/bodies/gamma-commission.json');
    expect(again).not.toContain('data/shards/index.json');
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

  it('renders the export again when the site moves to another address, and nothing else', async () => {
    const site = () => siteOf(join(tmp, 'content'));
    const cache = openCache(join(tmp, 'cache-address'), 'renderers-1');
    await writeDownloads(downloads(site()), join(tmp, 'a1'), cache);
    const before = process.env.SITE_URL;
    process.env.SITE_URL = 'https://crosswalk.example.org';
    try {
      const moved = await writeDownloads(downloads(site()), join(tmp, 'a2'), cache);
      expect(moved.rendered.length).toBeGreaterThan(0);
      expect(moved.rendered.every((p) => p.startsWith('data/export/'))).toBe(true);
      expect(readFileSync(join(tmp, 'a2', 'data/export/ipcle-crosswalk.sssom.tsv'), 'utf8')).toContain(
        'https://crosswalk.example.org/',
      );
    } finally {
      if (before === undefined) delete process.env.SITE_URL;
      else process.env.SITE_URL = before;
    }
  });

  it('serialises an input shared by several files once, and keys each file apart', () => {
    const cache = openCache(join(tmp, 'cache-shared'), 'renderers-1');
    let serialised = 0;
    const report = { toJSON: () => (serialised++, { body: 'beta-board' }) };
    const xlsx = cache.key('data/reports/beta-board.xlsx', report);
    const pdf = cache.key('data/reports/beta-board.pdf', report);
    expect(serialised).toBe(1);
    expect(xlsx).not.toBe(pdf);
    expect(xlsx).toMatch(/^[0-9a-f]{64}\.xlsx$/);
    // An equal value that is another object is serialised again, and gives the same key.
    expect(cache.key('data/reports/beta-board.pdf', { toJSON: () => ({ body: 'beta-board' }) })).toBe(pdf);
    expect(cache.key('data/reports/beta-board.pdf', { body: 'gamma-commission' })).not.toBe(pdf);
  });

  it('hashes a content folder from its files, the glossary and exceptions included', () => {
    const dir = join(tmp, 'digest');
    cpSync('tests/fixtures/content', dir, { recursive: true });
    const before = contentDigest(dir);
    expect(contentDigest(dir)).toBe(before);
    writeFileSync(join(dir, 'exceptions.yaml'), '[]\n');
    const withExceptions = contentDigest(dir);
    expect(withExceptions).not.toBe(before);
    const file = join(dir, 'standards/beta-2024/b-2.md');
    writeFileSync(file, `${readFileSync(file, 'utf8')}\nOne more line.\n`);
    expect(contentDigest(dir)).not.toBe(withExceptions);
  });

  it('records the keys of a build state and copies its files by them, for that state and code only', async () => {
    const content = join(tmp, 'state-content');
    cpSync('tests/fixtures/content', content, { recursive: true });
    const dir = join(tmp, 'cache-state');
    const cache = openCache(dir, 'renderers-1');
    const state = buildState(content, TODAY, 'fixture');
    expect(cache.readState(state)).toBeUndefined();
    const written = await writeDownloads(downloads(siteOf(content)), join(tmp, 's1'), cache);
    expect(Object.keys(written.keys).sort()).toEqual(
      downloads(siteOf(content))
        .map((d) => d.path)
        .sort(),
    );
    cache.writeState(state, written.keys);

    const keys = cache.readState(buildState(content, TODAY, 'fixture'));
    expect(keys).toEqual(written.keys);
    const copied = await restoreDownloads(keys!, join(tmp, 's2'), dir);
    expect(copied.files).toBe(written.files);
    expect(copied.bytes).toBe(written.bytes);
    for (const path of Object.keys(written.keys))
      expect(readFileSync(join(tmp, 's2', path)), path).toEqual(readFileSync(join(tmp, 's1', path)));

    // Another date, data version or renderer code is another state; so is an edited content folder.
    expect(cache.readState(buildState(content, '2026-11-26', 'fixture'))).toBeUndefined();
    expect(cache.readState(buildState(content, TODAY, 'other'))).toBeUndefined();
    expect(openCache(dir, 'renderers-2').readState(state)).toBeUndefined();
    const before = process.env.SITE_URL;
    process.env.SITE_URL = 'https://crosswalk.example.org';
    try {
      expect(cache.readState(buildState(content, TODAY, 'fixture'))).toBeUndefined();
    } finally {
      if (before === undefined) delete process.env.SITE_URL;
      else process.env.SITE_URL = before;
    }
    writeFileSync(join(content, 'standards/beta-2024/b-2.md'), 'edited\n');
    expect(cache.readState(buildState(content, TODAY, 'fixture'))).toBeUndefined();

    // A damaged record is not used (the build renders, and records the state again).
    const record = readdirSync(dir).find((f) => f.startsWith('state-'))!;
    const saved = readFileSync(join(dir, record), 'utf8');
    writeFileSync(join(dir, record), saved.slice(0, 20));
    expect(cache.readState(state)).toBeUndefined();
    writeFileSync(join(dir, record), saved);
    expect(cache.readState(state)).toEqual(written.keys);

    // A record whose files are no longer all cached is not used.
    const gone = Object.values(written.keys)[0]!;
    rmSync(join(dir, gone));
    expect(existsSync(join(dir, gone))).toBe(false);
    expect(cache.readState(state)).toBeUndefined();
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
