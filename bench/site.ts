/** The project's site build on the corpus: wall, CPU and memory of `astro build` with its Pagefind step. */
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { measureBuild, outputTail, type BuildCost } from './build.ts';
import { log, ROOT, TMP, walkFiles } from './util.ts';

/** The project's build: its cost (CPU: every process it started, Pagefind's and the downloads' included). */
export interface SiteSummary extends BuildCost {
  ok: boolean;
  error?: string;
  exitCode: number | null;
  /** Time until Astro reported the pages built (then the astro:build:done hooks, Pagefind among them). */
  pagesBuiltMs?: number;
  /** From "pages built" to "Pagefind indexed N pages" (which waits for the downloads process). */
  indexMs?: number;
  /** The PDF/XLSX/text downloads, rendered in a separate process from the start of the build. */
  downloadsMs?: number;
  /** How many downloads there were, and how many of them came unchanged from the download cache. */
  downloadFiles?: number;
  downloadsCached?: number;
  /** CPU of the renderer processes, as each reported it (start-up included): the downloads' share of cpuMs. */
  downloadsCpuMs?: number;
  /** How many renderer processes the build started (one per part on a large site, one in all on a small one). */
  downloadProcesses?: number;
  /** Each renderer process: the parts it rendered (`bodies`, or `bodies+largest` …) and its own CPU. */
  downloadParts?: { parts: string; cpuMs: number }[];
  pagefindPages?: number;
  pages: number;
  msPerPage?: number;
  /** Warm build only: the renderers' source changed after the cold build, so nothing came from the cache. */
  sourceChanged?: boolean;
  htmlBytes: number;
  largest: Record<'standard' | 'body' | 'matrix', { path: string; bytes: number } | null>;
  standardPages: number;
  standardPagesWithScript: number;
  scriptExample?: string;
  outputTail?: string;
}

/**
 * `<script` tags that run code: JSON-LD and other data blocks do not count, nor does the frame guard
 * every page loads (a small file that stops other sites framing the page).
 */
