/** What every step of an import shares: the plan's public shape, the run's context, and located messages. */
import type { SourceFile } from '../../content.ts';
import type { Diagnostic } from '../../diagnostics.ts';
import { didYouMean } from '../../suggest.ts';
import { columnLetter } from '../cells.ts';
import type { SheetName, SheetSpec } from '../columns.ts';
import { IMPORT_LIMITS } from '../limits.ts';
import type { RawSheet, RawWorkbook } from '../read.ts';
import type { FileRow } from '../rows.ts';
import type { Edit } from '../../frontmatter-edit.ts';

/** "Did you mean" costs an edit-distance scan; offer it for the first few unknown IDs only. */
const SUGGESTION_LIMIT = 50;

export interface FieldChange {
  sheet: SheetName;
  /** Spreadsheet row number and cell address, e.g. 5 and "H5". */
  row: number;
  cell: string;
  header: string;
  file: string;
  /** Dotted field path in the file, e.g. `mappings[1].rationale`, or `body`. */
  field: string;
  change: 'changed' | 'added' | 'removed' | 'new-mapping';
  from?: unknown;
  to?: unknown;
  /** Why the import makes a change the sheet did not ask for in so many words (dropped reviews). */
  reason?: string;
}

export interface FileChange {
  file: string;
  before: string;
  after: string;
  changes: FieldChange[];
  /** False when the file's formatting could not be reproduced exactly: untouched lines may be re-indented. */
  exact: boolean;
}

export interface SheetCounts {
  sheet: SheetName;
  rows: number;
  unchanged: number;
  edited: number;
  added: number;
  /** Rows not edited whose source changed since the export: the files' version is kept. */
  outdated: number;
}

export interface ImportPlan {
  diagnostics: Diagnostic[];
  errors: number;
  files: FileChange[];
  counts: SheetCounts[];
  notes: string[];
}

/** One import run: the file named in messages, the messages so far, and the suggestions spent. */
export interface ImportContext {
  file: string;
  format: RawWorkbook['format'];
  diagnostics: Diagnostic[];
  suggestions: number;
}

/** A sheet cell (or row) as a message location: file, line = row, column, and `Sheet!A1 (header)`. */
export function where(
  ctx: ImportContext,
  sheet: RawSheet,
  sheetName: string,
  row: number,
  col?: number,
  header?: string,
) {
  const cell = col ? `${columnLetter(col)}${row}` : `${row}`;
  return {
    file: sheet.file ?? ctx.file,
    line: row,
    column: col ?? 1,
    path: col ? `${sheetName}!${cell}${header ? ` (${header})` : ''}` : `${sheetName} row ${row}`,
  };
}

/** Record a located message (an error unless told otherwise). */
export function err(
  ctx: ImportContext,
  rule: string,
  at: ReturnType<typeof where>,
  message: string,
  extra: { found?: string; expected?: string; fix?: string; severity?: 'error' | 'warning' } = {},
) {
  ctx.diagnostics.push({ rule, severity: extra.severity ?? 'error', ...at, message, ...extra });
}

/** "Did you mean", while the run's budget of suggestions lasts. */
export function suggest(ctx: ImportContext, word: string, candidates: Iterable<string>): string | undefined {
  if (ctx.suggestions >= SUGGESTION_LIMIT || word.length > IMPORT_LIMITS.suggestChars) return undefined;
  ctx.suggestions++;
  // Only candidates within reach of the edit-distance threshold (or containing the word) can win.
  const reach = Math.max(2, Math.floor(word.length / 3));
  const lower = word.toLowerCase();
  const near: string[] = [];
  for (const c of candidates) {
    const cl = c.toLowerCase();
    if (Math.abs(c.length - word.length) <= reach || cl.includes(lower) || lower.includes(cl)) near.push(c);
    if (near.length >= IMPORT_LIMITS.suggestCandidates) break;
  }
  return didYouMean(word, near);
}

/** A sheet row read into values, one per column of the spec. */
export interface SheetRow {
  spec: SheetSpec;
  sheet: RawSheet;
  row: number;
  values: unknown[];
  key?: string;
  hash?: string;
  /** 1-based spreadsheet column of each spec column, 0 when the sheet lacks it. */
  colOf: number[];
  /** For a column written on another sheet (a mapping's reviews): the rows there its entries came from. */
  detached?: Map<number, SheetRow[]>;
}

/** Whether the workbook holds column `i` of the row: in a cell of its own, or as rows on another sheet. */
export const hasColumn = (r: SheetRow, i: number): boolean => r.colOf[i]! > 0 || (r.detached?.has(i) ?? false);

/** Where column `i` of a row is shown, for the dry run: its cell, or the first of its rows on another sheet. */
export function cellOf(r: SheetRow, i: number): { sheet: SheetName; row: number; cell: string } {
  const first = r.detached?.get(i)?.[0];
  if (first) return { sheet: first.spec.name, row: first.row, cell: `A${first.row}` };
  return { sheet: r.spec.name, row: r.row, cell: `${r.colOf[i] ? columnLetter(r.colOf[i]!) : 'A'}${r.row}` };
}

/** The edits planned for one file, with the sheet rows they came from. */
export interface Planned {
  source: SourceFile;
  fileRow: { file: FileRow['file'] };
  edits: Edit[];
  body?: string;
  changes: FieldChange[];
  /** Mapping index in the new file -> the sheet row that describes it (for locating check messages). */
  mappingRows: Map<number, SheetRow>;
  /** New mappings appended so far (their indexes follow the existing ones). */
  appended: number;
  entityRow?: SheetRow;
}

export type PlannedFor = (file: FileRow['file']) => Planned;
