/** The site's search step, on Pagefind's Node API; the benchmark's plain-Astro anchor runs it too. */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The search step: Pagefind's Node API indexes the built site in `siteDir` (createIndex, addDirectory,
 * getFiles, close) and the files are written by writePagefindFiles. `beforeFiles` runs between indexing
 * and taking the files (the site waits there for its downloads). The benchmark's plain-Astro
 * anchor runs it too, so both pay the same. Resolves with the number of pages indexed.
 */
export async function indexWithPagefind(siteDir: string, beforeFiles?: () => Promise<void>): Promise<number> {
  const pagefind = await import('pagefind');
  const { index, errors } = await pagefind.createIndex({});
  if (!index || errors.length) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  let added: Awaited<ReturnType<typeof index.addDirectory>>;
  let got: Awaited<ReturnType<typeof index.getFiles>>;
  try {
    added = await index.addDirectory({ path: siteDir });
    if (added.errors.length) throw new Error(`Pagefind indexing failed: ${added.errors.join('; ')}`);
    await beforeFiles?.();
    // Take the files from Pagefind and write them ourselves: with `writeFiles`, `close()` (which kills
    // Pagefind's process) could land before its writes were flushed, and a loaded machine then
    // published zero-byte index files and a search that finds nothing.
    got = await index.getFiles();
  } finally {
    await pagefind.close();
  }
  if (got.errors.length) throw new Error(`Pagefind could not build its index: ${got.errors.join('; ')}`);
  writePagefindFiles(join(siteDir, 'pagefind'), got.files);
  return added.page_count;
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
