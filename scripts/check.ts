#!/usr/bin/env node
/**
 * npm run check [-- --content DIR] [--format human|json|github] [--strict]
 * Validates every content file. Exit 0 clean (warnings allowed unless --strict), 1 on errors, 2 on bad usage.
 */
import { checkDir } from '../src/lib/check/index.ts';
import { formatGithub, formatHuman } from '../src/lib/diagnostics.ts';
import { runMain, startCli, type Fail } from '../src/lib/node/cli.ts';

const USAGE = 'usage: npm run check -- [--content DIR] [--format human|json|github] [--strict] [--quiet]';
/** The script, callable in-process: its exit code; a usage or content failure throws a CliExit. */
export function main(argv: string[]): number {
  const cli = startCli('check', USAGE, {
    args: argv,
    options: {
      content: { type: 'string', default: 'content' },
      format: { type: 'string' },
      strict: { type: 'boolean', default: false },
      quiet: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  const fail: Fail = cli.fail;
  const args = cli.args.values;
  const format = args.format ?? (process.env.GITHUB_ACTIONS === 'true' ? 'github' : 'human');
  if (!['human', 'json', 'github'].includes(format))
    fail(2, `unknown --format "${format}": expected human, json or github`);

  let result;
  try {
    result = checkDir(args.content);
  } catch (e) {
    fail(2, (e as Error).message);
  }
  const failed = result.errors > 0 || (args.strict && result.warnings > 0);
  if (format === 'json') {
    console.log(
      JSON.stringify(
        { summary: result.summary, errors: result.errors, warnings: result.warnings, diagnostics: result.diagnostics },
        null,
        2,
      ),
    );
  } else {
    const shown = args.quiet ? result.diagnostics.filter((d) => d.severity === 'error') : result.diagnostics;
    for (const d of shown) console.log(format === 'github' ? formatGithub(d) : `${formatHuman(d)}\n`);
    console.log(result.summary);
  }
  return failed ? 1 : 0;
}

if (import.meta.main) await runMain(main);
