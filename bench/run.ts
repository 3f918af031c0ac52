#!/usr/bin/env node
/**
 * npm run bench -- [--bodies 50] [--standards-per-body 200] [--characteristics 100] [--initiatives N]
 *   [--seed 1] [--reps 3] [--no-site | --site-only] [--no-pdf] [--keep]
 *
 * Generates a synthetic corpus under bench/tmp/, then times each phase in a fresh child process
 * (median of --reps runs, peak RSS per process): the parse floor, the full check, coverage and the
 * report model for all bodies, XLSX and PDF of the full matrix, and the site build with its Pagefind
 * index. Prints a table and writes bench/results/<timestamp>.json and bench/results/latest.json.
 * See bench/README.md for how to read it.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DEFAULT_CORPUS, writeCorpus, type CorpusStats } from './generate.ts';
import type { PhaseResult } from './phase.ts';

const BENCH = dirname(fileURLToPath(import.meta.url));
const ROOT = dirname(BENCH);
/** This run's own folder, so two bench runs at once never delete each other's corpus or site. */
const TMP = join(BENCH, 'tmp', `run-${process.pid}`);
const RESULTS = join(BENCH, 'results');

const USAGE = `usage: npm run bench -- [--bodies N] [--standards-per-body N] [--characteristics N] [--initiatives N]
       [--seed N] [--reps N] [--no-site | --site-only] [--no-pdf] [--keep]`;

function fail(message: string): never {
  console.error(`bench: ${message}\n${USAGE}`);
  process.exit(2);
}

