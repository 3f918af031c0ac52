#!/usr/bin/env node
/**
 * npm run export -- [--out DIR] [--format xlsx,csv,json,schema] [--content DIR] [--force]
 * Writes the whole crosswalk for spreadsheets and reuse (DIR defaults to exports/, git-ignored and apart
 * from the build's dist/, which a build empties): DIR/ipcle-crosswalk.xlsx, DIR/csv/<sheet>.csv,
 * DIR/ipcle-crosswalk.json, DIR/schema/*.schema.json, the mappings as SSSOM (DIR/ipcle-crosswalk.sssom.tsv)
 * and DIR/datapackage.json describing the CSV and SSSOM files, staged beside DIR and renamed into place as one
 * change. Exit 0 ok, 1 invalid content, 2 bad usage, a target that is not a folder, or an output that
 * exists (pass --force to replace it).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { runMain, startCli, type Fail } from '../src/lib/node/cli.ts';
import { checkDir } from '../src/lib/check/index.ts';
import { formatHuman } from '../src/lib/diagnostics.ts';
import { dataVersion } from '../src/lib/node/crosswalk.ts';
import { NotRegularFileError, OutputExistsError } from '../src/lib/node/files.ts';
import { writeFolderAtomic } from '../src/lib/node/write-folder.ts';
import {
  ExportError,
  exportJson,
  exportTables,
  renderCsvFiles,
  renderWorkbook,
} from '../src/lib/spreadsheet/export.ts';
import { DATAPACKAGE_FILE, renderExchangeFiles, SSSOM_FILE } from '../src/lib/spreadsheet/exchange/datapackage.ts';

/** Outside dist/: `astro build` empties dist/, and an export there would clash with the site's own downloads. */
const DEFAULT_OUT = 'exports';
/** The JSON Schema files, found from this script's place, so an export runs from any working folder. */
const SCHEMA_DIR = fileURLToPath(new URL('../src/schemas/json/', import.meta.url));
const FORMATS = ['xlsx', 'csv', 'json', 'schema', 'sssom', 'datapackage'] as const;
type Format = (typeof FORMATS)[number];
const USAGE = `usage: npm run export -- [--out DIR (default ${DEFAULT_OUT}/)] [--format ${FORMATS.join(',')}] [--content DIR] [--force]`;

/** The script, callable in-process: its exit code; a usage or content failure throws a CliExit. */
export async function main(argv: string[]): Promise<number> {
  const cli = startCli('export', USAGE, {
    args: argv,
    options: {
      out: { type: 'string', default: DEFAULT_OUT },
      format: { type: 'string', default: FORMATS.join(',') },
      content: { type: 'string', default: 'content' },
      force: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  const fail: Fail = cli.fail;
  const v = cli.args.values;
  const formats = v.format.split(',').map((f) => f.trim()) as Format[];
  const unknown = formats.filter((f) => !FORMATS.includes(f));
  if (unknown.length) fail(2, `unknown --format ${unknown.join(', ')}: expected some of ${FORMATS.join(', ')}`);
  if (formats.includes('datapackage') && !(formats.includes('csv') && formats.includes('sssom')))
    fail(2, '--format datapackage describes the CSV files and the SSSOM set: add csv and sssom to --format');

  let check;
  try {
    check = checkDir(v.content);
  } catch (e) {
    fail(2, (e as Error).message);
  }
  if (check.errors > 0) {
    for (const d of check.diagnostics.filter((x) => x.severity === 'error').slice(0, 20)) console.error(formatHuman(d));
    fail(
      1,
      `the content has ${check.errors} error(s); an export of invalid content would leave entries out. Run \`npm run check\`.`,
    );
  }
  const version = dataVersion(v.content);
  const outputs = new Map<string, string | Uint8Array>();
  let kept = 0;
  try {
    const tables = exportTables(check.content);
    if (formats.includes('xlsx')) outputs.set('ipcle-crosswalk.xlsx', await renderWorkbook(tables, ExcelJS, version));
    if (formats.includes('csv')) for (const [name, text] of renderCsvFiles(tables)) outputs.set(`csv/${name}`, text);
    if (formats.includes('json')) outputs.set('ipcle-crosswalk.json', exportJson(check.content, version));
    // SITE_URL (as for the build) makes the SSSOM identifiers the published pages' addresses.
    const exchange = renderExchangeFiles(check.content, version, {
      url: process.env.SITE_URL ?? 'http://localhost:4321/',
      csvDir: 'csv/',
      dataDir: 'data/export/',
    });
    if (formats.includes('sssom')) outputs.set(SSSOM_FILE, exchange.get(SSSOM_FILE)!);
    if (formats.includes('datapackage')) outputs.set(DATAPACKAGE_FILE, exchange.get(DATAPACKAGE_FILE)!);
    if (formats.includes('schema'))
      for (const f of readdirSync(SCHEMA_DIR)
        .filter((n) => n.endsWith('.schema.json'))
        .sort())
        outputs.set(`schema/${f}`, readFileSync(join(SCHEMA_DIR, f)));
    // All files or none: an interrupted or refused export leaves the folder as it was.
    kept = writeFolderAtomic(v.out, outputs, { force: v.force }).kept;
  } catch (e) {
    if (e instanceof ExportError) fail(1, e.message);
    if (e instanceof OutputExistsError || e instanceof NotRegularFileError) fail(2, e.message);
    fail(2, `cannot write to ${v.out}: ${(e as Error).message}`);
  }
  const c = check.content;
  const mappings = c.standards.reduce((n, s) => n + s.data.mappings.length, 0);
  console.log(
    `exported data version ${version} to ${v.out}/ (${[...outputs.keys()].length} files${kept ? `, ${kept} other files kept` : ''}): ${mappings} mappings, ${c.standards.length} standards, ` +
      `${c.characteristics.length} characteristics, ${c.accreditors.length} accreditors, ${c.editions.length} editions, ${c.initiatives.length} initiatives`,
  );
  return 0;
}

if (import.meta.main) await runMain(main);
