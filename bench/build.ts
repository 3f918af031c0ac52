/**
 * One measured `astro build` (the project's or the plain-Astro anchor's), cold, in a child process:
 * wall time, CPU of every process it started (Pagefind's included) and peak memory.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { runChild, type PeakTree } from './child.ts';
import { BENCH, ROOT } from './util.ts';

const ASTRO_BIN = join(ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs');

/** How the build's CPU time was counted, from the most to the least complete. */
export type CpuMethod = 'subreaper' | 'gnu-time' | 'none';

export interface MeasuredBuild {
  code: number | null;
  signal: NodeJS.Signals | null;
  wallMs: number;
  /** User + system CPU of the build and all its descendants (see `cpuMethod`). */
  cpuMs?: number;
  cpuMethod: CpuMethod;
  /** Largest single process's peak RSS. */
  maxProcessRssMB?: number;
  /** Peak sum over the process tree (Node + Pagefind + download renderers), sampled every 100 ms. */
  treeRssMB: number;
  peakRssMB: number;
  /** The processes that made up the tree's peak, largest first, and when. */
  peakTree?: PeakTree;
  /** Output lines without colour codes, with the time (ms since start) each arrived. */
  lines: { t: number; line: string }[];
}

/** What a build cost: the figures the site, the anchor and the warm build each report. */
export type BuildCost = Pick<
  MeasuredBuild,
  'wallMs' | 'cpuMs' | 'cpuMethod' | 'maxProcessRssMB' | 'treeRssMB' | 'peakRssMB' | 'peakTree'
>;

function hasPython(): boolean {
  try {
    execFileSync('python3', ['-c', 'import ctypes'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
const CPU_METHOD: CpuMethod = hasPython() ? 'subreaper' : existsSync('/usr/bin/time') ? 'gnu-time' : 'none';

/**
 * Runs `node astro.mjs <args>` under bench/rusage.py (a child subreaper that reaps and counts every
 * descendant, Pagefind's process too, which its Node API kills without waiting for), or under GNU
 * time when there is no python3 (which then misses such orphans).
 */
export async function measureBuild(args: string[], env: NodeJS.ProcessEnv, statsFile: string): Promise<MeasuredBuild> {
  rmSync(statsFile, { force: true });
  const node = [process.execPath, ASTRO_BIN, ...args];
  const options = { env: { ...env, ASTRO_TELEMETRY_DISABLED: '1' }, timeoutMs: 60 * 60_000 };
  const r =
    CPU_METHOD === 'subreaper'
      ? await runChild('python3', [join(BENCH, 'rusage.py'), statsFile, ...node], options)
      : CPU_METHOD === 'gnu-time'
        ? await runChild('/usr/bin/time', ['-f', '%M %U %S', '-o', statsFile, ...node], options)
        : await runChild(node[0]!, node.slice(1), options);
  let cpuMs: number | undefined;
  let maxProcessKB: number | undefined;
  if (existsSync(statsFile)) {
    const text = readFileSync(statsFile, 'utf8').trim();
    if (CPU_METHOD === 'subreaper') {
      const s = JSON.parse(text) as { userS: number; sysS: number; maxRssKB: number };
      cpuMs = (s.userS + s.sysS) * 1000;
      maxProcessKB = s.maxRssKB;
    } else {
      // GNU time: peak RSS of the largest process (KB), user and system CPU seconds.
      const [kb, userS, sysS] = text.split('\n').pop()!.split(' ').map(Number);
      cpuMs = ((userS ?? NaN) + (sysS ?? NaN)) * 1000;
      maxProcessKB = kb;
    }
  }
  const maxProcessRssMB = maxProcessKB !== undefined && Number.isFinite(maxProcessKB) ? maxProcessKB / 1024 : undefined;
  // eslint-disable-next-line no-control-regex
  const plain = (s: string) => s.replace(/\x1b\[[0-9;]*m/g, '');
  return {
    code: r.code,
    signal: r.signal,
    wallMs: r.ms,
    ...(cpuMs !== undefined && Number.isFinite(cpuMs) && { cpuMs }),
    cpuMethod: CPU_METHOD,
    ...(maxProcessRssMB !== undefined && { maxProcessRssMB }),
    treeRssMB: r.treeRssMB,
    peakRssMB: Math.max(r.treeRssMB, maxProcessRssMB ?? 0),
    peakTree: r.peakTree,
    lines: r.lines.map((l) => ({ t: l.t, line: plain(l.line) })),
  };
}

/** The last lines of a failed build's output, for the error report. */
export function outputTail(lines: { line: string }[]): string {
  return lines
    .map((l) => l.line)
    .filter((l) => l.trim() !== '' && !/^\d+$/.test(l.trim()))
    .slice(-15)
    .join('\n');
}
