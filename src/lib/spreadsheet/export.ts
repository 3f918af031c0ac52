/**
 * The whole crosswalk as spreadsheets: one XLSX workbook (a sheet per entity kind, the Mappings sheet
 * one row per mapping) and the same tables as CSV files, plus a JSON file of everything. Pure: returns
 * bytes; the caller passes the exceljs module (the site loads it lazily) and writes the files.
 */
import type { Writable } from 'node:stream';
import type ExcelJSNs from 'exceljs';
import type { Content } from '../content.ts';
import { csvChunks, toCsv } from '../csv.ts';
import { jsonText } from '../json-chunks.ts';
import { type SheetSink, streamOptions } from '../report/xlsx.ts';
import { columnLetter, encodeCell, MAX_CELL_CHARS } from './cells.ts';
import {
  ABOUT_SHEET,
  HASH_HEADER,
  KEY_HEADER,
  LISTS_SHEET,
  REVIEWS_SHEET,
  SHEETS,
  sheetColumns,
  type SheetSpec,
} from './columns.ts';
import { fileRows } from './rows.ts';

type ExcelJS = typeof ExcelJSNs;

export interface Table {
  spec: SheetSpec;
  /** Data rows (no header), one string per column the sheet shows ({@link sheetColumns}). */
  rows: string[][];
}

export class ExportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ExportError';
  }
}

/** Every sheet's rows from the content. Throws ExportError if a value cannot fit a cell. */
export function exportTables(content: Content): Table[] {
  return SHEETS.map((spec) => ({
    spec,
    rows: fileRows(spec, content).map((r) =>
      spec.columns
        .flatMap((c, i) => (c.onSheet === undefined ? [i] : []))
        .map((i) => {
          const c = spec.columns[i]!;
          if (c.role === 'key') return r.key;
          if (c.role === 'hash') return r.hash;
          const text = encodeCell(c.codec, r.values[i]);
          if (text.length > MAX_CELL_CHARS)
            throw new ExportError(
              `${r.file.path}: ${c.header} has ${text.length} characters; a spreadsheet cell holds at most ${MAX_CELL_CHARS}. ` +
                'Shorten it (bodies are short summaries; link to long documents instead).',
            );
          return text;
        }),
    ),
  }));
}

export const headerOf = (spec: SheetSpec) => sheetColumns(spec).map((c) => c.header);

/** One CSV per sheet, keyed by file name (e.g. `mappings.csv`). */
export function renderCsvFiles(tables: readonly Table[]): Map<string, string> {
  return new Map(tables.map((t) => [t.spec.csv, toCsv(headerOf(t.spec), t.rows)]));
}

/** One sheet's CSV in pieces, for a stream (the build writes the export's CSV files this way). */
export function csvFileChunks(table: Table): Generator<string> {
  return csvChunks(headerOf(table.spec), table.rows);
}

/** A fixed timestamp from the data version, so the same data gives the same workbook properties. */
function versionDate(version: string): Date {
  const d = /^\d{4}-\d{2}-\d{2}/.exec(version)?.[0];
  return new Date(`${d ?? '2000-01-01'}T00:00:00Z`);
}

export function aboutRows(version: string): string[][] {
  const rows: string[][] = [
    ['IP-CLE Crosswalk: the whole crosswalk as a spreadsheet'],
    [`Data version: ${version}`],
    ['Edit cells, then run `npm run import -- FILE` to see what would change (nothing is written without --write).'],
    [
      `One row per mapping on Mappings; one row per review of a mapping on ${REVIEWS_SHEET} (its standard and characteristic name the mapping); one row per entity on the other sheets. Do not rename sheets or columns.`,
    ],
    ['Lists: one item per line in the cell. Entries (sources): YAML, as exported. Empty cell = field left out.'],
    ['Rows you add on Mappings become new mappings; rows you delete are kept in the files (import never deletes).'],
    [
      'Columns _key and _hash (hidden) record what each row was exported from; leave them, or clear both on rows you add.',
    ],
    ['Standards text is copyrighted by the bodies; the crosswalk content is CC BY 4.0.'],
    [],
    ['Sheet', 'Column', 'Required', 'Allowed values', 'Meaning'],
  ];
  for (const s of SHEETS)
    for (const c of sheetColumns(s))
      rows.push([
        s.name,
        c.header,
        c.role === 'context' ? 'read only' : c.required ? 'yes' : 'no',
        c.choices?.join(', ') ?? '',
        c.description,
      ]);
  return rows;
}

