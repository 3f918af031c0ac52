#!/usr/bin/env node
/**
 * npm run check [-- --content DIR] [--format human|json|github] [--strict]
 * Validates every content file. Exit 0 clean (warnings allowed unless --strict), 1 on errors, 2 on bad usage.
 */
import { parseArgs } from 'node:util';
import { checkDir } from '../src/lib/check/index.ts';
import { formatGithub, formatHuman } from '../src/lib/diagnostics.ts';

const USAGE = 'usage: npm run check -- [--content DIR] [--format human|json|github] [--strict] [--quiet]';
let args;
try {
  args = parseArgs({
    options: {
      content: { type: 'string', default: 'content' },
      format: { type: 'string' },
      strict: { type: 'boolean', default: false },
      quiet: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  }).values;
} catch (e) {
  console.error(`${(e as Error).message}\n${USAGE}`);
  process.exit(2);
}
if (args.help) {
  console.log(USAGE);
  process.exit(0);
}
const format = args.format ?? (process.env.GITHUB_ACTIONS === 'true' ? 'github' : 'human');
if (!['human', 'json', 'github'].includes(format)) {
  console.error(`unknown --format "${format}": expected human, json or github\n${USAGE}`);
  process.exit(2);
}

let result;
try {
  result = checkDir(args.content);
} catch (e) {
  console.error(`check: ${(e as Error).message}`);
  process.exit(2);
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
process.exit(failed ? 1 : 0);
