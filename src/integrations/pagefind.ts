/**
 * The site's search step, on Pagefind's Node API; the benchmark's plain-Astro anchor runs it too.
 *
 * Pagefind holds about 100 MB per 1,000 pages while it writes an index (1.07 GB at 10,300 pages, 0.56 GB
 * at 5,600: bench/README.md), so a large site is indexed in shards of at most `pagesPerShard()` pages,
 * one after another, each by a Pagefind process of its own that exits before the next starts. The first
 * shard is written to `pagefind/`, the others to `pagefind-2/`, `pagefind-3/`, …, and SHARDS_FILE lists
 * the others; the search page merges them into one search (Pagefind's `mergeIndex`). A site within one
 * shard (the real content today) gets the single index it always had.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Pages per shard by default: about 270 MB of Pagefind memory on the benchmark's pages. */
export const PAGES_PER_SHARD = 2500;

/** Lists the extra shards' folders (`{"shards": ["pagefind-2/", …]}`), for the search page. */
export const SHARDS_FILE = 'pagefind-shards.json';

/** The folder of shard `k` (0-based) under the site root. */
export const shardDir = (k: number): string => (k === 0 ? 'pagefind' : `pagefind-${k + 1}`);
/** Whether a folder of the built site is a shard of the index: `pagefind/` or `pagefind-<n>/`. */
export const isShardDir = (name: string): boolean => name === 'pagefind' || /^pagefind-\d+$/.test(name);

/** The shard size: CROSSWALK_SEARCH_SHARD_PAGES when set (a positive whole number), else PAGES_PER_SHARD. */
export function pagesPerShard(env: Record<string, string | undefined> = process.env): number {
  const raw = env.CROSSWALK_SEARCH_SHARD_PAGES;
  if (raw === undefined || raw === '') return PAGES_PER_SHARD;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1)
    throw new Error(`CROSSWALK_SEARCH_SHARD_PAGES is "${raw}": give a whole number of pages, 1 or more, or unset it.`);
  return n;
}

/** A part of the site indexed together: one folder of standard pages, or everything else. */
export interface Unit {
  /** Pagefind glob(s) relative to the site root. */
  globs: string[];
  pages: number;
}

/**
 * The site's HTML pages in units that keep URLs whole: each `standards/<edition>/` folder (the bulk of a
 * large site) is one unit, and every other page is in one more unit. Folder names are the content's
 * IDs; a name Pagefind would read as a glob pattern fails loudly rather than index the wrong pages.
 */
