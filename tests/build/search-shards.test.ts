/** The fixture site's search index comes in shards (BUILD_ENV sets a tiny shard size): nothing lost, nothing twice. */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readFragments } from '../../bench/fragments.ts';
import { indexWithPagefind, SHARDS_FILE } from '../../src/integrations/pagefind.ts';
import { SITE_DIR } from './setup.ts';

const urls = (site: string) => [...readFragments(site).keys()].sort();

describe('search index in shards', () => {
  it('lists the extra shards for the search page, each a whole Pagefind bundle', () => {
    const list = JSON.parse(readFileSync(join(SITE_DIR, SHARDS_FILE), 'utf8')) as { shards: string[] };
    expect(list.shards).toEqual(['pagefind-2/']);
    for (const d of ['pagefind', 'pagefind-2'])
      for (const f of ['pagefind-entry.json', 'pagefind.js'])
        expect(existsSync(join(SITE_DIR, d, f)), `${d}/${f}`).toBe(true);
  });

  it('indexes exactly the pages one index of the same site holds, each in one shard', async () => {
    const single = mkdtempSync(join(tmpdir(), 'pf-single-'));
    try {
      cpSync(SITE_DIR, single, { recursive: true, filter: (src) => !/pagefind/.test(src.slice(SITE_DIR.length)) });
      const one = await indexWithPagefind(single, undefined, Number.MAX_SAFE_INTEGER);
      expect(one.shards).toBe(1);
      expect(JSON.parse(readFileSync(join(single, SHARDS_FILE), 'utf8'))).toEqual({ shards: [] });
      const sharded = urls(SITE_DIR);
      expect(sharded).toEqual(urls(single));
      expect(sharded.length).toBe(one.pages);
      // Each page in one shard only, and both shards hold pages.
      const perShard = ['pagefind', 'pagefind-2'].map((d) => readdirSync(join(SITE_DIR, d, 'fragment')).length);
      expect(perShard.every((n) => n > 0)).toBe(true);
      expect(perShard[0]! + perShard[1]!).toBe(sharded.length);
    } finally {
      rmSync(single, { recursive: true, force: true });
    }
  });
});
