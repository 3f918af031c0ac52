/**
 * Build integration: refuses to build on invalid content (same messages as `npm run check`), renders
 * the PDF/XLSX downloads in a separate process while Astro renders the pages (so the build uses a
 * second core), and indexes the built pages with Pagefind's Node API. A failed download or index
 * fails the build.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { checkOnce, shareChecksInThisProcess, siteToday } from '../lib/node/crosswalk.ts';
import { ContentError, countBySeverity } from '../lib/diagnostics.ts';

export default function crosswalk(options: { contentDir: string }): AstroIntegration {
  let root: URL | undefined;
  let outDir: URL | undefined;
  let downloads: Promise<string> | undefined;
  return {
    name: 'ipcle-crosswalk',
    hooks: {
      'astro:config:setup': ({ logger, command, config, injectRoute }) => {
        if (command === 'build') shareChecksInThisProcess();
        const result = checkOnce(options.contentDir, { today: siteToday() });
        const { errors } = countBySeverity(result.diagnostics);
        if (errors > 0) throw new ContentError(result.diagnostics);
        logger.info(result.summary);
        // A build renders the downloads in their own process (below); the dev server serves them from a route.
        if (command === 'dev')
          injectRoute({
            pattern: '/data/[...file]',
            entrypoint: fileURLToPath(new URL('src/integrations/downloads-route.ts', config.root)),
          });
      },
      'astro:config:done': ({ config }) => {
        root = config.root;
        outDir = config.outDir;
      },
      'astro:build:start': () => {
        downloads = undefined;
      },
      // Runs (once per Vite build of this build) after Astro has emptied the output folder and before
      // it renders any page.
      'astro:build:setup': ({ logger }) => {
        if (downloads) return;
        downloads = renderDownloads(root!, outDir!, options.contentDir, logger);
        // Awaited in astro:build:done; until then a failure must not count as an unhandled rejection.
        downloads.catch(() => {});
      },
      'astro:build:done': async ({ dir, logger }) => {
        const rendered = downloads;
        if (!rendered) throw new Error('the downloads were never started (no astro:build:setup)');
        const pagefind = await import('pagefind');
        const site = fileURLToPath(dir);
        const { index, errors } = await pagefind.createIndex({});
        if (!index || errors.length) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
        let added: Awaited<ReturnType<typeof index.addDirectory>>;
        let got: Awaited<ReturnType<typeof index.getFiles>>;
        try {
          added = await index.addDirectory({ path: site });
          if (added.errors.length) throw new Error(`Pagefind indexing failed: ${added.errors.join('; ')}`);
          // Building the index is Pagefind's memory peak (about 50 bytes per indexed character): wait
          // for the downloads process to exit first, so the two peaks never add up.
          logger.info(await rendered);
          // Take the files from Pagefind and write them ourselves: with `writeFiles`, `close()` (which
          // kills Pagefind's process) could land before its writes were flushed, and a loaded machine
          // then published zero-byte index files and a search that finds nothing.
          got = await index.getFiles();
        } finally {
          await pagefind.close();
        }
        if (got.errors.length) throw new Error(`Pagefind could not build its index: ${got.errors.join('; ')}`);
        writePagefindFiles(join(site, 'pagefind'), got.files);
        logger.info(`Pagefind indexed ${added.page_count} pages`);
      },
    },
  };
}

/**
 * Renders the downloads (src/lib/site/downloads-build.ts) into the output folder in a child process
 * (same Node, same environment), on the second core while Astro renders the pages. A small young
 * generation (--max-semi-space-size) keeps its resident memory near what it uses: next to Astro's
 * process it is the build's largest (exceljs holds each workbook in memory). Resolves with a summary
 * line; rejects with the child's error output.
 */
function renderDownloads(root: URL, outDir: URL, contentDir: string, logger: AstroIntegrationLogger): Promise<string> {
  const t0 = performance.now();
  const script = fileURLToPath(new URL('src/lib/site/downloads-build.ts', root));
  const child = spawn(process.execPath, ['--max-semi-space-size=2', script, fileURLToPath(outDir)], {
    env: { ...process.env, CROSSWALK_CONTENT: contentDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // If the build dies first, do not leave the renderer writing into the output folder.
  const stop = () => child.kill();
  process.once('exit', stop);
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
  child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
  logger.info('rendering the PDF and XLSX downloads in a separate process');
  return new Promise<string>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => {
      process.off('exit', stop);
      if (code !== 0) {
        // The first lines say what went wrong (a V8 fatal error ends with a long native stack).
        const lines = stderr.trim().split('\n');
        const head = lines.slice(0, 12).join('\n');
        const more = lines.length > 12 ? `\n… (${lines.length - 12} more lines)` : '';
        reject(new Error(`rendering the downloads failed (${signal ?? `exit ${code}`}):\n${head}${more}`));
        return;
      }
      const { files, bytes } = JSON.parse(stdout.trim().split('\n').pop()!) as { files: number; bytes: number };
      const secs = ((performance.now() - t0) / 1000).toFixed(1);
      resolve(`${files} downloads (${(bytes / 1048576).toFixed(1)} MB) rendered in ${secs} s`);
    });
  });
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
