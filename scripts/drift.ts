#!/usr/bin/env node
/**
 * npm run drift -- --accreditor ID [--format md|json] [--content DIR]
 * The re-reading worklist for a body: each mapped standard of a superseded edition and whether the
 * newer edition continues it, dropped it (with why) or is still waiting for a decision.
 * Exit 0 ok, 1 invalid content, 2 bad usage.
 */
import { ContentError } from '../src/lib/diagnostics.ts';
import { driftForAccreditor, driftMarkdown } from '../src/lib/drift.ts';
import { runMain, startCli, type Fail } from '../src/lib/node/cli.ts';
import { loadCrosswalk } from '../src/lib/node/crosswalk.ts';

const USAGE = 'usage: npm run drift -- --accreditor ID [--format md|json] [--content DIR]';
/** The script, callable in-process: its exit code; a usage or content failure throws a CliExit. */
export function main(argv: string[]): number {
  const cli = startCli('drift', USAGE, {
    args: argv,
    options: {
      accreditor: { type: 'string' },
      format: { type: 'string', default: 'md' },
      content: { type: 'string', default: 'content' },
      help: { type: 'boolean', default: false },
    },
  });
  const fail: Fail = cli.fail;
  const v = cli.args.values;
  if (v.accreditor === undefined) fail(2, 'give --accreditor ID');
  if (v.format !== 'md' && v.format !== 'json') fail(2, `unknown --format "${v.format}": expected md or json`);
  let loaded;
  try {
    loaded = loadCrosswalk(v.content);
  } catch (e) {
    if (e instanceof ContentError) fail(1, e.message);
    fail(2, (e as Error).message);
  }
  const crosswalk = loaded.index;
  if (!crosswalk.accreditors.has(v.accreditor)) {
    fail(2, `unknown accreditor "${v.accreditor}": expected one of ${[...crosswalk.accreditors.keys()].join(', ')}`);
  }
  const lists = driftForAccreditor(crosswalk, v.accreditor);
  if (v.format === 'json') {
    const json = lists.map((w) => ({
      edition: w.edition.id,
      previous: w.previous.id,
      pending: w.pending,
      items: w.items,
    }));
    process.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
  } else if (lists.length === 0) {
    process.stdout.write(`No edition of ${v.accreditor} supersedes another: nothing to carry over.\n`);
  } else {
    process.stdout.write(driftMarkdown(crosswalk, lists));
  }
  return 0;
}

if (import.meta.main) await runMain(main);
