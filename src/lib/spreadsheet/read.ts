/**
 * Reading an edited spreadsheet into plain cells, keeping what a cell really holds (a formula, a date,
 * a number) so the importer can say exactly which cell is wrong rather than quietly convert it.
 */
import type ExcelJSNs from 'exceljs';
import { sheetForCsvName, sheetForHeader } from './columns.ts';
import { IMPORT_LIMITS } from './limits.ts';
import { checkXlsxZip, ZipError, type InflateRaw } from './zip.ts';

type ExcelJS = typeof ExcelJSNs;

export type CellKind = 'empty' | 'string' | 'number' | 'date' | 'boolean' | 'formula' | 'error';

export interface RawCell {
  kind: CellKind;
  /** The text the importer reads (for a string, the string; otherwise a display form for messages). */
  text: string;
}

export interface RawSheet {
  name: string;
  /** rows[0] is the header row; rows[i] is spreadsheet row i + 1. Cells are indexed from 0 (column A). */
  rows: RawCell[][];
  /** Merged ranges such as "A5:B5". */
  merges: string[];
  /** The file the sheet came from, when not the workbook's (CSV files imported together). */
  file?: string;
}

export interface RawWorkbook {
  /** The file as named in messages. */
  file: string;
  format: 'xlsx' | 'csv';
  sheets: RawSheet[];
}

export class ReadError extends Error {
  readonly line: number;
  constructor(message: string, line = 1) {
    super(message);
    this.name = 'ReadError';
    this.line = line;
  }
}

const EMPTY: RawCell = { kind: 'empty', text: '' };

function toRawCell(value: unknown): RawCell {
  if (value === null || value === undefined) return EMPTY;
  if (typeof value === 'string') return value === '' ? EMPTY : { kind: 'string', text: value };
  if (typeof value === 'number') return { kind: 'number', text: String(value) };
  if (typeof value === 'boolean') return { kind: 'boolean', text: value ? 'TRUE' : 'FALSE' };
  if (value instanceof Date)
    return { kind: 'date', text: Number.isNaN(value.getTime()) ? 'an invalid date' : value.toISOString().slice(0, 10) };
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if ('formula' in v || 'sharedFormula' in v)
      return { kind: 'formula', text: `=${String(v.formula ?? v.sharedFormula ?? '')}` };
    if ('error' in v) return { kind: 'error', text: String(v.error) };
    if (Array.isArray(v.richText)) {
      const text = (v.richText as { text: string }[]).map((r) => r.text).join('');
      return text === '' ? EMPTY : { kind: 'string', text };
    }
    if ('hyperlink' in v || 'text' in v) {
      const t = v.text;
      const text =
        typeof t === 'string'
          ? t
          : t && typeof t === 'object' && Array.isArray((t as { richText?: unknown }).richText)
            ? ((t as { richText: { text: string }[] }).richText.map((r) => r.text).join('') ?? '')
            : String(v.hyperlink ?? '');
      return text === '' ? EMPTY : { kind: 'string', text };
    }
  }
  return { kind: 'string', text: String(value) };
}

/** More rows than a sheet may have: said at the first row past the limit. */
const tooManyRows = (line: number) =>
  new ReadError(
    `line ${line.toLocaleString('en')}: more than ${IMPORT_LIMITS.rows.toLocaleString('en')} rows below the header; import the edited rows in smaller files`,
    line,
  );

/**
 * Read an XLSX workbook. Throws ReadError when the bytes are not a workbook or exceed the import limits
 * (checked before inflating; pass `inflateRaw` to also catch parts that lie about their size).
 */
export async function readXlsx(
  bytes: Uint8Array,
  excel: ExcelJS,
  file: string,
  options: { inflateRaw?: InflateRaw } = {},
): Promise<RawWorkbook> {
  try {
    checkXlsxZip(bytes, options.inflateRaw);
  } catch (e) {
    if (!(e instanceof ZipError)) throw e;
    throw new ReadError(
      `${file} is not a readable XLSX workbook: ${e.message}; save it from Excel as "Excel Workbook (.xlsx)"`,
    );
  }
  const wb = new excel.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (e) {
    throw new ReadError(
      `${file} is not a readable XLSX workbook (${(e as Error).message}); save it from Excel as "Excel Workbook (.xlsx)"`,
    );
  }
  const sheets: RawSheet[] = [];
  wb.eachSheet((ws) => {
    const rows: RawCell[][] = [];
    const count = ws.rowCount;
    if (count > IMPORT_LIMITS.rows + 1)
      throw new ReadError(
        `${file}, sheet ${ws.name}: ${tooManyRows(IMPORT_LIMITS.rows + 2).message}`,
        IMPORT_LIMITS.rows + 2,
      );
    for (let r = 1; r <= count; r++) {
      const row = ws.findRow(r);
      const cells: RawCell[] = [];
      if (row) {
        const values = row.values as unknown[];
        // row.values is 1-based: index 0 is unused.
        for (let c = 1; c < values.length; c++) cells.push(toRawCell(values[c]));
      }
      while (cells.length && cells[cells.length - 1]!.kind === 'empty') cells.pop();
      rows.push(cells);
    }
    const merges = ((ws.model as { merges?: string[] }).merges ?? []).slice().sort();
    sheets.push({ name: ws.name, rows, merges });
  });
  if (sheets.length === 0) throw new ReadError(`${file} holds no sheets; export again with \`npm run export\``);
  return { file, format: 'xlsx', sheets };
}

