/**
 * Build integration: refuses to build on invalid content (same messages as `npm run check`), renders
 * the PDF/XLSX downloads in separate processes while Astro renders the pages (so the build uses a
 * second core), and indexes the built pages with Pagefind's Node API. A failed download or index
 * fails the build.
 */
import { spawn } from 'node:child_process';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import {
  bumpContentGeneration,
  checkOnce,
  loadCrosswalk,
  shareChecksInThisProcess,
  siteToday,
} from '../lib/node/crosswalk.ts';
import { ContentError, countBySeverity } from '../lib/diagnostics.ts';
import { cacheDir, openCache, restoreDownloads } from './downloads-cache.ts';
import { SNAPSHOT_ENV, writeSnapshot } from './downloads-snapshot.ts';
import { buildState, DOWNLOAD_PARTS, type DownloadPart } from './downloads.ts';
import { indexWithPagefind } from './pagefind.ts';

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
      // `astro dev`: a content edit rebuilds the view model on the next request and reloads open pages.
      'astro:server:setup': ({ server, logger }) => {
        const dir = resolve(options.contentDir);
        server.watcher.add(dir);
        server.watcher.on('all', (_event, path) => {
          if (path !== dir && !path.startsWith(dir + sep)) return;
          bumpContentGeneration();
          logger.info(`content changed: ${relative(dir, path)}; reloading`);
          server.ws.send({ type: 'full-reload' });
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
        // Pagefind's memory grows with the pages it indexes: wait for the downloads processes to exit
        // first, so the two never add up (and the index comes in shards on a large site: pagefind.ts).
        const { pages, shards } = await indexWithPagefind(fileURLToPath(dir), async () => logger.info(await rendered));
        logger.info(`Pagefind indexed ${pages} pages${shards > 1 ? ` in ${shards} shards` : ''}`);
      },
    },
  };
}

/**
 * Renders the downloads (src/integrations/downloads-build.ts) into the output folder in child processes
 * (same Node, same environment), on the second core while Astro renders the pages. On a large site it
 * is one process per part (DOWNLOAD_PARTS in downloads.ts): the per-body files, then the all-bodies PDF
 * alone, then the all-bodies report's text and XLSX files, then the export files. Each part's memory,
 * which V8 keeps resident after its files are written, is returned on exit, and the peak beside
 * Astro's own is one part's, not all of them (at 20,000 standards the per-body files alone grow a
 * process to about 0.9 GB). A small site's parts share one process (downloads-build.ts). The processes
 * start from a snapshot of the crosswalk this process has checked (downloads-snapshot.ts), removed when
 * the last one is done. When the cache has recorded a build of the same state (content folder, date,
 * data version, addresses and renderers: `BuildState` in downloads.ts), this process copies every
 * file from it instead and starts no renderer (at 10,000 standards a renderer that found every file
 * in the cache still took about 5 s of CPU to load the snapshot and build the report models that
 * key the files). After a build that stored every file, it records the state for the next one.
 *
 * V8 flags, measured on the benchmark (bench/README.md): an 8 MB young generation
 * (--max-semi-space-size=8) lets pdfmake's short-lived objects die young instead of being promoted:
 * the all-bodies PDF peaks at ~540 MB instead of ~1 GB with 2 MB, and renders faster; a heap limit
 * well below V8's default (--max-old-space-size=1536; V8 then collects before growing the heap) keeps
 * the second process at ~600 MB instead of ~850 MB after the 50 per-body PDFs. The largest heap the
 * benchmark's downloads use is ~500 MB. Resolves with a summary line (files, time, the processes' own
 * CPU); rejects with the failing child's error output.
 */