let v;
try {
  v = parseArgs({
    options: {
      bodies: { type: 'string', default: String(DEFAULT_CORPUS.bodies) },
      'standards-per-body': { type: 'string', default: String(DEFAULT_CORPUS.standardsPerBody) },
      characteristics: { type: 'string', default: String(DEFAULT_CORPUS.characteristics) },
      initiatives: { type: 'string' },
      seed: { type: 'string', default: String(DEFAULT_CORPUS.seed) },
      reps: { type: 'string', default: '3' },
      'no-site': { type: 'boolean', default: false },
      'site-only': { type: 'boolean', default: false },
      'no-pdf': { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  }).values;
} catch (e) {
  fail((e as Error).message);
}
if (v.help) {
  console.log(USAGE);
  process.exit(0);
}
const num = (name: string, s: string | undefined, min: number): number => {
  const n = Number(s);
  if (!Number.isInteger(n) || n < min) fail(`--${name} must be a whole number ≥ ${min}, got "${s}"`);
  return n;
};
if (v['no-site'] && v['site-only']) fail('--no-site and --site-only exclude each other');
const corpusOptions = {
  bodies: num('bodies', v.bodies, 1),
  standardsPerBody: num('standards-per-body', v['standards-per-body'], 1),
  characteristics: num('characteristics', v.characteristics, 1),
  ...(v.initiatives !== undefined && { initiatives: num('initiatives', v.initiatives, 0) }),
  seed: num('seed', v.seed, 0),
};
const reps = num('reps', v.reps, 1);

const log = (msg: string) => process.stderr.write(`${msg}\n`);
const mb = (bytes: number) => bytes / 1024 / 1024;
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

// ---------------------------------------------------------------------------------------------------
// Child processes

interface ChildRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  ms: number;
  stdout: string;
  stderr: string;
  /** Lines of output with the time (ms since start) each arrived. */
  lines: { t: number; line: string }[];
  /** Peak of the summed RSS of the child and all its descendants, sampled from /proc. */
  treeRssMB: number;
}

function readRssKB(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}
function childrenOf(pid: number): number[] {
  const out: number[] = [];
  try {
    for (const t of readdirSync(`/proc/${pid}/task`)) {
      const ids = readFileSync(`/proc/${pid}/task/${t}/children`, 'utf8').trim();
      if (ids) out.push(...ids.split(/\s+/).map(Number));
    }
  } catch {
    // process gone
  }
  return out;
}
function treeRssKB(pid: number): number {
  let sum = readRssKB(pid);
  for (const c of childrenOf(pid)) sum += treeRssKB(c);
  return sum;
}

function runChild(
  cmd: string,
  args: string[],
  options: { env?: NodeJS.ProcessEnv; timeoutMs?: number; echo?: boolean } = {},
): Promise<ChildRun> {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const child = spawn(cmd, args, { cwd: ROOT, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    const lines: { t: number; line: string }[] = [];
    let stdout = '';
    let stderr = '';
    const collect = (which: 'out' | 'err') => {
      let partial = '';
      return (chunk: Buffer) => {
        const s = chunk.toString('utf8');
        if (which === 'out') stdout += s;
        else stderr += s;
        const parts = (partial + s).split('\n');
        partial = parts.pop()!;
        const t = performance.now() - t0;
        for (const line of parts) {
          lines.push({ t, line });
          if (options.echo) log(`    | ${line}`);
        }
      };
    };
    child.stdout.on('data', collect('out'));
    child.stderr.on('data', collect('err'));
    let peak = 0;
    const poll = setInterval(() => {
      if (child.pid !== undefined) peak = Math.max(peak, treeRssKB(child.pid));
    }, 100);
    const timer = options.timeoutMs ? setTimeout(() => child.kill('SIGKILL'), options.timeoutMs) : undefined;
    child.on('close', (code, signal) => {
      clearInterval(poll);
      if (timer) clearTimeout(timer);
      resolve({ code, signal, ms: performance.now() - t0, stdout, stderr, lines, treeRssMB: peak / 1024 });
    });
  });
}

// ---------------------------------------------------------------------------------------------------
// Library phases

const PHASES = ['floor', 'check', 'coverage', 'xlsx', 'pdf'] as const;
type Phase = (typeof PHASES)[number];

interface PhaseSummary {
  phase: Phase;
  ok: boolean;
  error?: string;
  runsMs: number[];
  medianMs: number;
  /** CPU time (all threads) of the timed work, median. */
  medianCpuMs: number;
  setupMs: number;
  maxRssMB: number;
  detail: Record<string, number | string>;
}

/** One run of one phase in a fresh process: its result, or why it failed. */
async function runPhaseOnce(phase: Phase, dir: string): Promise<PhaseResult | string> {
  const r = await runChild(process.execPath, [join(BENCH, 'phase.ts'), phase, dir], { timeoutMs: 15 * 60_000 });
  const line = r.stdout.split('\n').find((l) => l.startsWith('BENCH_RESULT '));
  if (r.code === 0 && line) return JSON.parse(line.slice('BENCH_RESULT '.length)) as PhaseResult;
  const why = r.signal ? `killed by ${r.signal}` : `exit ${r.code}`;
  return `${why}: ${r.stderr.trim().split('\n').slice(-5).join(' / ')}`;
}

/**
 * Runs round-robin (floor, check, …, floor, check, …) rather than phase by phase, so a change in the
 * machine's load during the run affects every phase alike and the ratios stay comparable.
 */
async function runPhases(list: readonly Phase[], dir: string): Promise<Partial<Record<Phase, PhaseSummary>>> {
  const results = new Map<Phase, PhaseResult[]>(list.map((p) => [p, []]));
  const errors = new Map<Phase, string>();
  for (let i = 0; i < reps; i++) {
    for (const phase of list) {
      if (errors.has(phase)) continue;
      const res = await runPhaseOnce(phase, dir);
      if (typeof res === 'string') {
        errors.set(phase, res);
        log(`  ${phase} FAILED: ${res}`);
        continue;
      }
      results.get(phase)!.push(res);
      log(
        `  ${phase} run ${i + 1}/${reps}: ${res.ms.toFixed(0)} ms${res.setupMs ? ` (+${res.setupMs.toFixed(0)} ms load)` : ''}, peak RSS ${res.maxRssMB.toFixed(0)} MB`,
      );
    }
  }
  const out: Partial<Record<Phase, PhaseSummary>> = {};
  for (const phase of list) {
    const rs = results.get(phase)!;
    const error = errors.get(phase);
    out[phase] =
      error !== undefined
        ? {
            phase,
            ok: false,
            error,
            runsMs: [],
            medianMs: NaN,
            medianCpuMs: NaN,
            setupMs: NaN,
            maxRssMB: NaN,
            detail: {},
          }
        : {
            phase,
            ok: true,
            runsMs: rs.map((r) => Math.round(r.ms * 10) / 10),
            medianMs: median(rs.map((r) => r.ms)),
            medianCpuMs: median(rs.map((r) => r.cpuMs)),
            setupMs: median(rs.map((r) => r.setupMs)),
            maxRssMB: Math.max(...rs.map((r) => r.maxRssMB)),
            detail: rs[rs.length - 1]!.detail,
          };
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------
// Site build

interface SiteSummary {
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

function walkFiles(dir: string, out: string[] = []): string[] {
  if (!existsSync(dir)) return out;
  for (const d of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, d.name);
    if (d.isDirectory()) walkFiles(p, out);
    else if (d.isFile()) out.push(p);
  }
  return out;
}

/** `<script` tags that run code: JSON-LD and other data blocks do not count. */
const RUNNABLE_SCRIPT = /<script\b(?![^>]*type\s*=\s*["']?application\/(?:ld\+)?json)[^>]*>/gi;

async function runSite(dir: string): Promise<SiteSummary> {
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

// ---------------------------------------------------------------------------------------------------
// Main

mkdirSync(TMP, { recursive: true });
mkdirSync(RESULTS, { recursive: true });
const o = corpusOptions;
const corpusDir = join(TMP, `corpus-${o.bodies}x${o.standardsPerBody}-${o.characteristics}c-s${o.seed}`);
log(`generating ${o.bodies} bodies × ${o.standardsPerBody} standards, ${o.characteristics} characteristics…`);
const tGen = performance.now();
const stats: CorpusStats = writeCorpus(corpusDir, corpusOptions);
const genMs = performance.now() - tGen;
log(
  `  ${stats.files} files (${mb(stats.bytes).toFixed(1)} MB): ${stats.standards} standards, ${stats.mappings} mappings, ` +
    `${stats.editions} editions, ${stats.characteristics} characteristics, ${stats.initiatives} initiatives in ${relative(ROOT, corpusDir)} (${(genMs / 1000).toFixed(1)} s)`,
);

const loadBefore = loadavg();
let phases: Partial<Record<Phase, PhaseSummary>> = {};
if (!v['site-only']) {
  const list = PHASES.filter((p) => !(p === 'pdf' && v['no-pdf']));
  log(`library phases, ${reps} round(s) of ${list.join(', ')}…`);
  phases = await runPhases(list, corpusDir);
}
let site: SiteSummary | undefined;
if (!v['no-site']) {
  log('site build + Pagefind index…');
  site = await runSite(corpusDir);
  if (!site.ok) log(`  site build FAILED: ${site.error}\n${site.outputTail?.replace(/^/gm, '    | ') ?? ''}`);
}

// ---------------------------------------------------------------------------------------------------
// Table

type Result = 'PASS' | 'MISS' | 'FAIL' | '';
interface Row {
  phase: string;
  time: string;
  ratio: string;
  /** CPU time × the floor's CPU time. */
  cpu?: string;
  rss: string;
  target: string;
  result: Result;
}
const rows: Row[] = [];
const targets: { name: string; target: string; value: number | string | null; result: Result }[] = [];
const floorMs = phases.floor?.ok ? phases.floor.medianMs : NaN;
const floorCpuMs = phases.floor?.ok ? phases.floor.medianCpuMs : NaN;
const fmtCpu = (ms: number | undefined) =>
  ms !== undefined && Number.isFinite(ms / floorCpuMs) ? `${(ms / floorCpuMs).toFixed(2)}×` : '';
const fmtMs = (ms: number) =>
  !Number.isFinite(ms) ? '—' : ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${ms.toFixed(0)} ms`;
const fmtRatio = (ms: number) => (Number.isFinite(ms / floorMs) ? `${(ms / floorMs).toFixed(2)}×` : '—');
const fmtMB = (x: number | undefined) => (x !== undefined && Number.isFinite(x) ? x.toFixed(0) : '—');
const judge = (name: string, target: string, value: number | string | null, pass: boolean | null): Result => {
  const result: Result = pass === null ? 'FAIL' : pass ? 'PASS' : 'MISS';
  targets.push({ name, target, value, result });
  return result;
};

const LABEL: Record<Phase, string> = {
  floor: 'read + parse frontmatter (floor)',
  check: 'check (full)',
  coverage: 'coverage + report model, all bodies',
  xlsx: 'XLSX, full matrix',
  pdf: 'PDF, full report',
};
for (const p of PHASES) {
  const s = phases[p];
  if (!s) continue;
  if (!s.ok) {
    rows.push({ phase: LABEL[p], time: 'failed', ratio: '—', rss: '—', target: s.error!.slice(0, 40), result: 'FAIL' });
    continue;
  }
  let target = '';
  let result: Result = '';
  if (p === 'check') {
    target = '≤ 2× floor';
    result = judge('check ≤ 2× floor', target, s.medianMs / floorMs, s.medianMs <= 2 * floorMs);
  } else if (p === 'coverage') {
    target = '≤ 0.5× floor';
    result = judge('coverage ≤ 0.5× floor', target, s.medianMs / floorMs, s.medianMs <= 0.5 * floorMs);
  } else if (p === 'xlsx') {
    target = '≤ 5 s';
    result = judge('XLSX ≤ 5 s', target, s.medianMs, s.medianMs <= 5000);
  }
  if (p === 'check' && s.detail.errors !== 0) {
    target += ` (corpus has ${s.detail.errors} errors!)`;
    result = 'FAIL';
  }
  rows.push({
    phase: LABEL[p],
    time: fmtMs(s.medianMs),
    ratio: fmtRatio(s.medianMs),
    cpu: fmtCpu(s.medianCpuMs),
    rss: fmtMB(s.maxRssMB),
    target,
    result,
  });
}
if (site) {
  if (!site.ok) {
    rows.push({
      phase: 'site build + index',
      time: fmtMs(site.wallMs),
      ratio: '—',
      rss: fmtMB(site.peakRssMB),
      target: site.error ?? 'failed',
      result: judge('site build', 'builds', site.error ?? 'failed', null),
    });
  } else {
    rows.push({
      phase: `site build + index, ${site.pages} pages`,
      time: fmtMs(site.wallMs),
      ratio: fmtRatio(site.wallMs),
      cpu: fmtCpu(site.cpuMs),
      rss: fmtMB(site.peakRssMB),
      target: '≤ 2048 MB peak',
      result: judge('site peak memory ≤ 2 GB', '≤ 2048 MB', site.peakRssMB, site.peakRssMB <= 2048),
    });
    rows.push({
      phase: '  per page',
      time: `${site.msPerPage!.toFixed(2)} ms`,
      ratio: '',
      rss: '',
      target: '≤ 4 ms/page',
      result: judge('site build + index ≤ 4 ms/page', '≤ 4 ms', site.msPerPage!, site.msPerPage! <= 4),
    });
    if (site.pagesBuiltMs !== undefined)
      rows.push({
        phase: '  of which pages built',
        time: fmtMs(site.pagesBuiltMs),
        ratio: '',
        rss: '',
        target: '',
        result: '',
      });
    if (site.downloadsMs !== undefined)
      rows.push({
        phase: '  downloads (own process, alongside)',
        time: fmtMs(site.downloadsMs),
        ratio: '',
        rss: '',
        target: '',
        result: '',
      });
    if (site.indexMs !== undefined)
      rows.push({
        phase: `  of which Pagefind (${site.pagefindPages} pages)`,
        time: fmtMs(site.indexMs),
        ratio: '',
        rss: '',
        target: '',
        result: '',
      });
    const kb = (x: { bytes: number } | null) => (x ? `${(x.bytes / 1024).toFixed(1)} KB` : 'none found');
    const std = site.largest.standard;
    rows.push({
      phase: `largest standard page`,
      time: kb(std),
      ratio: '',
      rss: '',
      target: '≤ 50 KB',
      result: std
        ? judge('standard page ≤ 50 KB', '≤ 50 KB', std.bytes, std.bytes <= 50 * 1024)
        : judge('standard page ≤ 50 KB', '≤ 50 KB', null, null),
    });
    rows.push({ phase: 'largest body page', time: kb(site.largest.body), ratio: '', rss: '', target: '', result: '' });
    rows.push({
      phase: 'largest matrix page',
      time: kb(site.largest.matrix),
      ratio: '',
      rss: '',
      target: '',
      result: '',
    });
    rows.push({
      phase: 'standard pages with <script>',
      time: `${site.standardPagesWithScript} of ${site.standardPages}`,
      ratio: '',
      rss: '',
      target: 'none',
      result: judge(
        'no JavaScript on standard pages',
        '0 pages',
        site.standardPagesWithScript,
        site.standardPages > 0 ? site.standardPagesWithScript === 0 : null,
      ),
    });
  }
}

const header: Row = {
  phase: 'Phase',
  time: 'Time',
  ratio: '× floor',
  cpu: 'CPU × floor',
  rss: 'Peak RSS MB',
  target: 'Target',
  result: '',
};
const cols: (keyof Row)[] = ['phase', 'time', 'ratio', 'cpu', 'rss', 'target', 'result'];
const width = Object.fromEntries(cols.map((c) => [c, Math.max(...[header, ...rows].map((r) => (r[c] ?? '').length))]));
const right = new Set<keyof Row>(['time', 'ratio', 'cpu', 'rss']);
const fmtRow = (r: Row) =>
  cols
    .map((c) => (right.has(c) ? (r[c] ?? '').padStart(width[c]!) : (r[c] ?? '').padEnd(width[c]!)))
    .join('  ')
    .trimEnd();
console.log(
  `\nCorpus: ${stats.accreditors} bodies, ${stats.editions} editions, ${stats.standards} standards, ${stats.mappings} mappings, ` +
    `${stats.characteristics} characteristics, ${stats.initiatives} initiatives (${stats.files} files, ${mb(stats.bytes).toFixed(1)} MB)`,
);
const loadAfter = loadavg();
console.log(
  `Median of ${reps} fresh-process run(s) per library phase; ${cpus().length} CPUs, Node ${process.versions.node}; ` +
    `load average ${loadBefore[0]!.toFixed(1)} before, ${loadAfter[0]!.toFixed(1)} after\n`,
);
console.log(fmtRow(header));
console.log(cols.map((c) => '-'.repeat(width[c]!)).join('  '));
for (const r of rows) console.log(fmtRow(r));

// ---------------------------------------------------------------------------------------------------
// JSON

const stamp = new Date().toISOString().replace(/[:.]/g, '-');
const result = {
  date: new Date().toISOString(),
  machine: {
    loadAverageBefore: loadBefore,
    loadAverageAfter: loadAfter,
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    totalMemMB: Math.round(mb(totalmem())),
    node: process.versions.node,
  },
  corpus: { options: { ...DEFAULT_CORPUS, ...corpusOptions }, stats, generateMs: Math.round(genMs) },
  reps,
  floorMs: Number.isFinite(floorMs) ? floorMs : null,
  phases,
  site: site ?? null,
  targets,
  table: rows,
};
const json = `${JSON.stringify(result, (_k, x) => (typeof x === 'number' && !Number.isInteger(x) ? Math.round(x * 100) / 100 : x), 2)}\n`;
writeFileSync(join(RESULTS, `${stamp}.json`), json);
writeFileSync(join(RESULTS, 'latest.json'), json);
console.log(`\nwrote ${relative(ROOT, join(RESULTS, `${stamp}.json`))} and bench/results/latest.json`);
if (v.keep) console.log(`kept the corpus and the built site in ${relative(ROOT, TMP)}/`);
else rmSync(TMP, { recursive: true, force: true });
const misses = targets.filter((t) => t.result !== 'PASS');
if (misses.length) console.log(`${misses.length} target(s) not met: ${misses.map((t) => t.name).join('; ')}`);