const RUNNABLE_SCRIPT = /<script\b(?![^>]*type\s*=\s*["']?application\/(?:ld\+)?json)(?![^>]*frame-guard\.js)[^>]*>/gi;

/**
 * The build's downloads line (src/integrations/crosswalk.ts), e.g. `116 downloads (96.1 MB) rendered in
 * 48.2 s (CPU 57.3 s in 3 processes), 0 of them unchanged (from the cache); CPU by process: bodies 21.6 s,
 * largest 6.9 s, reports+exports 14.7 s`; undefined for any other line. Older builds' lines end before the `;`.
 */
export function downloadsFromLog(
  line: string,
):
  | Pick<
      SiteSummary,
      'downloadsMs' | 'downloadFiles' | 'downloadsCached' | 'downloadsCpuMs' | 'downloadProcesses' | 'downloadParts'
    >
  | undefined {
  const m =
    /(\d+) downloads \(.*\) rendered in ([\d.]+) s(?: \(CPU ([\d.]+) s(?: in (\d+) process(?:es)?)?\))?, (\d+) of them unchanged/.exec(
      line,
    );
  if (!m) return undefined;
  const byProcess = /; CPU by process: (.+)$/.exec(line)?.[1];
  const parts = byProcess?.split(', ').map((p) => {
    const part = /^([a-z+]+) ([\d.]+) s$/.exec(p.trim());
    return part && { parts: part[1]!, cpuMs: Number(part[2]) * 1000 };
  });
  return {
    downloadFiles: Number(m[1]),
    downloadsMs: Number(m[2]) * 1000,
    ...(m[3] !== undefined && { downloadsCpuMs: Number(m[3]) * 1000 }),
    ...(m[4] !== undefined && { downloadProcesses: Number(m[4]) }),
    downloadsCached: Number(m[5]),
    ...(parts?.length && parts.every((p) => p !== null) && { downloadParts: parts }),
  };
}

/**
 * Builds the site on the corpus. Cold (the default): Astro's caches and the download cache start
 * empty, in a folder of this run, like CI without caches, never touching someone's regular build.
 * Warm: the caches the previous build of `out` left are kept, like CI restoring them. Downloads
 * restored: the download cache the previous build left is kept and Astro's cache starts empty, like CI
 * restoring only the download cache (what the workflows do).
 */
export async function runSite(
  dir: string,
  out: string,
  options: { warm?: boolean; downloadsRestored?: boolean } = {},
): Promise<SiteSummary> {
  rmSync(out, { recursive: true, force: true });
  const caches = `${out}-cache`;
  const cache = join(caches, 'astro');
  if (options.downloadsRestored) {
    rmSync(cache, { recursive: true, force: true });
    rmSync(join(caches, 'node-compile'), { recursive: true, force: true });
  } else if (!options.warm) rmSync(caches, { recursive: true, force: true });
  const configPath = join(TMP, 'astro.bench.config.mjs');
  writeFileSync(
    configPath,
    `import config from ${JSON.stringify(join(ROOT, 'astro.config.mjs'))};\n` +
      `export default { ...config, cacheDir: process.env.BENCH_ASTRO_CACHE };\n`,
  );
  const buildArgs = ['build', '--config', relative(ROOT, configPath), '--outDir', out];
  const env = {
    ...process.env,
    CROSSWALK_CONTENT: dir,
    BENCH_ASTRO_CACHE: cache,
    CROSSWALK_DOWNLOAD_CACHE: join(caches, 'downloads'),
  };
  log(`  astro build --outDir ${relative(ROOT, out)} (CROSSWALK_CONTENT=${relative(ROOT, dir)})`);
  const r = await measureBuild(buildArgs, env, `${out}-rusage.txt`);
  const lines = r.lines;
  // Astro logs "[build] ✓ Completed in …" when the pages are written, then runs the astro:build:done
  // hooks (Pagefind logs "Pagefind indexed N pages"), then "N page(s) built in …" and "Complete!".
  const indexedAt = lines.findIndex((l) => /Pagefind indexed \d+ pages/.test(l.line));
  const indexed = indexedAt >= 0 ? lines[indexedAt] : undefined;
  const builtAt = (indexedAt >= 0 ? lines.slice(0, indexedAt) : lines).findLast((l) =>
    /\[build\].*Completed in/.test(l.line),
  );
  const downloads = lines.map((l) => downloadsFromLog(l.line)).find((d) => d !== undefined);

  const inspected = inspectSite(out);
  const ok = r.code === 0 && inspected.pages > 0;
  return {
    ok,
    ...(!ok && {
      error: r.code !== 0 ? `astro build exited with ${r.signal ?? r.code}` : 'astro build wrote no pages',
    }),
    exitCode: r.code,
    wallMs: r.wallMs,
    ...(builtAt && { pagesBuiltMs: builtAt.t }),
    ...(builtAt && indexed && { indexMs: indexed.t - builtAt.t }),
    ...(indexed && { pagefindPages: Number(/Pagefind indexed (\d+)/.exec(indexed.line)![1]) }),
    ...downloads,
    ...(inspected.pages > 0 && { msPerPage: r.wallMs / inspected.pages }),
    ...(r.cpuMs !== undefined && { cpuMs: r.cpuMs }),
    cpuMethod: r.cpuMethod,
    ...(r.maxProcessRssMB !== undefined && { maxProcessRssMB: r.maxProcessRssMB }),
    treeRssMB: r.treeRssMB,
    peakRssMB: r.peakRssMB,
    ...(r.peakTree && { peakTree: r.peakTree }),
    ...inspected,
    ...(!ok && { outputTail: outputTail(lines) }),
  };
}

/** Page count, HTML sizes and scripts on standard pages, from the built folder. */
function inspectSite(out: string) {
  const html = walkFiles(out).filter((p) => p.endsWith('.html'));
  const largestUnder = (sub: string) => {
    let best: { path: string; bytes: number } | null = null;
    for (const p of html) {
      if (!p.startsWith(join(out, sub) + '/')) continue;
      const bytes = statSync(p).size;
      if (!best || bytes > best.bytes) best = { path: relative(out, p), bytes };
    }
    return best;
  };
  const standardHtml = html.filter((p) => p.startsWith(join(out, 'standards') + '/'));
  let withScript = 0;
  let scriptExample: string | undefined;
  for (const p of standardHtml) {
    const m = readFileSync(p, 'utf8').match(RUNNABLE_SCRIPT);
    if (m) {
      withScript++;
      scriptExample ??= `${relative(out, p)}: ${m[0].slice(0, 80)}`;
    }
  }
  return {
    pages: html.filter((p) => p.endsWith('index.html')).length,
    htmlBytes: html.reduce((n, p) => n + statSync(p).size, 0),
    largest: { standard: largestUnder('standards'), body: largestUnder('accreditors'), matrix: largestUnder('matrix') },
    standardPages: standardHtml.length,
    standardPagesWithScript: withScript,
    ...(scriptExample !== undefined && { scriptExample }),
  };
}

/**
 * The warm build's edit: one body changes, as in a typical content pull request. The first
 * standard file of the first edition folder gets its title reworded (added when it has none), which
 * changes that body's reports (and the all-bodies ones), and any other body's whose model wording
 * quotes it. Returns the edited file, relative to the corpus.
 */
export function editOneBody(dir: string): string {
  const standards = join(dir, 'standards');
  const edition = readdirSync(standards).sort()[0]!;
  const file = join(standards, edition, readdirSync(join(standards, edition)).sort()[0]!);
  const text = readFileSync(file, 'utf8');
  const edited = /^title: /m.test(text)
    ? text.replace(/^title: "(.*)"$/m, 'title: "$1, revised"')
    : text.replace(/^(code: .*)$/m, '$1\ntitle: "Revised"');
  if (edited === text) throw new Error(`bench: could not edit ${file}`);
  writeFileSync(file, edited);
  return relative(dir, file);
}