export function siteUnits(siteDir: string): Unit[] {
  const html = (dir: string) =>
    (readdirSync(dir, { recursive: true, encoding: 'utf8' }) as string[]).filter((f) => f.endsWith('.html')).length;
  const safe = (name: string) => {
    if (/[{}[\]*?,!\\]/.test(name)) throw new Error(`cannot index the folder "${name}": its name has a glob character`);
    return name;
  };
  const units: Unit[] = [];
  const rest: Unit = { globs: ['*.html'], pages: 0 };
  for (const d of readdirSync(siteDir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (d.isFile() && d.name.endsWith('.html')) rest.pages++;
    if (!d.isDirectory() || isShardDir(d.name)) continue;
    if (d.name !== 'standards') {
      const pages = html(join(siteDir, d.name));
      if (pages) {
        rest.globs.push(`${safe(d.name)}/**/*.html`);
        rest.pages += pages;
      }
      continue;
    }
    // One unit per edition folder; the list pages directly in standards/ go with the rest.
    let lists = 0;
    for (const e of readdirSync(join(siteDir, d.name), { withFileTypes: true })) {
      if (e.isFile() && e.name.endsWith('.html')) lists++;
      if (!e.isDirectory()) continue;
      const pages = html(join(siteDir, d.name, e.name));
      if (pages) units.push({ globs: [`standards/${safe(e.name)}/**/*.html`], pages });
    }
    if (lists) {
      rest.globs.push('standards/*.html');
      rest.pages += lists;
    }
  }
  return [rest, ...units.sort((a, b) => b.pages - a.pages || (a.globs[0]! < b.globs[0]! ? -1 : 1))];
}

/**
 * Units into `count` shards of about equal pages: largest unit first, each into the lightest shard
 * (ties to the lower shard), so the split is the same on every build of the same site.
 */
export function shardUnits(units: readonly Unit[], count: number): Unit[][] {
  const shards: { units: Unit[]; pages: number }[] = Array.from({ length: count }, () => ({ units: [], pages: 0 }));
  for (const u of [...units].sort((a, b) => b.pages - a.pages)) {
    const lightest = shards.reduce((m, s) => (s.pages < m.pages ? s : m));
    lightest.units.push(u);
    lightest.pages += u.pages;
  }
  return shards.map((s) => s.units);
}

/**
 * The search step: Pagefind's Node API indexes the built site in `siteDir` (createIndex, addDirectory,
 * getFiles, close), shard by shard, and the files are written by writePagefindFiles. `before` runs first
 * (the site waits there for its downloads, so their memory and Pagefind's never add up). Resolves with
 * the number of pages indexed and of shards.
 */
export async function indexWithPagefind(
  siteDir: string,
  before?: () => Promise<void>,
  perShard = pagesPerShard(),
): Promise<{ pages: number; shards: number }> {
  await before?.();
  const units = siteUnits(siteDir);
  const total = units.reduce((n, u) => n + u.pages, 0);
  const count = Math.max(1, Math.ceil(total / perShard));
  for (const d of readdirSync(siteDir))
    if (d !== 'pagefind' && isShardDir(d)) rmSync(join(siteDir, d), { recursive: true });
  const shards = count === 1 ? [undefined] : shardUnits(units, count);
  let pages = 0;
  for (const [k, shard] of shards.entries()) {
    const glob = shard && `{${shard.flatMap((u) => u.globs).join(',')}}`;
    pages += await indexShard(siteDir, glob, join(siteDir, shardDir(k)));
  }
  const extra = shards.slice(1).map((_, k) => `${shardDir(k + 1)}/`);
  writeFileSync(join(siteDir, SHARDS_FILE), `${JSON.stringify({ shards: extra })}\n`);
  return { pages, shards: shards.length };
}

/** One Pagefind index of the pages `glob` matches (all HTML files when undefined), written to `outDir`. */
async function indexShard(siteDir: string, glob: string | undefined, outDir: string): Promise<number> {
  const pagefind = await import('pagefind');
  const { index, errors } = await pagefind.createIndex({});
  if (!index || errors.length) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  let got: Awaited<ReturnType<typeof index.getFiles>>;
  try {
    const added = await index.addDirectory({ path: siteDir, ...(glob !== undefined && { glob }) });
    if (added.errors.length) throw new Error(`Pagefind indexing failed: ${added.errors.join('; ')}`);
    // Take the files from Pagefind and write them ourselves: with `writeFiles`, `close()` (which kills
    // Pagefind's process) could land before its writes were flushed, and a loaded machine then
    // published zero-byte index files and a search that finds nothing.
    got = await index.getFiles();
  } finally {
    await pagefind.close(); // ends Pagefind's process: the next shard starts with its memory returned
  }
  if (got.errors.length) throw new Error(`Pagefind could not build its index: ${got.errors.join('; ')}`);
  writePagefindFiles(outDir, got.files);
  return got.files.filter((f) => f.path.startsWith('fragment/')).length;
}

/** Write Pagefind's files; an empty or missing part of the index fails the build. */
export function writePagefindFiles(outDir: string, files: readonly { path: string; content: Uint8Array }[]): void {
  const empty = files.filter((f) => f.content.length === 0).map((f) => f.path);
  if (empty.length) throw new Error(`Pagefind returned empty files: ${empty.join(', ')}`);
  if (!files.some((f) => f.path === 'pagefind-entry.json'))
    throw new Error('Pagefind returned no pagefind-entry.json: the search index is incomplete');
  rmSync(outDir, { recursive: true, force: true });
  // One mkdir per folder, not per file: the index is one file per page (fragment/), 10,000 and more.
  for (const d of new Set(files.map((f) => dirname(join(outDir, f.path))))) mkdirSync(d, { recursive: true });
  for (const f of files) writeFileSync(join(outDir, f.path), f.content);
}