export async function renderWorkbook(tables: readonly Table[], excel: ExcelJS, version: string): Promise<Uint8Array> {
  const wb = new excel.Workbook();
  fillWorkbook({ wb, done: () => {} }, tables, version);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/**
 * The same workbook as {@link renderWorkbook}, streamed into `stream` with exceljs's streaming writer
 * (Node only; the site build's download, which would otherwise hold every cell in memory).
 */
export async function writeWorkbook(
  tables: readonly Table[],
  excel: ExcelJS,
  version: string,
  stream: Writable,
): Promise<void> {
  const wb = new excel.stream.xlsx.WorkbookWriter(streamOptions(stream));
  fillWorkbook({ wb, done: (ws) => ws.commit() }, tables, version);
  await wb.commit();
}

/** exceljs has `dataValidations` on both worksheet kinds, but types it on neither. */
const validations = (ws: ExcelJSNs.Worksheet) =>
  (ws as unknown as { dataValidations: { add(address: string, v: ExcelJSNs.DataValidation): void } }).dataValidations;

/** Rows below the data that still get dropdowns, for rows a user adds (the import reads each validated cell). */
export const DROPDOWN_SPARE_ROWS = 1000;

/**
 * Dropdowns from the controlled lists: enum fields (strength, bindingness, verification, level…) and
 * characteristic IDs (from the Characteristics sheet). A list cell (professions) may hold several
 * lines, so its dropdown only informs instead of refusing.
 */
function addDropdowns(ws: ExcelJSNs.Worksheet, t: Table, tables: readonly Table[], lists: string[][]): void {
  const last = t.rows.length + 1 + DROPDOWN_SPARE_ROWS;
  const chars = tables.find((x) => x.spec.row === 'characteristic');
  sheetColumns(t.spec).forEach((c, i) => {
    if (c.role !== 'field' && c.role !== 'id') return;
    let formula: string | undefined;
    // Excel's inline lists hold 255 characters; longer lists (professions) go on the hidden Lists sheet.
    if (c.choices && c.choices.join(',').length < 250) formula = `"${c.choices.join(',')}"`;
    else if (c.choices) {
      let at = lists.findIndex((l) => l.join('\n') === c.choices!.join('\n'));
      if (at < 0) at = lists.push([...c.choices]) - 1;
      const letter = columnLetter(at + 1);
      formula = `${LISTS_SHEET}!$${letter}$1:$${letter}$${c.choices.length}`;
    } else if (chars && (t.spec.row === 'mapping' || t.spec.row === 'review') && c.header === 'characteristic')
      formula = `Characteristics!$A$2:$A$${Math.max(2, chars.rows.length + 1)}`;
    if (!formula) return;
    const col = columnLetter(i + 1);
    validations(ws).add(`${col}2:${col}${last}`, {
      type: 'list',
      allowBlank: !c.required,
      formulae: [formula],
      showErrorMessage: true,
      errorStyle: c.codec === 'ids' ? 'information' : 'stop',
      errorTitle: c.header,
      error:
        c.codec === 'ids'
          ? `one per line, each from the list: ${c.choices?.join(', ')}`
          : 'choose a value from the list',
    });
  });
}

/** Rows are committed as they are written and sheets when done; see {@link SheetSink}. */
function fillWorkbook({ wb, done }: SheetSink, tables: readonly Table[], version: string): void {
  wb.creator = 'IP-CLE Crosswalk';
  wb.created = versionDate(version);
  wb.modified = wb.created;
  wb.title = `IP-CLE Crosswalk ${version}`;
  const lists: string[][] = [];
  for (const t of tables) {
    const ws = wb.addWorksheet(t.spec.name, { views: [{ state: 'frozen', ySplit: 1, xSplit: 1 }] });
    const columns = sheetColumns(t.spec);
    const styles = columns.map((c) => ({
      alignment: { vertical: 'top' as const, wrapText: c.codec !== 'text' || c.width > 30 },
      // Text format: a date or code typed into the cell stays as typed ("2025-07-01", "7.10").
      ...(c.codec !== 'number' && { numFmt: '@' }),
      ...(c.role === 'context' && { font: { color: { argb: 'FF595959' } } }),
    }));
    ws.columns = columns.map((c, i) => ({
      header: c.header,
      key: c.header,
      width: c.width,
      hidden: c.header === KEY_HEADER || c.header === HASH_HEADER,
      style: styles[i]!,
    }));
    ws.getRow(1).font = { bold: true };
    // Strings stay strings: a code "7.10" or a label "2020" must not become a number. Each cell
    // shares its column's style object (exceljs would give every cell a copy, and serialise each copy).
    for (const r of t.rows) {
      const row = ws.addRow(r);
      row.eachCell((cell, col) => {
        cell.style = styles[col - 1]!;
      });
      row.commit();
    }
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
    addDropdowns(ws, t, tables, lists);
    done(ws);
  }
  const about = wb.addWorksheet(ABOUT_SHEET);
  about.columns = [{ width: 16 }, { width: 24 }, { width: 10 }, { width: 40 }, { width: 90 }];
  const rows = aboutRows(version);
  for (const r of rows) about.addRow(r);
  about.getRow(1).font = { bold: true, size: 14 };
  about.getRow(rows.findIndex((r) => r[0] === 'Sheet') + 1).font = { bold: true };
  done(about);
  const listSheet = wb.addWorksheet(LISTS_SHEET, { state: 'hidden' });
  const longest = Math.max(0, ...lists.map((l) => l.length));
  for (let r = 0; r < longest; r++) listSheet.addRow(lists.map((l) => l[r] ?? '')).commit();
  done(listSheet);
}

/** Everything, validated and with Markdown bodies, as one JSON document for reuse (as a value). */
export function exportDocument(content: Content, version: string): object {
  const strip = <T extends { id: string; data: unknown; file: { body: string } }>(list: readonly T[]) =>
    list.map((e) => ({ id: e.id, ...(e.data as object), body: e.file.body.trimEnd() }));
  return {
    $comment: 'IP-CLE Crosswalk data; content licensed CC BY 4.0. Schema: schema/*.schema.json',
    version,
    characteristics: strip(content.characteristics),
    accreditors: strip(content.accreditors),
    editions: strip(content.editions),
    standards: content.standards.map((s) => ({
      id: s.id,
      edition: s.edition,
      ...s.data,
      body: s.file.body.trimEnd(),
    })),
    initiatives: strip(content.initiatives),
    redirects: content.stubs.map((s) => ({ kind: s.kind, id: s.id, ...s.data })),
  };
}

/** {@link exportDocument} as the text of `ipcle-crosswalk.json`. */
export function exportJson(content: Content, version: string): string {
  return jsonText(exportDocument(content, version));
}
