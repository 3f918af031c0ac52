/**
 * CSV as spreadsheets open it: RFC 4180 (CRLF, quoted fields) with a UTF-8 BOM so Excel reads accents,
 * and every cell that a spreadsheet would run as a formula neutralised the way OWASP recommends
 * (https://owasp.org/www-community/attacks/CSV_Injection): a leading single quote, and the field quoted.
 * Every CSV we write goes through {@link toCsv}; every CSV cell we import through {@link restoreFormulaCell}.
 */
import { gather } from './text-pieces.ts';

/**
 * Cells a spreadsheet runs as a formula: `=`, `+`, `-`, `@`, tab or carriage return first (after any
 * blanks). Leading quotes are included so that a value that already starts with a quote is quoted once
 * more, which keeps {@link restoreFormulaCell} its exact inverse.
 */
const FORMULA_START = /^'*\s*[=+\-@\t\r]/;
const NEUTRALISED = /^'+\s*[=+\-@\t\r]/;

/** Writers: the text a CSV cell holds so that no spreadsheet runs it; the value itself otherwise. */
export function neutraliseFormulaCell(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** Readers: the value a CSV cell written by {@link neutraliseFormulaCell} stood for (one quote removed). */
export function restoreFormulaCell(text: string): string {
  return NEUTRALISED.test(text) ? text.slice(1) : text;
}

/** One CSV field. A number is written as is: it cannot hold a formula. */
export function csvField(v: string | number): string {
  const raw = String(v);
  const s = typeof v === 'number' ? raw : neutraliseFormulaCell(raw);
  return s !== raw || /[",\r\n]/.test(s) || /^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(header: readonly string[], rows: Iterable<readonly (string | number)[]>): string {
  return [...csvChunks(header, rows)].join('');
}

/**
 * The same text as {@link toCsv} in pieces of about `size` characters, for writing a large CSV to a
 * stream without holding it whole (a file of 40 MB is about 80 MB as one string, and its lines as
 * many again until they are joined).
 */
export function csvChunks(
  header: readonly string[],
  rows: Iterable<readonly (string | number)[]>,
  size?: number,
): Generator<string> {
  return gather(csvLines(header, rows), size);
}

/** The byte-order mark and the header line, then one line per row, each ending in CRLF. */
function* csvLines(header: readonly string[], rows: Iterable<readonly (string | number)[]>): Generator<string> {
  yield `\uFEFF${header.map(csvField).join(',')}\r\n`;
  for (const row of rows) yield `${row.map(csvField).join(',')}\r\n`;
}