export async function renderDownloads(
  root: URL,
  outDir: URL,
  contentDir: string,
  logger: AstroIntegrationLogger,
): Promise<string> {
  const t0 = performance.now();
  const today = siteToday();
  const loaded = loadCrosswalk(contentDir, { today });
  const folder = cacheDir();
  const cache = folder ? openCache(folder) : undefined;
  // The same content, date, data version, addresses and renderers as a build the cache recorded:
  // every file is copied from the cache here, without a snapshot or a renderer process.
  const state = cache && buildState(contentDir, today, loaded.data.version);
  const recorded = state && cache.readState(state);
  if (recorded) {
    const done = await restoreDownloads(recorded, fileURLToPath(outDir), folder!);
    cache.prune();
    const secs = ((performance.now() - t0) / 1000).toFixed(1);
    return (
      `${done.files} downloads (${(done.bytes / 1048576).toFixed(1)} MB) rendered in ${secs} s (CPU 0.0 s in 0 processes), ` +
      `${done.files} of them unchanged (from the cache, as recorded for this content, date and code)`
    );
  }
  logger.info('rendering the PDF and XLSX downloads in their own processes');
  let files = 0;
  let bytes = 0;
  let cached = 0;
  let cpuMs = 0;
  /** Each renderer process: the parts it rendered and its own CPU, for the summary line. */
  const perProcess: string[] = [];
  const keys: Record<string, string> = {};
  // The content this process has checked, handed to the renderers so they need not check it again
  // (the pages load the same object: loadCrosswalk shares it within the build).
  const snapshot = writeSnapshot(loaded, contentDir, today);
  process.once('exit', snapshot.remove);
  try {
    // A part that rendered nothing (all from the cache) goes on with the next one in the same process.
    for (let part: DownloadPart | null = DOWNLOAD_PARTS[0]; part;) {
      const done = await renderPart(root, outDir, contentDir, part, snapshot.file);
      files += done.files;
      bytes += done.bytes;
      cached += done.cached;
      cpuMs += done.cpuMs;
      Object.assign(keys, done.keys);
      const parts = DOWNLOAD_PARTS.slice(
        DOWNLOAD_PARTS.indexOf(part),
        done.next ? DOWNLOAD_PARTS.indexOf(done.next) : DOWNLOAD_PARTS.length,
      );
      perProcess.push(`${parts.join('+')} ${(done.cpuMs / 1000).toFixed(1)} s`);
      part = done.next;
    }
  } finally {
    snapshot.remove();
    process.off('exit', snapshot.remove);
  }
  // Every file is in the cache now: the next build of this state copies them all (above).
  if (state && Object.keys(keys).length === files) cache!.writeState(state, keys);
  const secs = ((performance.now() - t0) / 1000).toFixed(1);
  const cpu = (cpuMs / 1000).toFixed(1);
  const processes = perProcess.length;
  return (
    `${files} downloads (${(bytes / 1048576).toFixed(1)} MB) rendered in ${secs} s (CPU ${cpu} s in ${processes} process${processes === 1 ? '' : 'es'}), ` +
    `${cached} of them unchanged (from the cache); CPU by process: ${perProcess.join(', ')}`
  );
}

/** What one `downloads-build.ts` process prints. */
interface PartDone {
  files: number;
  bytes: number;
  cached: number;
  next: DownloadPart | null;
  /** The process's own CPU time (all threads, start-up included). */
  cpuMs: number;
  /** The cache key of each file it wrote, by path (empty without a cache). */
  keys: Record<string, string>;
}

/**
 * Node's compile cache for the renderer processes, beside the download cache (so whatever clears one
 * clears both): the second and third process of a build, and every process of the next build, load
 * the renderers' code from it instead of compiling it again (about 0.3 s of CPU of each process's
 * 0.7 s start-up, measured). None when the download cache is off or Node has no compile cache.
 */
function compileCache(): NodeJS.ProcessEnv {
  const downloads = cacheDir();
  if (!downloads || process.env.NODE_COMPILE_CACHE) return {};
  return { NODE_COMPILE_CACHE: join(dirname(downloads), 'node-compile') };
}

/** One `downloads-build.ts` process; resolves with its summary line. */
function renderPart(
  root: URL,
  outDir: URL,
  contentDir: string,
  part: DownloadPart,
  snapshot: string,
): Promise<PartDone> {
  const script = fileURLToPath(new URL('src/integrations/downloads-build.ts', root));
  const child = spawn(
    process.execPath,
    ['--max-semi-space-size=8', '--max-old-space-size=1536', script, fileURLToPath(outDir), part],
    {
      env: { ...process.env, CROSSWALK_CONTENT: contentDir, [SNAPSHOT_ENV]: snapshot, ...compileCache() },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  // If the build dies first, do not leave the renderer writing into the output folder.
  const stop = () => child.kill();
  process.once('exit', stop);
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
  child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
  return new Promise((resolve, reject) => {
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
      resolve(JSON.parse(stdout.trim().split('\n').pop()!) as PartDone);
    });
  });
}
