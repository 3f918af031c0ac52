#!/usr/bin/env node
/**
 * npm run release -- --version X.Y.Z [--date YYYY-MM-DD] [--from TAG] [--to REF] [--dry-run] [--content DIR]
 * Prepares a data release: generates the changelog entry from the data (what was added, removed and
 * re-mapped since the previous `data-v*` tag, or since nothing for the first release), puts it at the
 * top of CHANGELOG.md's data section, and sets the version and date in CITATION.cff. Tagging is left
 * to you: commit, then `git tag data-vX.Y.Z`.
 * Exit 0 ok, 2 bad usage (bad version, existing tag, unknown ref, missing markers).
 */
import { readFileSync } from 'node:fs';
import { parseDocument } from 'yaml';
import {
  diffCrosswalks,
  EMPTY_CROSSWALK,
  renderChangelogEntry,
  summaryLine,
  upsertChangelog,
} from '../src/lib/crosswalk-diff.ts';
import { runMain, startCli, type Fail } from '../src/lib/node/cli.ts';
import { isIsoDate, todayIso } from '../src/lib/dates.ts';
import { writeFileAtomic } from '../src/lib/node/files.ts';
import { dataAtRef, dataTags, GitError, resolveRef } from '../src/lib/node/git.ts';

const USAGE =
  'usage: npm run release -- --version X.Y.Z [--date YYYY-MM-DD] [--from TAG] [--to REF] [--dry-run] [--content DIR]';

/** The script, callable in-process: its exit code; a usage or content failure throws a CliExit. */
export function main(argv: string[]): number {
  const cli = startCli('release', USAGE, {
    args: argv,
    options: {
      version: { type: 'string' },
      date: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string', default: 'HEAD' },
      'dry-run': { type: 'boolean', default: false },
      content: { type: 'string', default: 'content' },
      help: { type: 'boolean', default: false },
    },
  });
  const fail: Fail = cli.fail;
  const v = cli.args.values;
  const version = v.version?.replace(/^v/, '');
  if (!version || !/^\d+\.\d+\.\d+$/.test(version))
    fail(2, `--version "${v.version ?? ''}" is not a version; expected X.Y.Z (e.g. 1.0.0)`);
  const date = v.date ?? todayIso();
  if (!isIsoDate(date)) fail(2, `--date "${v.date}" is not a date; expected YYYY-MM-DD`);

  let entry: string;
  let summary: string;
  try {
    resolveRef(v.to);
    const tags = dataTags();
    if (tags.includes(`data-v${version}`)) fail(2, `tag data-v${version} exists already; choose the next version`);
    const from = v.from ?? tags[0];
    const before = from ? dataAtRef(from, v.content, process.cwd(), date) : { data: EMPTY_CROSSWALK, errors: 0 };
    const after = dataAtRef(v.to, v.content, process.cwd(), date);
    if (after.errors > 0)
      fail(
        1,
        `the content at ${v.to} has ${after.errors} error(s); a release needs clean content (run \`npm run check\`)`,
      );
    const diff = diffCrosswalks(before.data, after.data, {
      on: date,
      baseLabel: from ?? 'nothing (first release)',
      headLabel: `data-v${version}`,
    });
    entry = renderChangelogEntry(diff, { version, date });
    summary = summaryLine(diff);
  } catch (e) {
    if (e instanceof GitError) fail(2, e.message);
    throw e;
  }

  if (v['dry-run']) {
    process.stdout.write(`${entry}\n`);
    return 0;
  }

  let changelog: string;
  try {
    changelog = upsertChangelog(readFileSync('CHANGELOG.md', 'utf8'), version, entry);
  } catch (e) {
    fail(2, (e as Error).message);
  }
  const cff = parseDocument(readFileSync('CITATION.cff', 'utf8'));
  cff.set('version', version);
  cff.set('date-released', date);
  writeFileAtomic('CHANGELOG.md', changelog, { force: true });
  writeFileAtomic('CITATION.cff', cff.toString({ lineWidth: 0 }), { force: true });
  console.log(`data v${version} (${date}): ${summary}`);
  console.log(
    `updated CHANGELOG.md and CITATION.cff; next: commit them, then \`git tag data-v${version}\` and push the tag`,
  );
  return 0;
}

if (import.meta.main) await runMain(main);
