/** The project's site build on the corpus: wall, CPU and memory of `astro build` with its Pagefind step. */
import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { runChild } from './child.ts';
import { log, ROOT, TMP, walkFiles } from './util.ts';

export interface SiteSummary {
  ok: boolean;
  error?: string;
  exitCode: number | null;
  wallMs: number;
  /** Time until Astro reported the pages built (then the astro:build:done hooks, Pagefind among them). */
  pagesBuiltMs?: number;
  /** From "pages built" to "Pagefind indexed N pages" (which waits for the downloads process). */
  indexMs?: number;
  /** The PDF/XLSX/text downloads, rendered in a separate process from the start of the build. */
  downloadsMs?: number;
  pagefindPages?: number;
  pages: number;
  msPerPage?: number;
  /** User + system CPU time of the build and every process it started (GNU time). */
  cpuMs?: number;
  /** Largest single process (GNU time %M). */
  maxProcessRssMB?: number;
  /** Peak sum over the process tree (Node + Pagefind), sampled every 100 ms. */
  treeRssMB: number;
  peakRssMB: number;
  htmlBytes: number;
  largest: Record<'standard' | 'body' | 'matrix', { path: string; bytes: number } | null>;
  standardPages: number;
  standardPagesWithScript: number;
  scriptExample?: string;
  outputTail?: string;
}

/** `<script` tags that run code: JSON-LD and other data blocks do not count. */
const RUNNABLE_SCRIPT = /<script\b(?![^>]*type\s*=\s*["']?application\/(?:ld\+)?json)[^>]*>/gi;

export async function runSite(dir: string): Promise<SiteSummary> {
  const out = join(TMP, 'site-out');
  rmSync(out, { recursive: true, force: true });
  // A config wrapper that keeps Astro's caches (content store, Vite deps) in this run's folder: a
  // bench build starts cold, like CI, and never touches the cache of someone's regular build.
  const configPath = join(TMP, 'astro.bench.config.mjs');
  writeFileSync(
    configPath,
    `import config from ${JSON.stringify(join(ROOT, 'astro.config.mjs'))};\n` +
      `export default { ...config, cacheDir: ${JSON.stringify(join(TMP, 'astro-cache'))} };\n`,
  );
  const astro = join(ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs');
  const timeFile = join(TMP, 'site-time.txt');
  rmSync(timeFile, { force: true });
  const haveTime = existsSync('/usr/bin/time');
  const buildArgs = [astro, 'build', '--config', relative(ROOT, configPath), '--outDir', out];
  const env = { ...process.env, CROSSWALK_CONTENT: dir, ASTRO_TELEMETRY_DISABLED: '1' };
  log(`  astro build --outDir ${relative(ROOT, out)} (CROSSWALK_CONTENT=${relative(ROOT, dir)})`);
  const r = haveTime
    ? await runChild('/usr/bin/time', ['-f', '%M %U %S', '-o', timeFile, process.execPath, ...buildArgs], {
        env,
        timeoutMs: 60 * 60_000,
      })
    : await runChild(process.execPath, buildArgs, { env, timeoutMs: 60 * 60_000 });
  // eslint-disable-next-line no-control-regex
  const plain = (s: string) => s.replace(/\x1b\[[0-9;]*m/g, '');
  const lines = r.lines.map((l) => ({ t: l.t, line: plain(l.line) }));
  // Astro logs "[build] ✓ Completed in …" when the pages are written, then runs the astro:build:done
  // hooks (Pagefind logs "Pagefind indexed N pages"), then "N page(s) built in …" and "Complete!".
  const indexedAt = lines.findIndex((l) => /Pagefind indexed \d+ pages/.test(l.line));
  const indexed = indexedAt >= 0 ? lines[indexedAt] : undefined;
  const builtAt = (indexedAt >= 0 ? lines.slice(0, indexedAt) : lines).findLast((l) =>
    /\[build\].*Completed in/.test(l.line),
  );
  const downloadsLine = lines.find((l) => /\d+ downloads \(.*\) rendered in [\d.]+ s/.test(l.line))?.line;
  // GNU time: peak RSS of the largest process (KB), user and system CPU seconds of the whole tree.
  const [maxProcessKB, userS, sysS] =
    haveTime && existsSync(timeFile)
      ? readFileSync(timeFile, 'utf8').trim().split('\n').pop()!.split(' ').map(Number)
      : [NaN, NaN, NaN];
  const cpuMs = ((userS ?? NaN) + (sysS ?? NaN)) * 1000;

  const html = walkFiles(out).filter((p) => p.endsWith('.html'));
  const pages = html.filter((p) => p.endsWith('index.html')).length;
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
  const ok = r.code === 0 && pages > 0;
  const treeRssMB = r.treeRssMB;
  const maxProcessRssMB = maxProcessKB !== undefined && Number.isFinite(maxProcessKB) ? maxProcessKB / 1024 : undefined;
  const tail = lines
    .map((l) => l.line)
    .filter((l) => l.trim() !== '' && !/^\d+$/.test(l.trim()))
    .slice(-15)
    .join('\n');
  return {
    ok,
    ...(!ok && {
      error: r.code !== 0 ? `astro build exited with ${r.signal ?? r.code}` : 'astro build wrote no pages',
    }),
    exitCode: r.code,
    wallMs: r.ms,
    ...(builtAt && { pagesBuiltMs: builtAt.t }),
    ...(builtAt && indexed && { indexMs: indexed.t - builtAt.t }),
    ...(indexed && { pagefindPages: Number(/Pagefind indexed (\d+)/.exec(indexed.line)![1]) }),
    ...(downloadsLine && { downloadsMs: Number(/rendered in ([\d.]+) s/.exec(downloadsLine)![1]) * 1000 }),
    pages,
    ...(pages > 0 && { msPerPage: r.ms / pages }),
    ...(Number.isFinite(cpuMs) && { cpuMs }),
    ...(maxProcessRssMB !== undefined && { maxProcessRssMB }),
    treeRssMB,
    peakRssMB: Math.max(treeRssMB, maxProcessRssMB ?? 0),
    htmlBytes: html.reduce((n, p) => n + statSync(p).size, 0),
    largest: { standard: largestUnder('standards'), body: largestUnder('accreditors'), matrix: largestUnder('matrix') },
    standardPages: standardHtml.length,
    standardPagesWithScript: withScript,
    ...(scriptExample !== undefined && { scriptExample }),
    ...(!ok && { outputTail: tail }),
  };
}
