/** Runs a child process, collecting its output lines (with arrival times) and its tree's peak RSS. */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { log, ROOT } from './util.ts';

export interface ChildRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  ms: number;
  stdout: string;
  stderr: string;
  /** Lines of output with the time (ms since start) each arrived. */
  lines: { t: number; line: string }[];
  /** Peak of the summed RSS of the child and all its descendants, sampled from /proc. */
  treeRssMB: number;
  /** The processes that made up that peak, largest first, and when (ms since start). */
  peakTree: PeakTree;
}

export interface PeakTree {
  t: number;
  processes: { name: string; rssMB: number }[];
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
/** A short name for a process: its script or program (e.g. `downloads-build.ts bodies`, `pagefind_extended`). */
function processName(pid: number): string {
  try {
    const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
    const at = args.findIndex((a, i) => i > 0 && !a.startsWith('-'));
    const main = (at > 0 ? args[at]! : (args[0] ?? '?')).replace(/^.*\//, '');
    return main.endsWith('.ts') ? `${main} ${args[at + 2] ?? ''}`.trim() : main;
  } catch {
    return '?';
  }
}
/** RSS of the child and each of its descendants (KB). */
function treeRss(pid: number, out: { pid: number; kb: number }[] = []): { pid: number; kb: number }[] {
  out.push({ pid, kb: readRssKB(pid) });
  for (const c of childrenOf(pid)) treeRss(c, out);
  return out;
}

export function runChild(
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
    let peakTree: PeakTree = { t: 0, processes: [] };
    const poll = setInterval(() => {
      if (child.pid === undefined) return;
      const tree = treeRss(child.pid);
      const sum = tree.reduce((n, p) => n + p.kb, 0);
      if (sum <= peak) return;
      peak = sum;
      // Names are read only when the peak rises, which is rare after the first seconds.
      peakTree = {
        t: performance.now() - t0,
        processes: tree
          .filter((p) => p.kb > 0)
          .sort((a, b) => b.kb - a.kb)
          .map((p) => ({ name: processName(p.pid), rssMB: Math.round(p.kb / 1024) })),
      };
    }, 100);
    const timer = options.timeoutMs ? setTimeout(() => child.kill('SIGKILL'), options.timeoutMs) : undefined;
    child.on('close', (code, signal) => {
      clearInterval(poll);
      if (timer) clearTimeout(timer);
      resolve({ code, signal, ms: performance.now() - t0, stdout, stderr, lines, treeRssMB: peak / 1024, peakTree });
    });
  });
}
