#!/usr/bin/env node
/**
 * npm run diff -- BASE [HEAD] [--format md|json] [--out FILE] [--on YYYY-MM-DD] [--content DIR]
 * What changed in the crosswalk between two git refs (HEAD omitted: the working tree), as Markdown for
 * a pull-request comment or as JSON. Exit 0 ok, 2 bad usage or a ref git does not know.
 */
import { runMain, startCli, type Fail } from '../src/lib/node/cli.ts';
import { readExceptions } from '../src/lib/node/exceptions.ts';
import { readContentDir } from '../src/lib/node/content-dir.ts';
import { diffCrosswalks, renderDiffJson, renderDiffMarkdown, summaryLine } from '../src/lib/crosswalk-diff.ts';
import { isIsoDate, todayIso } from '../src/lib/dates.ts';
import { dataAtRef, dataFromSources, GitError, resolveRef, type DataAtRef } from '../src/lib/node/git.ts';
import { OutputExistsError, writeFileAtomic } from '../src/lib/node/files.ts';

const USAGE =
  'usage: npm run diff -- BASE [HEAD] [--format md|json] [--out FILE] [--force] [--on YYYY-MM-DD] [--content DIR]\n' +
  '       BASE and HEAD are git refs (branch, tag, commit); without HEAD the working tree is compared';

/** The script, callable in-process: its exit code; a usage or content failure throws a CliExit. */
export function main(argv: string[]): number {
  const cli = startCli('diff', USAGE, {
    args: argv,
    allowPositionals: true,
    options: {
      format: { type: 'string', default: 'md' },
      out: { type: 'string' },
      force: { type: 'boolean', default: false },
      on: { type: 'string' },
      content: { type: 'string', default: 'content' },
      help: { type: 'boolean', default: false },
    },
  });
  const fail: Fail = cli.fail;
  const parsed = cli.args;
  const v = parsed.values;
  const [base, head, ...extra] = parsed.positionals;
  if (!base) fail(2, 'give the base ref to compare against, e.g. `npm run diff -- main`');
  if (extra.length) fail(2, `expected at most two refs, found ${parsed.positionals.length}`);
  if (v.format !== 'md' && v.format !== 'json') fail(2, `unknown --format "${v.format}": expected md or json`);
  const on = v.on ?? todayIso();
  if (!isIsoDate(on)) fail(2, `--on "${v.on}" is not a date; expected YYYY-MM-DD`);

  function withExceptions(dir: string) {
    const ex = readExceptions(dir);
    return ex ? { exceptions: ex } : {};
  }

  let before: DataAtRef;
  let after: DataAtRef;
  try {
    resolveRef(base);
    if (head !== undefined) resolveRef(head);
    before = dataAtRef(base, v.content, process.cwd(), on);
    after =
      head !== undefined
        ? dataAtRef(head, v.content, process.cwd(), on)
        : dataFromSources(readContentDir(v.content), 'working tree', {
            today: on,
            ...withExceptions(v.content),
          });
  } catch (e) {
    if (e instanceof GitError) fail(2, e.message);
    fail(2, (e as Error).message);
  }
  const headLabel = head ?? 'working tree';
  const diff = diffCrosswalks(before.data, after.data, { on, baseLabel: base, headLabel });
  let text = v.format === 'json' ? renderDiffJson(diff) : renderDiffMarkdown(diff);
  const warnings = [
    before.errors ? `${base} has ${before.errors} content error(s)` : '',
    after.errors ? `${headLabel} has ${after.errors} content error(s)` : '',
  ].filter(Boolean);
  if (warnings.length) {
    const note = `${warnings.join('; ')}: entries with errors are left out of this comparison. Run \`npm run check\`.`;
    console.error(`diff: warning: ${note}`);
    if (v.format === 'md') text = `> [!WARNING]\n> ${note}\n\n${text}`;
  }
  if (v.out) {
    try {
      writeFileAtomic(v.out, text, { force: v.force });
    } catch (e) {
      if (e instanceof OutputExistsError) fail(2, e.message);
      fail(2, `cannot write ${v.out}: ${(e as Error).message}`);
    }
    console.error(`wrote ${v.out}: ${summaryLine(diff)}`);
  } else process.stdout.write(text);
  return 0;
}

if (import.meta.main) await runMain(main);
