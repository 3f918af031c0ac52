/** Runs a script's `main` in-process and reports it as `spawnSync` would: exit status, stdout, stderr. */
import { format } from 'node:util';
import { vi } from 'vitest';
import { CliExit, type Main } from '../src/lib/node/cli.ts';

export interface RunResult {
  status: number;
  stdout: string;
  stderr: string;
}

/**
 * `cwd` is entered for the run (tests run in forks, where chdir works) and `env` set for it; both are
 * restored after. Console and direct stream writes are captured, nothing reaches the terminal.
 */
export async function runMain(
  main: Main,
  args: string[],
  options: { cwd?: string; env?: Record<string, string> } = {},
): Promise<RunResult> {
  let stdout = '';
  let stderr = '';
  const toOut = (...a: unknown[]) => void (stdout += `${format(...a)}\n`);
  const toErr = (...a: unknown[]) => void (stderr += `${format(...a)}\n`);
  const spies = [
    vi.spyOn(console, 'log').mockImplementation(toOut),
    vi.spyOn(console, 'info').mockImplementation(toOut),
    vi.spyOn(console, 'error').mockImplementation(toErr),
    vi.spyOn(console, 'warn').mockImplementation(toErr),
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((stdout += String(chunk)), true)),
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((stderr += String(chunk)), true)),
  ];
  const cwd = process.cwd();
  const savedEnv = { ...process.env };
  let status: number;
  try {
    if (options.cwd) process.chdir(options.cwd);
    Object.assign(process.env, options.env);
    status = (await main(args)) ?? 0;
  } catch (e) {
    if (!(e instanceof CliExit)) throw e;
    if (e.message) stderr += `${e.message}\n`;
    status = e.code;
  } finally {
    process.chdir(cwd);
    for (const k of Object.keys(process.env)) if (!(k in savedEnv)) delete process.env[k];
    Object.assign(process.env, savedEnv);
    for (const s of spies) s.mockRestore();
  }
  return { status, stdout, stderr };
}
