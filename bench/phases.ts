/** The library phases: each run in a fresh child process (bench/phase.ts), round-robin, summarised. */
import { join } from 'node:path';
import { runChild } from './child.ts';
import type { PhaseResult } from './phase.ts';
import { BENCH, log, median } from './util.ts';

export const PHASES = ['floor', 'check', 'coverage', 'xlsx', 'pdf'] as const;
export type Phase = (typeof PHASES)[number];

export interface PhaseSummary {
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

/** Numbers as their median over the runs (the split of a phase's time), text from the last run. */
function medianDetail(details: Record<string, number | string>[]): Record<string, number | string> {
  const out = { ...details[details.length - 1]! };
  for (const [k, x] of Object.entries(out))
    if (typeof x === 'number') out[k] = median(details.map((d) => d[k]).filter((y) => typeof y === 'number'));
  return out;
}

function summarise(phase: Phase, rs: PhaseResult[], error: string | undefined): PhaseSummary {
  if (error !== undefined)
    return {
      phase,
      ok: false,
      error,
      runsMs: [],
      medianMs: NaN,
      medianCpuMs: NaN,
      setupMs: NaN,
      maxRssMB: NaN,
      detail: {},
    };
  return {
    phase,
    ok: true,
    runsMs: rs.map((r) => Math.round(r.ms * 10) / 10),
    medianMs: median(rs.map((r) => r.ms)),
    medianCpuMs: median(rs.map((r) => r.cpuMs)),
    setupMs: median(rs.map((r) => r.setupMs)),
    maxRssMB: Math.max(...rs.map((r) => r.maxRssMB)),
    detail: medianDetail(rs.map((r) => r.detail)),
  };
}

/**
 * Runs round-robin (floor, check, …, floor, check, …) rather than phase by phase, so a change in the
 * machine's load during the run affects every phase alike and the ratios stay comparable.
 */
export async function runPhases(
  list: readonly Phase[],
  dir: string,
  reps: number,
): Promise<Partial<Record<Phase, PhaseSummary>>> {
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
  for (const phase of list) out[phase] = summarise(phase, results.get(phase)!, errors.get(phase));
  return out;
}
