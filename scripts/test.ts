#!/usr/bin/env node
/**
 * npm test: the whole suite as a chain of named steps, each runnable alone (`npm test -- --only lint`)
 * and each printing a one-line result. Needs no browser. `--e2e` runs the browser tests instead.
 * The last line is `N passed, N failed`: vitest tests count one each, every other step counts one.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { runMain, startCli, type Fail } from '../src/lib/node/cli.ts';

interface Step {
  name: string;
  cmd: string[];
  /** vitest JSON report to read test counts from. */
  report?: string;
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

const STEPS: Step[] = [
  { name: 'format', cmd: ['prettier', '--check', '--log-level', 'warn', '.'] },
  { name: 'lint', cmd: ['eslint', '.'] },
  // astro check runs `astro sync` and type-checks every file tsconfig.json includes, .astro and .ts alike
  // (a type error in src/lib, scripts, tests or bench fails it), so a separate `tsc --noEmit` would repeat it.
  { name: 'typecheck', cmd: ['astro', 'check', '--minimumSeverity', 'warning'] },
  // Strict: a warning fails too; content/exceptions.yaml is where an accepted finding is recorded, with its reason.
  { name: 'content', cmd: ['node', 'scripts/check.ts', '--quiet', '--strict'] },
  { name: 'generated', cmd: ['node', 'scripts/generate.ts', '--check'] },
  // Offline: the lockfile against security/advisories.json (the registry here refuses `npm audit`).
  { name: 'audit', cmd: ['node', 'scripts/audit-deps.ts'] },
  vitest('unit', 'vitest.config.ts'),
  // Tests that spawn the CLI scripts or build git repositories.
  vitest('process', 'vitest.process.config.ts'),
  vitest('build', 'vitest.build.config.ts'),
];
const E2E: Step[] = [vitest('e2e', 'vitest.e2e.config.ts')];

const USAGE = 'usage: npm test -- [--only STEP]... [--e2e] [--list]';

/** The chain, callable in-process: 0 when every step passed, 1 otherwise; bad usage throws a CliExit. */
export function main(argv: string[]): number {
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
  for (const step of steps) {
    const t0 = performance.now();
    if (step.report) rmSync(step.report, { force: true });
    console.log(`\n▶ ${step.name}: ${step.cmd.join(' ')}`);
    const r = spawnSync(step.cmd[0]!, step.cmd.slice(1), { stdio: 'inherit', shell: false, env: process.env });
    const secs = ((performance.now() - t0) / 1000).toFixed(1);
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
      lines.push(`${step.name}: ${j.numPassedTests} passed, ${j.numFailedTests + broken} failed (${secs}s)`);
    } else if (r.status === 0) {
      passed++;
      lines.push(`${step.name}: ok (${secs}s)`);
    } else {
      failed++;
      lines.push(`${step.name}: FAILED with exit ${r.status ?? r.signal} (${secs}s)`);
    }
  }
  console.log(`\n${lines.join('\n')}`);
  console.log(`${passed} passed, ${failed} failed`);
  return failed > 0 ? 1 : 0;
}

if (import.meta.main) await runMain(main);
