#!/usr/bin/env node
/**
 * npm run gaps -- [--accreditor ID]... [--profession P]... [--kind K]... [--country C]...
 *   [--characteristic ID]... [--on YYYY-MM-DD] [--format xlsx|csv|json|md|pdf] [--out FILE] [--force]
 *   [--institution NAME] [--paper a4|letter]
 * Exit 0 ok, 1 invalid content, 2 bad usage or unwritable output.
 */
import ExcelJS from 'exceljs';
import { STATUSES, type Status } from '../src/lib/coverage.ts';
import { todayIso } from '../src/lib/dates.ts';
import { ContentError } from '../src/lib/diagnostics.ts';
import { runMain, startCli, type Fail } from '../src/lib/node/cli.ts';
import { loadCrosswalk } from '../src/lib/node/crosswalk.ts';
import { NotRegularFileError, OutputExistsError, writeFileAtomic } from '../src/lib/node/files.ts';
import { buildReport, institutionName } from '../src/lib/report/build.ts';
import { FORMATS, renderReportAs, TEXT_FORMATS, type Format } from '../src/lib/report/index.ts';
import { PAPERS, renderPdf, type Paper } from '../src/lib/report/pdf.ts';
import { parseSelection, SelectionError } from '../src/lib/selection.ts';

const USAGE = `usage: npm run gaps -- [--accreditor ID]... [--profession P]... [--kind K]... [--country CC]...
       [--characteristic ID]... [--on YYYY-MM-DD] [--format ${FORMATS.join('|')}] [--out FILE] [--force] [--content DIR]
       [--institution NAME] [--paper ${PAPERS.join('|')}]`;

/** The script, callable in-process: its exit code; a usage or content failure throws a CliExit. */
export async function main(argv: string[]): Promise<number> {
  const cli = startCli('gaps', USAGE, {
    args: argv,
    options: {
      accreditor: { type: 'string', multiple: true, default: [] },
      profession: { type: 'string', multiple: true, default: [] },
      kind: { type: 'string', multiple: true, default: [] },
      country: { type: 'string', multiple: true, default: [] },
      characteristic: { type: 'string', multiple: true, default: [] },
      on: { type: 'string' },
      format: { type: 'string', default: 'md' },
      out: { type: 'string' },
      force: { type: 'boolean', default: false },
      content: { type: 'string', default: 'content' },
      institution: { type: 'string' },
      paper: { type: 'string', default: 'a4' },
      help: { type: 'boolean', default: false },
    },
  });
  const fail: Fail = cli.fail;
  const v = cli.args.values;
  const format = v.format as Format;
  if (!FORMATS.includes(format)) fail(2, `unknown --format "${v.format}": expected one of ${FORMATS.join(', ')}`);
  const paper = v.paper as Paper;
  if (!PAPERS.includes(paper)) fail(2, `unknown --paper "${v.paper}": expected one of ${PAPERS.join(', ')}`);
  if (!v.out && !TEXT_FORMATS.includes(format)) fail(2, `--format ${format} is binary: give --out FILE`);

  const COUNT_NOUN: Record<Status, string> = {
    covered: 'covered',
    partial: 'partial',
    opportunity: 'opportunity',
    gap: 'gap',
    'not-reviewed': 'not reviewed',
  };

  const progress =
    process.stderr.isTTY && !process.env.CI ? (msg: string) => process.stderr.write(`\r\x1b[2K${msg}`) : () => {};

  let loaded;
  try {
    progress('checking content…');
    loaded = loadCrosswalk(v.content);
  } catch (e) {
    progress('');
    if (e instanceof ContentError) fail(1, `${e.message}`);
    fail(2, (e as Error).message);
  }
  const today = todayIso();
  let selection;
  try {
    selection = parseSelection(
      loaded.index,
      {
        accreditors: v.accreditor,
        professions: v.profession,
        kinds: v.kind,
        countries: v.country,
        characteristics: v.characteristic,
        ...(v.on !== undefined && { on: v.on }),
      },
      today,
    );
  } catch (e) {
    if (e instanceof SelectionError) fail(2, e.message);
    throw e;
  }
  progress('computing coverage…');
  let institution;
  try {
    institution = institutionName(v.institution);
  } catch (e) {
    fail(2, `--institution: ${(e as Error).message}`);
  }
  const report = buildReport(loaded.index, selection, today, { institution });
  progress(`rendering ${format}…`);
  const output = format === 'pdf' ? await renderPdf(report, { paper }) : await renderReportAs(report, format, ExcelJS);
  progress('');
  if (v.out) {
    try {
      writeFileAtomic(v.out, output, { force: v.force });
    } catch (e) {
      if (e instanceof OutputExistsError || e instanceof NotRegularFileError) fail(2, e.message);
      fail(2, `cannot write ${v.out}: ${(e as Error).message}`);
    }
    const s = report.summary;
    console.error(
      `wrote ${v.out}: ${s.bodies} bodies × ${s.characteristics} characteristics: ${STATUSES.map((st) => `${s.counts[st]} ${COUNT_NOUN[st]}`).join(', ')}`,
    );
  } else {
    process.stdout.write(output as string);
  }
  return 0;
}

if (import.meta.main) await runMain(main);
