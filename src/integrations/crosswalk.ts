/**
 * Build integration: refuses to build on invalid content (same messages as `npm run check`) and
 * indexes the built pages with Pagefind's Node API; a failed index fails the build.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { checkOnce, shareChecksInThisProcess, siteToday } from '../lib/node/crosswalk.ts';
import { ContentError, countBySeverity } from '../lib/diagnostics.ts';

export default function crosswalk(options: { contentDir: string }): AstroIntegration {
  return {
    name: 'ipcle-crosswalk',
    hooks: {
      'astro:config:setup': ({ logger, command }) => {
        if (command === 'build') shareChecksInThisProcess();
        const result = checkOnce(options.contentDir, { today: siteToday() });
        const { errors } = countBySeverity(result.diagnostics);
        if (errors > 0) throw new ContentError(result.diagnostics);
        logger.info(result.summary);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const pagefind = await import('pagefind');
        const site = fileURLToPath(dir);
        const { index, errors } = await pagefind.createIndex({});
        if (!index || errors.length) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
        const added = await index.addDirectory({ path: site });
        if (added.errors.length) throw new Error(`Pagefind indexing failed: ${added.errors.join('; ')}`);
        // Take the files from Pagefind and write them ourselves: with `writeFiles`, `close()` (which
        // kills Pagefind's process) could land before its writes were flushed, and a loaded machine
        // then published zero-byte index files and a search that finds nothing.
        const got = await index.getFiles();
        await pagefind.close();
        if (got.errors.length) throw new Error(`Pagefind could not build its index: ${got.errors.join('; ')}`);
        writePagefindFiles(join(site, 'pagefind'), got.files);
        logger.info(`Pagefind indexed ${added.page_count} pages`);
      },
    },
  };
}

/** Write Pagefind's files; an empty or missing part of the index fails the build. */
export function writePagefindFiles(outDir: string, files: readonly { path: string; content: Uint8Array }[]): void {
  const empty = files.filter((f) => f.content.length === 0).map((f) => f.path);
  if (empty.length) throw new Error(`Pagefind returned empty files: ${empty.join(', ')}`);
  if (!files.some((f) => f.path === 'pagefind-entry.json'))
    throw new Error('Pagefind returned no pagefind-entry.json: the search index is incomplete');
  rmSync(outDir, { recursive: true, force: true });
  for (const f of files) {
    const to = join(outDir, f.path);
    mkdirSync(dirname(to), { recursive: true });
    writeFileSync(to, f.content);
  }
}
