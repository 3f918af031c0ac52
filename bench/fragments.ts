/** What Pagefind indexed, page by page: its fragment files (gzip, `pagefind_dcd` + JSON). */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { isShardDir } from '../src/integrations/pagefind.ts';

export interface Fragment {
  url: string;
  content: string;
  word_count: number;
  filters: Record<string, string[]>;
  meta: Record<string, string>;
  anchors: { element: string; id: string; text: string; location: number }[];
}

const SIGNATURE = 'pagefind_dcd';

/** Every shard's fragments (pagefind/, pagefind-2/, …: src/integrations/pagefind.ts), by URL. */
export function readFragments(siteOut: string): Map<string, Fragment> {
  const out = new Map<string, Fragment>();
  for (const shard of readdirSync(siteOut).filter(isShardDir)) {
    const dir = join(siteOut, shard, 'fragment');
    for (const name of readdirSync(dir)) {
      const text = gunzipSync(readFileSync(join(dir, name))).toString('utf8');
      const f = JSON.parse(text.startsWith(SIGNATURE) ? text.slice(SIGNATURE.length) : text) as Fragment;
      out.set(f.url, f);
    }
  }
  return out;
}

/** Totals to compare two indexes: pages, characters and words of indexed text, filter values. */
export function indexTotals(fragments: Map<string, Fragment>): {
  pages: number;
  chars: number;
  words: number;
  filterValues: number;
} {
  let chars = 0;
  let words = 0;
  let filterValues = 0;
  for (const f of fragments.values()) {
    chars += f.content.length;
    words += f.word_count;
    for (const vs of Object.values(f.filters)) filterValues += vs.length;
  }
  return { pages: fragments.size, chars, words, filterValues };
}