/**
 * Parse CSV per RFC 4180, as Excel writes it: optional UTF-8 BOM, quoted fields that may hold commas,
 * quotes ("") and line breaks, CRLF or LF between records. Also accepts semicolon-separated files (the
 * Excel default in many European locales) when the header row has no comma.
 */
export function parseCsv(text: string, sheetName: string): RawSheet {
  let s = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (s.includes('\r')) s = s.replace(/\r\n?/g, '\n');
  const n = s.length;
  const firstLine = s.slice(0, s.indexOf('\n') === -1 ? n : s.indexOf('\n'));
  const sep = !firstLine.includes(',') && firstLine.includes(';') ? ';' : ',';
  const rows: RawCell[][] = [];
  let row: RawCell[] = [];
  let line = 1;
  // Positions of the next separator and line break, found once and reused (no per-character work).
  let nextSep = -1;
  let nextNl = -1;
  const endRecord = () => {
    while (row.length && row[row.length - 1]!.kind === 'empty') row.pop();
    if (rows.length > IMPORT_LIMITS.rows) throw tooManyRows(line);
    rows.push(row);
    row = [];
  };
  let i = 0;
  for (;;) {
    if (s.charCodeAt(i) === 34 /* " */) {
      const quoteLine = line;
      let value = '';
      let j = i + 1;
      for (;;) {
        const q = s.indexOf('"', j);
        if (q < 0)
          throw new ReadError(
            `a quoted field opened on line ${quoteLine} is never closed; expected a closing quote (")`,
            quoteLine,
          );
        value += s.slice(j, q);
        if (s.charCodeAt(q + 1) === 34) {
          value += '"';
          j = q + 2;
        } else {
          j = q + 1;
          break;
        }
      }
      for (let k = value.indexOf('\n'); k !== -1; k = value.indexOf('\n', k + 1)) line++;
      i = j;
      if (i < n && s[i] !== sep && s[i] !== '\n')
        throw new ReadError(
          `line ${line}: text after a closing quote; expected a separator or the end of the line`,
          line,
        );
      row.push(value === '' ? EMPTY : { kind: 'string', text: value });
    } else {
      if (nextSep < i) nextSep = s.indexOf(sep, i);
      if (nextNl < i) nextNl = s.indexOf('\n', i);
      const end = Math.min(nextSep < 0 ? n : nextSep, nextNl < 0 ? n : nextNl);
      const value = s.slice(i, end);
      if (value.includes('"'))
        throw new ReadError(
          `line ${line}: a quote (") in the middle of an unquoted field; expected quotes only around a whole field`,
          line,
        );
      row.push(value === '' ? EMPTY : { kind: 'string', text: value });
      i = end;
    }
    if (i >= n) {
      endRecord();
      break;
    }
    if (s[i] === sep) {
      i++;
      continue;
    }
    // A line break ends the record.
    endRecord();
    line++;
    i++;
    if (i >= n) break;
  }
  return { name: sheetName, rows, merges: [] };
}

/** CSV bytes as text; a file saved in a legacy encoding is refused rather than read with broken accents. */
export function decodeCsvBytes(bytes: Uint8Array, path: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ReadError(
      `${path} is not UTF-8 text (Excel's plain "CSV" format saves in a legacy encoding); save it as "CSV UTF-8 (Comma delimited)"`,
    );
  }
}

/**
 * CSV files as one workbook: each file is the sheet its name says (`mappings.csv`), or failing that the
 * sheet whose columns its header row holds. A file that is neither keeps its own name, and the import
 * reports it as a sheet that is not part of the export.
 */
export function csvWorkbook(file: string, files: readonly { path: string; text: string }[]): RawWorkbook {
  const sheets = files.map((f) => {
    const base = f.path.replace(/^.*[\\/]/, '');
    let raw: RawSheet;
    try {
      raw = parseCsv(f.text, base);
    } catch (e) {
      if (e instanceof ReadError) throw new ReadError(`${f.path}: ${e.message}`, e.line);
      throw e;
    }
    const spec = sheetForCsvName(base) ?? sheetForHeader((raw.rows[0] ?? []).map((c) => c.text.trim()));
    return { ...raw, name: spec?.name ?? base, file: f.path };
  });
  return { file, format: 'csv', sheets };
}
