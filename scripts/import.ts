#!/usr/bin/env node
/**
 * npm run import -- FILE [--write] [--content DIR] [--format human|json] [--map MAP.yaml | --write-map]
 * FILE is an edited export: an .xlsx workbook, one .csv file, or a folder of .csv files. Shows what would
 * change (a dry run); writes only with --write, and only when there is no error or conflict.
 * A sheet of another layout (a committee's own crosswalk) is read through a column map: --write-map
 * writes a starter next to it (FILE.map.yaml), --map names one; FILE.map.yaml is used when present.
 * Exit 0 ok, 1 errors in the sheet or conflicts (nothing written), 2 bad usage or unreadable file.
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { runMain, startCli, type Fail } from '../src/lib/node/cli.ts';
import { readContentDir } from '../src/lib/node/content-dir.ts';
import { todayIso } from '../src/lib/dates.ts';
import { formatHuman } from '../src/lib/diagnostics.ts';
import { readExceptions } from '../src/lib/node/exceptions.ts';
import { InputError, readRegularFile } from '../src/lib/node/read-bounded.ts';
import { writeTogether, WriteTogetherError } from '../src/lib/node/write-together.ts';
import { IMPORT_LIMITS } from '../src/lib/spreadsheet/limits.ts';
import { planImport, renderPlan } from '../src/lib/spreadsheet/import.ts';
import { isForeignWorkbook, MapError, parseForeignMap, starterMap } from '../src/lib/spreadsheet/foreign/map.ts';
import { planForeign } from '../src/lib/spreadsheet/foreign/plan.ts';
import { renderForeignPlan } from '../src/lib/spreadsheet/foreign/report.ts';
import { checkSources } from '../src/lib/check/index.ts';
import { csvWorkbook, decodeCsvBytes, readXlsx, ReadError, type RawWorkbook } from '../src/lib/spreadsheet/read.ts';

const USAGE =
  'usage: npm run import -- FILE.xlsx|FILE.csv|FOLDER [--write] [--content DIR] [--format human|json] [--map MAP.yaml | --write-map]';
/** Enough messages to fix a sheet; the count of the rest is printed. */
const SHOWN = 100;

/** What an unexpected failure leaves behind: until the write step, nothing. */
let outcome = 'nothing written';
/** Set when the script is the process: a signal during the write then reports the outcome. */
let guardSignals = false;

