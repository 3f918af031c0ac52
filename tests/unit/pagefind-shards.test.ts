import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  PAGES_PER_SHARD,
  pagesPerShard,
  isShardDir,
  shardDir,
  shardUnits,
  siteUnits,
  type Unit,
} from '../../src/integrations/pagefind.ts';

let dir: string;
afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

/** A built site with these HTML files (and one asset). */
function site(files: string[]): string {
  dir = mkdtempSync(join(tmpdir(), 'pf-units-'));
  for (const f of [...files, '_astro/site.css']) {
    mkdirSync(dirname(join(dir, f)), { recursive: true });
    writeFileSync(join(dir, f), '<html></html>');
  }
  return dir;
}

describe('search index shards', () => {
  it('takes the shard size from CROSSWALK_SEARCH_SHARD_PAGES, and refuses what is not a whole number of pages', () => {
    expect(pagesPerShard({})).toBe(PAGES_PER_SHARD);
    expect(pagesPerShard({ CROSSWALK_SEARCH_SHARD_PAGES: '40' })).toBe(40);
    for (const bad of ['0', '-3', '2.5', 'many'])
      expect(() => pagesPerShard({ CROSSWALK_SEARCH_SHARD_PAGES: bad })).toThrow(
        new RegExp(`CROSSWALK_SEARCH_SHARD_PAGES is "${bad}": give a whole number`),
      );
  });

  it('keeps each edition folder of standard pages whole and puts every other page in one unit', () => {
    const units = siteUnits(
      site([
        'index.html',
        '404.html',
        'about/index.html',
        'accreditors/a/index.html',
        'standards/index.html',
        'standards/a-2020/1/index.html',
        'standards/a-2020/2/index.html',
        'standards/b-2024/x/index.html',
        'pagefind-2/stale.html',
      ]),
    );
    expect(units).toEqual([
      {
        globs: ['*.html', 'about/**/*.html', 'accreditors/**/*.html', 'standards/*.html'],
        pages: 5,
      },
      { globs: ['standards/a-2020/**/*.html'], pages: 2 },
      { globs: ['standards/b-2024/**/*.html'], pages: 1 },
    ]);
  });

  it('refuses a folder whose name Pagefind would read as a pattern', () => {
    expect(() => siteUnits(site(['standards/a{b}/1/index.html']))).toThrow(/folder "a\{b\}".*glob character/);
  });

  it('balances units across shards, largest first, the same way every time', () => {
    const u = (name: string, pages: number): Unit => ({ globs: [name], pages });
    const units = [u('rest', 30), u('a', 50), u('b', 40), u('c', 20), u('d', 10)];
    const shards = shardUnits(units, 2);
    expect(shards.map((s) => s.map((x) => x.globs[0]))).toEqual([
      ['a', 'c', 'd'],
      ['b', 'rest'],
    ]);
    expect(shards.map((s) => s.reduce((n, x) => n + x.pages, 0))).toEqual([80, 70]);
    expect(shardUnits([...units].reverse(), 2)).toEqual(shards);
  });

  it('names the first shard pagefind/ (where the search page loads it) and the others after it', () => {
    expect([0, 1, 2].map(shardDir)).toEqual(['pagefind', 'pagefind-2', 'pagefind-3']);
    expect([0, 1, 11].map(shardDir).every(isShardDir)).toBe(true);
    expect(['pagefind-x', 'pagefind-', 'my-pagefind-2', 'pagefinder', 'standards'].some(isShardDir)).toBe(false);
  });
});
