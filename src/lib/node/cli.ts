/**
 * The shared start of every CLI script: parse the flags, answer `--help`, and fail with the script's
 * name and usage. Exit codes across scripts: 0 ok, 1 invalid content or a failed step, 2 bad usage.
 * Each script exports `main(argv)`, which tests call in-process; only `runMain` touches the process.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';

/** Ends a script's `main` early with an exit code; `message` (already prefixed) goes to stderr. */
export class CliExit extends Error {
  readonly code: number;
  constructor(code: number, message = '') {
    super(message);
    this.name = 'CliExit';
    this.code = code;
  }
}

/**
 * Throw `<name>: message` (and the usage, for exit code 2) as a CliExit. Scripts bind it with this
 * type written out (`const fail: Fail = cli.fail`) so TypeScript knows it never returns.
 */
export type Fail = (code: number, message: string) => never;

export interface Cli<T extends ParseArgsConfig> {
  /** Flags and positionals as `parseArgs` returns them. */
  args: ReturnType<typeof parseArgs<T>>;
  fail: Fail;
  /** End `main` with `code` and no message, from inside a helper that cannot return it. */
  exit: (code: number) => never;
}

/**
 * Parse `config.args` (`main`'s argv; the process's when left out) with `config`; bad flags fail with
 * exit 2 and the usage. `--help` prints the usage and ends with 0, unless `ownHelp` says the script
 * answers it itself (e.g. help per positional argument).
 */
export function startCli<const T extends ParseArgsConfig>(
  name: string,
  usage: string,
  config: T,
  options: { ownHelp?: boolean } = {},
): Cli<T> {
  const fail: Fail = (code, message) => {
    throw new CliExit(code, code === 2 ? `${name}: ${message}\n${usage}` : `${name}: ${message}`);
  };
  const exit = (code: number): never => {
    throw new CliExit(code);
  };
  let args: ReturnType<typeof parseArgs<T>>;
  try {
    args = parseArgs(config);
  } catch (e) {
    return fail(2, (e as Error).message);
  }
  if (!options.ownHelp && (args.values as { help?: boolean }).help) {
    console.log(usage);
    exit(0);
  }
  return { args, fail, exit };
}

/** What a script's `main` returns: its exit code (`undefined` keeps the process running, e.g. a server). */
export type Main = (argv: string[]) => Promise<number | undefined> | number | undefined;

/** Run `main` as the process: its exit code, or a CliExit's message on stderr and its code. */
export async function runMain(main: Main): Promise<void> {
  try {
    const code = await main(process.argv.slice(2));
    if (code !== undefined) process.exitCode = code;
  } catch (e) {
    if (!(e instanceof CliExit)) throw e;
    if (e.message) console.error(e.message);
    process.exitCode = e.code;
  }
}
