#!/usr/bin/env node
/**
 * npm test: the whole suite as a chain of named steps, each runnable alone (`npm test -- --only lint`)
 * and each printing a one-line result. Needs no browser. `--e2e` runs the browser tests instead.
 * The last line is `N passed, N failed`: vitest tests count one each, every other step counts one.
 *
 * The static steps (format, lint, types, content, generated files, audit) read the tree and write
 * nothing another step reads, so they run side by side, as many at once as the machine has cores, each
 * one's output held and shown whole, in the chain's order. The vitest steps use every core themselves
 * and run one after another, their output live.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { runMain, startCli, type Fail } from '../src/lib/node/cli.ts';

export interface Step {
  name: string;
  cmd: string[];
  /** vitest JSON report to read test counts from. */
  report?: string;
  /** Runs beside the other such steps next to it in the chain, its output held (see the file comment). */
  alongside?: boolean;
}

const vitest = (name: string, config: string): Step => ({
  name,
  cmd: [
    'vitest',
    'run',
    '--config',
    config,
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=test-results/${name}.json`,
  ],
  report: `test-results/${name}.json`,
});

// Prettier's and ESLint's caches (under node_modules/.cache, keyed on each file's content and on the
// tool's version and configuration) make a contributor's second run re-read only the files that
// changed; a fresh clone has none and checks every file.
const STEPS: Step[] = [
  // First, as the longest of the steps that run side by side: the others share the second core meanwhile.
  // astro check runs `astro sync` and type-checks every file tsconfig.json includes, .astro and .ts alike
  // (a type error in src/lib, scripts, tests or bench fails it), so a separate `tsc --noEmit` would repeat it.
  { name: 'typecheck', cmd: ['astro', 'check', '--minimumSeverity', 'warning'], alongside: true },
  {
    name: 'format',
    cmd: ['prettier', '--check', '--log-level', 'warn', '--cache', '--cache-strategy', 'content', '.'],
    alongside: true,
  },
  {
    name: 'lint',
    cmd: ['eslint', '--cache', '--cache-strategy', 'content', '--cache-location', 'node_modules/.cache/eslint/', '.'],
    alongside: true,
  },
  // Strict: a warning fails too; content/exceptions.yaml is where an accepted finding is recorded, with its reason.
  { name: 'content', cmd: ['node', 'scripts/check.ts', '--quiet', '--strict'], alongside: true },
  { name: 'generated', cmd: ['node', 'scripts/generate.ts', '--check'], alongside: true },
  // Offline: the lockfile against security/advisories.json (the registry here refuses `npm audit`).
  { name: 'audit', cmd: ['node', 'scripts/audit-deps.ts'], alongside: true },
  vitest('unit', 'vitest.config.ts'),
  // Tests that spawn the CLI scripts or build git repositories.
  vitest('process', 'vitest.process.config.ts'),
  vitest('build', 'vitest.build.config.ts'),
];
const E2E: Step[] = [vitest('e2e', 'vitest.e2e.config.ts')];

/** How one step ended; `output` is what it printed, when it was held. */
interface Ended {
  status: number | null;
  signal: NodeJS.Signals | null;
  secs: string;
  output?: Buffer;
}

const header = (step: Step) => `\n▶ ${step.name}: ${step.cmd.join(' ')}`;

/** Runs one step; its output goes straight to the terminal, or is held when `hold` is set. */
function runStep(step: Step, hold: boolean): Promise<Ended> {
  const t0 = performance.now();
  if (step.report) rmSync(step.report, { force: true });
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    const child = spawn(step.cmd[0]!, step.cmd.slice(1), {
      stdio: hold ? ['ignore', 'pipe', 'pipe'] : 'inherit',
      shell: false,
      env: process.env,
    });
    if (hold) for (const out of [child.stdout!, child.stderr!]) out.on('data', (c: Buffer) => chunks.push(c));
    let settled = false;
    // A child that cannot start may report both 'error' and 'close': the first one ends the step.
    const end = (status: number | null, signal: NodeJS.Signals | null, extra?: string) => {
      if (settled) return;
      settled = true;
      if (extra) chunks.push(Buffer.from(extra));
      const secs = ((performance.now() - t0) / 1000).toFixed(1);
      resolve({ status, signal, secs, ...(hold && { output: Buffer.concat(chunks) }) });
    };
    // A command that cannot start (not installed) fails its step with the reason, like a failing one.
    child.on('error', (e) => {
      if (!hold) console.error(`${step.name}: ${e.message}`);
      end(127, null, `${step.name}: ${e.message}\n`);
    });
    child.on('close', (code, signal) => end(code, signal));
  });
}

/**
 * Runs `steps` in order, consecutive `alongside` steps up to `parallel` at a time; prints each step's
 * header (and held output) in the chain's order, and calls `done` with each step and how it ended,
 * in that order too.
 */
export async function runChain(
  steps: readonly Step[],
  parallel: number,
  done: (step: Step, ended: Ended) => void,
  write: (text: string) => void = (t) => process.stdout.write(t),
): Promise<void> {
  for (let i = 0; i < steps.length;) {
    if (!steps[i]!.alongside) {
      write(`${header(steps[i]!)}\n`);
      done(steps[i]!, await runStep(steps[i]!, false));
      i++;
      continue;
    }
    let end = i;
    while (end < steps.length && steps[end]!.alongside) end++;
    const group = steps.slice(i, end);
    const ended: (Ended | undefined)[] = group.map(() => undefined);
    let shown = 0;
    const show = () => {
      for (; shown < group.length && ended[shown]; shown++) {
        const out = ended[shown]!.output!;
        write(`${header(group[shown]!)}\n${out.length ? out.toString('utf8') : ''}`);
        done(group[shown]!, ended[shown]!);
      }
    };
    let next = 0;
    const lane = async () => {
      while (next < group.length) {
        const k = next++;
        ended[k] = await runStep(group[k]!, true);
        show();
      }
    };
    await Promise.all(Array.from({ length: Math.min(parallel, group.length) }, lane));
    i = end;
  }
}

const USAGE = 'usage: npm test -- [--only STEP]... [--e2e] [--list]';

/** The chain, callable in-process: 0 when every step passed, 1 otherwise; bad usage throws a CliExit. */
export async function main(argv: string[]): Promise<number> {
  const cli = startCli('test', USAGE, {
    args: argv,
    options: {
      only: { type: 'string', multiple: true },
      e2e: { type: 'boolean', default: false },
      list: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  const fail: Fail = cli.fail;
  const values = cli.args.values;
  const all = values.e2e ? E2E : STEPS;
  if (values.list) {
    for (const s of STEPS) console.log(s.name);
    return 0;
  }
  const unknown = (values.only ?? []).filter((n) => !all.some((s) => s.name === n));
  if (unknown.length)
    fail(2, `unknown step(s): ${unknown.join(', ')}; steps are: ${all.map((s) => s.name).join(', ')}`);
  const steps = values.only?.length ? all.filter((s) => values.only!.includes(s.name)) : all;

  process.env.ASTRO_TELEMETRY_DISABLED = '1';
  mkdirSync('test-results', { recursive: true });
  let passed = 0;
  let failed = 0;
  const lines: string[] = [];
  await runChain(steps, availableParallelism(), (step, r) => {
    if (step.report && existsSync(step.report)) {
      const j = JSON.parse(readFileSync(step.report, 'utf8')) as {
        numPassedTests: number;
        numFailedTests: number;
        numTotalTests: number;
      };
      // A suite that fails to load counts as a failure even when no test inside it ran.
      const broken = r.status !== 0 && j.numFailedTests === 0 ? 1 : 0;
      passed += j.numPassedTests;
      failed += j.numFailedTests + broken;
      lines.push(`${step.name}: ${j.numPassedTests} passed, ${j.numFailedTests + broken} failed (${r.secs}s)`);
    } else if (r.status === 0) {
      passed++;
      lines.push(`${step.name}: ok (${r.secs}s)`);
    } else {
      failed++;
      lines.push(`${step.name}: FAILED with exit ${r.status ?? r.signal} (${r.secs}s)`);
    }
  });
  console.log(`\n${lines.join('\n')}`);
  console.log(`${passed} passed, ${failed} failed`);
  return failed > 0 ? 1 : 0;
}

if (import.meta.main) await runMain(main);