/** The script, callable in-process: its exit code; a usage or input failure throws a CliExit. */
export async function main(argv: string[]): Promise<number> {
  outcome = 'nothing written';
  const cli = startCli('import', USAGE, {
    args: argv,
    allowPositionals: true,
    options: {
      write: { type: 'boolean', default: false },
      content: { type: 'string', default: 'content' },
      format: { type: 'string', default: 'human' },
      map: { type: 'string' },
      'write-map': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  const fail: Fail = cli.fail;
  const parsed = cli.args;
  const v = parsed.values;
  if (parsed.positionals.length !== 1) fail(2, `expected one FILE, found ${parsed.positionals.length}`);
  if (v.format !== 'human' && v.format !== 'json') fail(2, `unknown --format "${v.format}": expected human or json`);
  const file = parsed.positionals[0]!;

  /** The input as a workbook; exit 2 for a path that cannot be read as one, 1 for a file that is not a valid export. */
  async function readInput(file: string): Promise<RawWorkbook> {
    let st;
    try {
      st = statSync(file);
    } catch {
      fail(2, `${file} does not exist; give the path of an exported .xlsx, .csv or folder of .csv files`);
    }
    if (st.isDirectory()) {
      const names = readdirSync(file)
        .filter((n) => n.toLowerCase().endsWith('.csv'))
        .sort();
      if (names.length === 0) fail(2, `${file} holds no .csv files`);
      // The limit holds for the folder's files together.
      let budget = IMPORT_LIMITS.inputBytes;
      const files = names.map((n) => {
        const path = join(file, n);
        const bytes = readRegularFile(path, budget);
        budget -= bytes.length;
        return { path, text: decodeCsvBytes(bytes, path) };
      });
      return csvWorkbook(file, files);
    }
    if (/\.xlsx$/i.test(file))
      return readXlsx(readRegularFile(file, IMPORT_LIMITS.inputBytes), ExcelJS, file, { inflateRaw });
    if (/\.csv$/i.test(file))
      return csvWorkbook(file, [
        { path: file, text: decodeCsvBytes(readRegularFile(file, IMPORT_LIMITS.inputBytes), file) },
      ]);
    return fail(2, `${file}: expected an .xlsx or .csv file (save from Excel as "Excel Workbook" or "CSV UTF-8")`);
  }

  /** zlib's raw inflate, stopping at `maxBytes` of output (a part that claims less than it holds fails). */
  const inflateRaw = (data: Uint8Array, maxBytes: number) =>
    inflateRawSync(data, { maxOutputLength: Math.max(1, maxBytes) });

  let workbook: RawWorkbook;
  try {
    workbook = await readInput(file);
  } catch (e) {
    if (e instanceof InputError) fail(2, e.message);
    if (e instanceof ReadError) fail(1, e.message);
    throw e;
  }

  if (isForeignWorkbook(workbook) || v.map !== undefined || v['write-map']) return runForeign(workbook);

  const { sources, exceptions } = loadContent();
  const plan = planImport(sources, workbook, exceptions ? { exceptions } : {});
  const diagnostics = plan.diagnostics;
  const wanted = v.write && plan.errors === 0 && plan.files.length > 0;
  const failure = wanted ? writeFiles(plan.files) : undefined;
  const written = wanted && failure === undefined;

  if (v.format === 'json') {
    console.log(
      JSON.stringify(
        {
          errors: plan.errors + (failure ? 1 : 0),
          written,
          ...(failure && { failure }),
          diagnostics,
          files: plan.files.map((f) => ({ file: f.file, exact: f.exact, changes: f.changes })),
          counts: plan.counts,
          notes: plan.notes,
        },
        null,
        2,
      ),
    );
  } else {
    for (const d of diagnostics.slice(0, SHOWN)) console.log(`${formatHuman(d)}\n`);
    if (diagnostics.length > SHOWN) console.log(`… and ${diagnostics.length - SHOWN} more messages\n`);
    console.log(renderPlan(plan, { write: written, ...(failure && { failure }) }));
  }
  return plan.errors > 0 || failure ? 1 : 0;

  /** A sheet of another layout: through a column map, each row's fate, and an all-or-nothing write. */
  function runForeign(workbook: RawWorkbook): number {
    const saved = `${file.replace(/\.(xlsx|csv)$/i, '')}.map.yaml`;
    if (v['write-map']) {
      if (v.map !== undefined) fail(2, '--write-map writes a new map: give it without --map');
      if (existsSync(saved)) fail(2, `${saved} exists already; edit it, or delete it to start again`);
      writeFileSync(saved, starterMap(workbook), { flag: 'wx' });
      console.log(
        `wrote ${saved}: check which column holds each field, then run npm run import -- ${file} --map ${saved}`,
      );
      return 0;
    }
    const mapFile = v.map ?? (existsSync(saved) ? saved : undefined);
    if (mapFile === undefined)
      fail(
        1,
        `${file} is not a crosswalk export (its sheets: ${workbook.sheets.map((s) => `"${s.name}"`).join(', ')}). ` +
          `To import a sheet of your own layout, write a column map with \`npm run import -- ${file} --write-map\`, ` +
          `edit it, then run \`npm run import -- ${file} --map ${saved}\``,
      );
    const { sources, exceptions } = loadContent();
    const options = { today: todayIso(), ...(exceptions && { exceptions }) };
    const baseline = checkSources(sources, options);
    if (baseline.errors > 0)
      fail(1, `the content has ${baseline.errors} error(s); fix what \`npm run check\` lists first`);
    let plan;
    try {
      const map = parseForeignMap(readFileSync(mapFile, 'utf8'), mapFile);
      plan = planForeign(sources, baseline.content, workbook, map, options);
    } catch (e) {
      if (e instanceof MapError) fail(1, e.message);
      throw e;
    }
    if (mapFile !== v.map) console.log(`using the column map ${mapFile}`);
    const wanted = v.write && plan.errors.length === 0 && plan.files.length > 0;
    const failure = wanted ? writeFiles(plan.files) : undefined;
    const written = wanted && failure === undefined;
    if (v.format === 'json')
      console.log(
        JSON.stringify(
          { ...plan, files: plan.files.map((f) => ({ file: f.file, new: f.before === null })), written, failure },
          null,
          2,
        ),
      );
    else console.log(renderForeignPlan(plan, { write: written, ...(failure && { failure }) }));
    return plan.errors.length > 0 || failure ? 1 : 0;
  }

  /** The content to plan against, with the same exceptions as `npm run check --content DIR`. */
  function loadContent() {
    let sources;
    try {
      sources = readContentDir(v.content);
    } catch (e) {
      fail(2, (e as Error).message);
    }
    return { sources, exceptions: readExceptions(v.content) };
  }

  /**
   * Writes every file of a plan together (all or none); a signal waits for that to finish, so a kill
   * (short of SIGKILL) never leaves half an import behind. Returns why it failed, if it did.
   */
  function writeFiles(files: readonly { file: string; after: string; before: string | null }[]): string | undefined {
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const)
      if (guardSignals)
        process.on(signal, () => {
          console.error(`import: ${signal} received; ${outcome}`);
          process.exit(130);
        });
    try {
      writeTogether(files.map((f) => ({ path: f.file, data: f.after, before: f.before })));
      outcome = `the import was written (${files.length} file(s))`;
      return undefined;
    } catch (e) {
      if (!(e instanceof WriteTogetherError)) throw e;
      return e.message;
    }
  }
}

if (import.meta.main) {
  guardSignals = true;
  // One line instead of a stack trace, on any path; the import itself reports its own failures.
  const unexpected = (e: unknown) => {
    console.error(`import: unexpected error: ${e instanceof Error ? e.message : String(e)}; ${outcome}`);
    process.exit(2);
  };
  for (const event of ['uncaughtException', 'unhandledRejection'] as const) process.on(event, unexpected);
  await runMain(main).catch(unexpected);
}
