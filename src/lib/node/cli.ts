/**
 * The shared start of every CLI script: parse the flags, answer `--help`, and fail with the script's
 * name and usage. Exit codes across scripts: 0 ok, 1 invalid content or a failed step, 2 bad usage.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';

/**
 * Print `<name>: message` (and the usage, for exit code 2) to stderr and exit. Scripts bind it with
 * this type written out (`const fail: Fail = cli.fail`) so TypeScript knows it never returns.
 */
export type Fail = (code: number, message: string) => never;

export interface Cli<T extends ParseArgsConfig> {
  /** Flags and positionals as `parseArgs` returns them. */
  args: ReturnType<typeof parseArgs<T>>;
  fail: Fail;
}

/**
 * Parse `process.argv` with `config`; bad flags exit 2 with the usage. `--help` prints the usage and
 * exits, unless `ownHelp` says the script answers it itself (e.g. help per positional argument).
 */
export function startCli<const T extends ParseArgsConfig>(
  name: string,
  usage: string,
  config: T,
  options: { ownHelp?: boolean } = {},
): Cli<T> {
  const fail: Fail = (code, message) => {
    console.error(`${name}: ${message}`);
    if (code === 2) console.error(usage);
    process.exit(code);
  };
  let args: ReturnType<typeof parseArgs<T>>;
  try {
    args = parseArgs(config);
  } catch (e) {
    return fail(2, (e as Error).message);
  }
  if (!options.ownHelp && (args.values as { help?: boolean }).help) {
    console.log(usage);
    process.exit(0);
  }
  return { args, fail };
}
