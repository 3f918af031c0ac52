/**
 * Importing an edited spreadsheet: read every sheet against the model, match rows to the files they
 * were exported from, and plan the file edits. Nothing here writes: the plan lists every field that
 * would change (the dry run), and the caller writes `after` texts only when asked and only when the
 * plan has no errors. It never drops a row, a column or a body silently, and it never guesses: a row
 * edited in the sheet whose source also changed since the export is a conflict.
 */
import { SCHEMAS, type EntityKind } from '../../schemas/index.ts';
import type { ExceptionsSource } from '../check/exceptions.ts';
import { checkSources } from '../check/index.ts';
import type { Content, SourceFile } from '../content.ts';
import type { Diagnostic } from '../diagnostics.ts';
import { didYouMean } from '../suggest.ts';
import { fieldsOf, schemaAt } from '../zod-issues.ts';
import { brief, CellError, columnLetter, decodeCell, sameValue } from './cells.ts';
import { ABOUT_SHEET, SHEET_NAMES, SHEETS, type Column, type SheetName, type SheetSpec } from './columns.ts';
import type { RawCell, RawSheet, RawWorkbook } from './read.ts';
import { fileRows, hashOf, mappingKey, type FileRow } from './rows.ts';
import { assembleFile, editFrontmatter, type Edit } from './yaml-edit.ts';

/** More rows than any sheet of the designed scale (40,000 mappings) needs; beyond it, refuse. */
export const MAX_ROWS = 100_000;
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

interface Ctx {
  file: string;
  format: RawWorkbook['format'];
  diagnostics: Diagnostic[];
  suggestions: number;
}

function where(ctx: Ctx, sheet: RawSheet, sheetName: string, row: number, col?: number, header?: string) {
  const cell = col ? `${columnLetter(col)}${row}` : `${row}`;
  return {
    file: sheet.file ?? ctx.file,
    line: row,
    column: col ?? 1,
    path: col ? `${sheetName}!${cell}${header ? ` (${header})` : ''}` : `${sheetName} row ${row}`,
  };
}

function err(
  ctx: Ctx,
  rule: string,
  at: ReturnType<typeof where>,
  message: string,
  extra: { found?: string; expected?: string; fix?: string; severity?: 'error' | 'warning' } = {},
) {
  ctx.diagnostics.push({ rule, severity: extra.severity ?? 'error', ...at, message, ...extra });
}

function suggest(ctx: Ctx, word: string, candidates: Iterable<string>): string | undefined {
  if (ctx.suggestions >= SUGGESTION_LIMIT) return undefined;
  ctx.suggestions++;
  return didYouMean(word, candidates);
}

const isDateColumn = (c: Column) => /date|effective/i.test(c.header);

/** A sheet row read into values, one per column of the spec. */
interface SheetRow {
  spec: SheetSpec;
  sheet: RawSheet;
  row: number;
  values: unknown[];
  key?: string;
  hash?: string;
  /** 1-based spreadsheet column of each spec column, 0 when the sheet lacks it. */
  colOf: number[];
}

/** Header row to column positions; undefined (with diagnostics) when the sheet cannot be read. */
function readHeader(ctx: Ctx, sheet: RawSheet, spec: SheetSpec): number[] | undefined {
  const header = sheet.rows[0] ?? [];
  if (header.length === 0) {
    err(ctx, 'import-header', where(ctx, sheet, spec.name, 1), 'the header row is empty', {
      expected: `column names in row 1: ${spec.columns.map((c) => c.header).join(', ')}`,
      fix: 'restore row 1 from a fresh export (`npm run export`)',
    });
    return undefined;
  }
  let ok = true;
  const colOf = spec.columns.map(() => 0);
  const seen = new Map<string, number>();
  const width = Math.max(...sheet.rows.map((r) => r.length));
  for (let c = 0; c < Math.max(header.length, width); c++) {
    const cell = header[c] ?? { kind: 'empty', text: '' };
    const name = cell.text.trim();
    const at = where(ctx, sheet, spec.name, 1, c + 1);
    if (cell.kind === 'empty') {
      if (sheet.rows.some((r, i) => i > 0 && r[c] && r[c]!.kind !== 'empty')) {
        ok = false;
        err(ctx, 'import-header', at, 'a column with data has no name in the header row', {
          found: 'an empty header cell above filled cells',
          expected: 'every column with data to be one of the exported columns',
          fix: 'delete this column (the importer would otherwise have to drop its data), or move its data into an exported column',
        });
      }
      continue;
    }
    const idx = spec.columns.findIndex((col) => col.header === name);
    if (idx < 0) {
      ok = false;
      err(ctx, 'import-header', at, `unknown column \`${name}\``, {
        found: JSON.stringify(name),
        expected: `one of: ${spec.columns.map((x) => x.header).join(', ')}`,
        fix:
          suggest(
            ctx,
            name,
            spec.columns.map((x) => x.header),
          ) ?? 'delete the column: the importer does not drop data, so it refuses columns it cannot store',
      });
      continue;
    }
    if (seen.has(name)) {
      ok = false;
      err(ctx, 'import-header', at, `column \`${name}\` appears twice`, {
        found: `columns ${columnLetter(seen.get(name)!)} and ${columnLetter(c + 1)}`,
        expected: 'each column once',
        fix: 'delete one of the two columns',
      });
      continue;
    }
    seen.set(name, c + 1);
    colOf[idx] = c + 1;
  }
  spec.columns.forEach((col, i) => {
    if (colOf[i] || col.role === 'key' || col.role === 'hash') return;
    ok = false;
    err(ctx, 'import-header', where(ctx, sheet, spec.name, 1), `column \`${col.header}\` is missing`, {
      found: `columns: ${header.map((h) => h.text).join(', ')}`,
      expected: `a column named \`${col.header}\` (${col.description})`,
      fix: 'restore the column from a fresh export; to leave a field empty, leave its cells empty',
    });
  });
  return ok ? colOf : undefined;
}

/** One cell to a value, or a diagnostic. */
function readCell(ctx: Ctx, sheet: RawSheet, spec: SheetSpec, row: number, col: number, c: Column, cell: RawCell) {
  const at = where(ctx, sheet, spec.name, row, col, c.header);
  const asText = 'format the cells as Text (Home › Number › Text), then retype the value';
  switch (cell.kind) {
    case 'empty':
      return { value: undefined };
    case 'formula':
      err(ctx, 'import-cell', at, 'the cell holds a formula', {
        found: cell.text,
        expected: 'a plain value',
        fix: 'copy the cells and paste them back with Paste Special › Values',
      });
      return undefined;
    case 'error':
      err(ctx, 'import-cell', at, 'the cell holds a spreadsheet error', {
        found: cell.text,
        expected: 'a plain value',
        fix: 'retype the value',
      });
      return undefined;
    case 'date':
      err(ctx, 'import-cell', at, 'the spreadsheet turned this value into a date', {
        found: `a date cell (${cell.text})`,
        expected: isDateColumn(c) ? `text in quotes-free form such as "${cell.text}"` : 'text',
        fix: asText,
      });
      return undefined;
    case 'boolean':
      err(ctx, 'import-cell', at, 'the cell holds TRUE/FALSE', {
        found: cell.text,
        expected: 'text',
        fix: asText,
      });
      return undefined;
    case 'number':
      if (c.codec === 'number') return { value: Number(cell.text) };
      err(ctx, 'import-cell', at, isDateColumn(c) ? 'a date stored as a number' : 'a number where text belongs', {
        found: `the number ${cell.text}`,
        expected: isDateColumn(c)
          ? 'a date written as text, e.g. "2025-07-01"'
          : 'text (codes like "7.10" lose digits as numbers)',
        fix: asText,
      });
      return undefined;
    case 'string': {
      if (isDateColumn(c) && /^\d{5}(?:\.\d+)?$/.test(cell.text.trim())) {
        err(ctx, 'import-cell', at, 'a date stored as a spreadsheet serial number', {
          found: cell.text,
          expected: 'a date written as text, e.g. "2025-07-01"',
          fix: asText,
        });
        return undefined;
      }
      // Excel runs a CSV cell starting with "=" as a formula when it opens the file.
      if (c.codec === 'text' && cell.text.trimStart().startsWith('=') && ctx.format === 'csv') {
        err(ctx, 'import-cell', at, 'the cell looks like a formula', {
          found: brief(cell.text),
          expected: 'a plain value',
          fix: 'paste values instead of formulas (Paste Special › Values)',
        });
        return undefined;
      }
      try {
        return { value: decodeCell(c.role === 'body' ? 'text' : c.codec, cell.text) };
      } catch (e) {
        if (!(e instanceof CellError)) throw e;
        err(ctx, 'import-cell', at, e.message, { found: brief(cell.text), expected: e.expected, fix: e.fix });
        return undefined;
      }
    }
    default:
      return cell.kind satisfies never;
  }
}

function readRows(ctx: Ctx, sheet: RawSheet, spec: SheetSpec, colOf: number[]): SheetRow[] {
  const out: SheetRow[] = [];
  let last = sheet.rows.length - 1;
  while (last > 0 && sheet.rows[last]!.every((c) => c.kind === 'empty')) last--;
  const keyIdx = spec.columns.findIndex((c) => c.role === 'key');
  const hashIdx = spec.columns.findIndex((c) => c.role === 'hash');
  for (let i = 1; i <= last; i++) {
    const row = i + 1;
    const cells = sheet.rows[i]!;
    const visible = spec.columns.some(
      (c, j) =>
        c.role !== 'key' &&
        c.role !== 'hash' &&
        colOf[j] &&
        cells[colOf[j]! - 1]?.kind !== undefined &&
        cells[colOf[j]! - 1]!.kind !== 'empty',
    );
    if (!visible) {
      const key = keyIdx >= 0 && colOf[keyIdx] ? cells[colOf[keyIdx]! - 1]?.text : undefined;
      err(
        ctx,
        'import-row',
        where(ctx, sheet, spec.name, row),
        key ? `row ${row} was emptied (it was exported for \`${key}\`)` : `row ${row} is blank`,
        {
          found: 'a row with no values',
          expected: key
            ? 'the row as exported, or the row deleted'
            : 'no blank rows between the header and the last row',
          fix: key
            ? 'undo the change; the importer never deletes: to remove an entry, edit its Markdown file'
            : 'delete the blank row',
        },
      );
      continue;
    }
    const values: unknown[] = [];
    let bad = false;
    spec.columns.forEach((c, j) => {
      const col = colOf[j]!;
      const cell = col ? (cells[col - 1] ?? { kind: 'empty', text: '' }) : ({ kind: 'empty', text: '' } as RawCell);
      const r = col ? readCell(ctx, sheet, spec, row, col, c, cell) : { value: undefined };
      if (!r) bad = true;
      values.push(r?.value);
    });
    for (let c = 0; c < cells.length; c++) {
      if (!colOf.includes(c + 1) && cells[c]!.kind !== 'empty' && c >= (sheet.rows[0]?.length ?? 0)) {
        bad = true;
        err(ctx, 'import-row', where(ctx, sheet, spec.name, row, c + 1), 'a value outside the columns of the header', {
          found: brief(cells[c]!.text),
          expected: `values only under the ${spec.columns.length} named columns`,
          fix: 'move the value into the right column or delete it (it would otherwise be dropped)',
        });
      }
    }
    if (bad) continue;
    const key = keyIdx >= 0 ? (values[keyIdx] as string | undefined) : undefined;
    const hash = hashIdx >= 0 ? (values[hashIdx] as string | undefined) : undefined;
    out.push({
      spec,
      sheet,
      row,
      values,
      ...(key !== undefined && { key }),
      ...(hash !== undefined && { hash }),
      colOf,
    });
  }
  return out;
}

interface Planned {
  source: SourceFile;
  fileRow: { file: FileRow['file'] };
  edits: Edit[];
  body?: string;
  changes: FieldChange[];
  /** Mapping index in the new file -> the sheet row that describes it (for locating check messages). */
  mappingRows: Map<number, SheetRow>;
  entityRow?: SheetRow;
}

function formatField(path: readonly (string | number)[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

/** Plan an import. `sources` are the content files as read from disk (the state to compare against). */
export function planImport(
  sources: readonly SourceFile[],
  workbook: RawWorkbook,
  options: { today?: string; exceptions?: ExceptionsSource } = {},
): ImportPlan {
  const ctx: Ctx = { file: workbook.file, format: workbook.format, diagnostics: [], suggestions: 0 };
  const notes: string[] = [];
  const counts: SheetCounts[] = [];
  const finish = (files: FileChange[] = []): ImportPlan => {
    const errors = ctx.diagnostics.filter((d) => d.severity === 'error').length;
    // With any error nothing is written, so no file is listed as changing.
    return { diagnostics: inSheetOrder(ctx.diagnostics), errors, files: errors ? [] : files, counts, notes };
  };

  const baseline = checkSources(sources, options);
  if (baseline.errors > 0) {
    const first = baseline.diagnostics.find((d) => d.severity === 'error')!;
    ctx.diagnostics.push({
      rule: 'import-content',
      severity: 'error',
      file: first.file,
      line: first.line,
      column: first.column,
      path: first.path,
      message: `the content files have ${baseline.errors} error(s) already; an import is planned only against clean content`,
      found: first.message,
      expected: 'content that passes `npm run check`',
      fix: 'fix the errors that `npm run check` lists, then import again',
    });
    return finish();
  }
  const content = baseline.content;

  // Which sheets the workbook holds.
  const bySpec = new Map<SheetName, RawSheet>();
  for (const sheet of workbook.sheets) {
    const file = sheet.file ?? workbook.file;
    if (sheet.name.toLowerCase() === ABOUT_SHEET.toLowerCase()) continue;
    const spec = SHEETS.find((s) => s.name.toLowerCase() === sheet.name.toLowerCase());
    if (!spec) {
      if (sheet.rows.every((r) => r.length === 0)) {
        notes.push(`sheet "${sheet.name}" is empty and was skipped`);
        continue;
      }
      err(
        ctx,
        'import-sheet',
        { file, line: 1, column: 1, path: sheet.name },
        `sheet \`${sheet.name}\` is not part of the crosswalk export`,
        {
          found: `a sheet named "${sheet.name}"`,
          expected: `only these sheets: ${[...SHEET_NAMES, ABOUT_SHEET].join(', ')}`,
          fix: 'delete the sheet, or move its rows into the matching exported sheet (the importer does not drop data it cannot place)',
        },
      );
      continue;
    }
    if (bySpec.has(spec.name)) {
      err(ctx, 'import-sheet', { file, line: 1, column: 1, path: sheet.name }, `two sheets hold ${spec.name}`, {
        found: `"${bySpec.get(spec.name)!.name}" and "${sheet.name}"`,
        expected: 'each sheet once',
        fix: 'merge the rows into one sheet and delete the other',
      });
      continue;
    }
    if (sheet.rows.length - 1 > MAX_ROWS) {
      err(ctx, 'import-sheet', { file, line: 1, column: 1, path: spec.name }, `sheet ${spec.name} has too many rows`, {
        found: `${(sheet.rows.length - 1).toLocaleString('en')} rows`,
        expected: `at most ${MAX_ROWS.toLocaleString('en')} rows`,
        fix: 'import the edited rows in smaller files',
      });
      continue;
    }
    for (const m of sheet.merges) {
      const [start] = m.split(':');
      const mm = /^([A-Z]+)(\d+)$/.exec(start ?? '');
      const col = mm ? [...mm[1]!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) : 1;
      err(ctx, 'import-cell', where(ctx, sheet, spec.name, mm ? Number(mm[2]) : 1, col), `cells ${m} are merged`, {
        found: `a merged range ${m}`,
        expected: 'one value in each cell',
        fix: 'select the range and choose Merge & Center › Unmerge Cells, then fill in each cell',
      });
    }
    bySpec.set(spec.name, sheet);
  }
  for (const name of SHEET_NAMES)
    if (!bySpec.has(name) && workbook.format === 'xlsx')
      notes.push(`no ${name} sheet in the workbook: those files are left as they are`);

  const planned = new Map<string, Planned>();
  const sourceByPath = new Map(sources.map((s) => [s.path, s]));
  const plannedFor = (row: FileRow['file']): Planned => {
    let p = planned.get(row.path);
    if (!p) {
      p = {
        source: sourceByPath.get(row.path)!,
        fileRow: { file: row },
        edits: [],
        changes: [],
        mappingRows: new Map(),
      };
      planned.set(row.path, p);
    }
    return p;
  };

  // Entity sheets first: the Mappings sheet's context columns may show values the Standards sheet sets.
  const pendingStandards = new Map<string, Map<string, unknown>>();
  for (const spec of [...SHEETS.filter((x) => x.row !== 'mapping'), ...SHEETS.filter((x) => x.row === 'mapping')]) {
    const sheet = bySpec.get(spec.name);
    if (!sheet) continue;
    const colOf = readHeader(ctx, sheet, spec);
    if (!colOf) continue;
    const hashIdx = spec.columns.findIndex((c) => c.role === 'hash');
    if (!colOf[hashIdx] && sheet.rows.length > 1)
      notes.push(
        `${spec.name} has no _hash column: edits are applied, but a conflict with changes made to the files since the export cannot be detected`,
      );
    const rows = readRows(ctx, sheet, spec, colOf);
    const existing = fileRows(spec, content);
    const byKey = new Map(existing.map((r) => [r.key, r]));
    const tally: SheetCounts = { sheet: spec.name, rows: rows.length, unchanged: 0, edited: 0, added: 0, outdated: 0 };
    counts.push(tally);
    if (spec.row === 'standard')
      for (const r of rows)
        pendingStandards.set(String(r.values[0]), new Map(spec.columns.map((c, i) => [c.header, r.values[i]])));
    const matched =
      spec.row === 'mapping'
        ? planMappingRows(ctx, spec, rows, byKey, content, plannedFor, tally, pendingStandards)
        : planEntityRows(ctx, spec, rows, byKey, content, plannedFor, tally);
    const absent = existing.filter((r) => !matched.has(r.key)).length;
    if (absent)
      notes.push(
        `${spec.name}: ${absent} ${spec.row === 'mapping' ? 'mapping' : spec.row}(s) in the files have no row in the sheet and are kept (import never deletes; to remove one, edit its file)`,
      );
  }

  // Even when some rows are wrong, the rows that were read are checked too, so one run reports all.
  // Write the planned edits into new file texts.
  const files: FileChange[] = [];
  const newSources: SourceFile[] = [];
  const changedByPath = new Map<string, Planned>();
  for (const p of planned.values()) {
    if (p.edits.length === 0 && p.body === undefined) continue;
    const f = p.fileRow.file;
    const before = new TextDecoder().decode(p.source.bytes);
    const kind = f.kind!;
    const keyOrder = (parent: readonly (string | number)[]) => fieldsOf(schemaAt(SCHEMAS[kind], parent));
    const { text: fm, exact } = p.edits.length
      ? editFrontmatter(f.frontmatter, p.edits, keyOrder)
      : { text: f.frontmatter, exact: true };
    const body = p.body ?? f.body;
    const after = assembleFile(fm, body);
    if (after === before) continue;
    const layoutKept = before === assembleFile(f.frontmatter, f.body);
    files.push({ file: f.path, before, after, changes: p.changes, exact: exact && layoutKept });
    if (!layoutKept) notes.push(`${f.path} will be written with LF line endings and no byte-order mark`);
    newSources.push({ ...p.source, bytes: new TextEncoder().encode(after) });
    changedByPath.set(f.path, p);
  }
  if (files.length === 0) return finish();

  // Check the content as it would be, and report what the edits would break at the cells that caused it.
  const replaced = new Map(newSources.map((s) => [s.path, s]));
  const after = checkSources(
    sources.map((s) => replaced.get(s.path) ?? s),
    options,
  );
  const before = new Set(baseline.diagnostics.map((d) => `${d.rule}|${d.file}|${d.path}|${d.message}`));
  for (const d of after.diagnostics) {
    if (before.has(`${d.rule}|${d.file}|${d.path}|${d.message}`)) continue;
    ctx.diagnostics.push(locateInSheet(ctx, d, changedByPath.get(d.file), bySpec));
  }
  return finish(files);
}

/** Messages in the order a reader meets them: file, then sheet as exported, then row and column. */
function inSheetOrder(list: readonly Diagnostic[]): Diagnostic[] {
  const sheetRank = (d: Diagnostic) => {
    const name = /^(\w+)(?:!| row )/.exec(d.path)?.[1];
    return name === undefined ? -1 : SHEET_NAMES.indexOf(name as SheetName);
  };
  return [...list].sort(
    (a, b) => a.file.localeCompare(b.file) || sheetRank(a) - sheetRank(b) || a.line - b.line || a.column - b.column,
  );
}

/** Point a check message about a would-be file at the sheet cell it came from, when we know it. */
function locateInSheet(ctx: Ctx, d: Diagnostic, p: Planned | undefined, bySpec: Map<SheetName, RawSheet>): Diagnostic {
  if (!p) return d;
  const m = /^mappings\[(\d+)\](?:\.(\w+))?/.exec(d.path);
  let row: SheetRow | undefined;
  let header: string | undefined;
  if (m) {
    row = p.mappingRows.get(Number(m[1]));
    header = m[2];
  } else {
    row = p.entityRow;
    const first = /^[\w]+(?:\.\w+)?/.exec(d.path)?.[0];
    header = row?.spec.columns.find(
      (c) => first !== undefined && (c.header === first || first.startsWith(`${c.header}[`)),
    )?.header;
    header ??= row?.spec.columns.find((c) => c.path.length && d.path.startsWith(c.path.join('.')))?.header;
  }
  if (!row || !bySpec.get(row.spec.name))
    return { ...d, message: `${d.message} (in the file as the import would write it)` };
  const idx = row.spec.columns.findIndex((c) => c.header === header);
  const col = idx >= 0 ? row.colOf[idx] || undefined : undefined;
  const at = where(ctx, row.sheet, row.spec.name, row.row, col, idx >= 0 ? header : undefined);
  return {
    ...d,
    file: at.file,
    line: at.line,
    column: at.column,
    path: `${at.path} → ${p.fileRow.file.path}${d.path ? ` ${d.path}` : ''}`,
  };
}

type PlannedFor = (file: FileRow['file']) => Planned;

/**
 * Decide what a matched row means: unchanged, an edit to apply, an out-of-date row (not edited, but its
 * source changed since export: keep the files), or a conflict (both changed: report, never guess).
 * Returns the indexes of the columns to apply, or undefined.
 */
function compare(
  ctx: Ctx,
  r: SheetRow,
  fileRow: FileRow,
  tally: SheetCounts,
  pending?: ReadonlyMap<string, unknown>,
): number[] | undefined {
  const diffs = r.spec.columns.flatMap((c, i) =>
    c.role === 'key' ||
    c.role === 'hash' ||
    !r.colOf[i] ||
    sameValue(r.values[i], fileRow.values[i]) ||
    // A context column may already show the value its own sheet is changing it to (Find & Replace).
    (c.role === 'context' && pending?.has(c.header) && sameValue(r.values[i], pending.get(c.header)))
      ? []
      : [i],
  );
  if (diffs.length === 0) {
    tally.unchanged++;
    return undefined;
  }
  if (r.hash !== undefined) {
    if (hashOf(r.spec, r.values) === r.hash) {
      tally.outdated++;
      return undefined;
    }
    if (fileRow.hash !== r.hash) {
      const cols = diffs.map((i) => r.spec.columns[i]!);
      err(
        ctx,
        'import-conflict',
        where(ctx, r.sheet, r.spec.name, r.row, r.colOf[diffs[0]!], cols[0]!.header),
        `conflict: the row was edited in the sheet, and ${fileRow.file.path} changed since the export`,
        {
          found: diffs
            .map((i) => `${r.spec.columns[i]!.header}: sheet ${brief(r.values[i])}, files ${brief(fileRow.values[i])}`)
            .join('; '),
          expected: 'a row edited in the sheet or in the files, not both',
          fix: 'export again to get the files as they are now and redo the edit there; or undo the edit in the sheet to keep the files',
        },
      );
      return undefined;
    }
  }
  const readOnly = diffs.filter((i) => r.spec.columns[i]!.role === 'context' || r.spec.columns[i]!.role === 'id');
  for (const i of readOnly) {
    const c = r.spec.columns[i]!;
    err(
      ctx,
      'import-read-only',
      where(ctx, r.sheet, r.spec.name, r.row, r.colOf[i], c.header),
      `column \`${c.header}\` is for reading only here`,
      {
        found: brief(r.values[i]),
        expected: brief(fileRow.values[i]),
        fix:
          c.role === 'id'
            ? 'IDs cannot be changed by import; undo the edit (to rename, see "Renaming" in CONTRIBUTING.md)'
            : r.spec.row === 'mapping'
              ? 'undo the edit; change the standard on the Standards sheet'
              : 'undo the edit',
      },
    );
  }
  if (readOnly.length) return undefined;
  tally.edited++;
  return diffs;
}

function fieldEdits(
  r: SheetRow,
  fileRow: FileRow,
  cols: number[],
  prefix: (string | number)[],
  p: Planned,
  fieldBase: string,
): void {
  for (const i of cols) {
    const c = r.spec.columns[i]!;
    const from = fileRow.values[i];
    const to = r.values[i];
    const change: FieldChange['change'] = from === undefined ? 'added' : to === undefined ? 'removed' : 'changed';
    const cell = `${columnLetter(r.colOf[i]!)}${r.row}`;
    if (c.role === 'body') {
      p.body = to === undefined ? '' : `${String(to).replace(/\r\n?/g, '\n').trimEnd()}\n`;
      p.changes.push({
        sheet: r.spec.name,
        row: r.row,
        cell,
        header: c.header,
        file: fileRow.file.path,
        field: 'body',
        change,
        from,
        to,
      });
      continue;
    }
    const path = [...prefix, ...c.path];
    p.edits.push({ op: 'set', path, value: to });
    p.changes.push({
      sheet: r.spec.name,
      row: r.row,
      cell,
      header: c.header,
      file: fileRow.file.path,
      field: fieldBase ? `${fieldBase}.${c.path.join('.')}` : formatField(path),
      change,
      from,
      to,
    });
  }
}

function planEntityRows(
  ctx: Ctx,
  spec: SheetSpec,
  rows: SheetRow[],
  byKey: Map<string, FileRow>,
  content: Content,
  plannedFor: PlannedFor,
  tally: SheetCounts,
): Set<string> {
  const idIdx = spec.columns.findIndex((c) => c.role === 'id');
  const seen = new Map<string, number>();
  const kind = spec.row as EntityKind;
  for (const r of rows) {
    const id = r.values[idIdx] as string | undefined;
    const idAt = where(ctx, r.sheet, spec.name, r.row, r.colOf[idIdx], 'id');
    if (id === undefined) {
      err(ctx, 'import-id', idAt, 'the row has no id', {
        found: 'an empty id cell',
        expected: `the ID of an existing ${kind}`,
        fix: r.key ? `restore the id \`${r.key}\`` : `add new ${kind}s with \`npm run new -- ${kind}\`, not by import`,
      });
      continue;
    }
    if (r.key !== undefined && r.key !== id) {
      err(ctx, 'import-id', idAt, 'the id was changed', {
        found: JSON.stringify(id),
        expected: `the id the row was exported with, \`${r.key}\``,
        fix: 'undo the change: IDs are stable forever (to rename, leave a stub with `replacedBy`; see CONTRIBUTING.md)',
      });
      continue;
    }
    if (seen.has(id)) {
      err(ctx, 'import-id', idAt, `\`${id}\` is on two rows`, {
        found: `rows ${seen.get(id)} and ${r.row}`,
        expected: 'one row per entity',
        fix: 'merge the two rows into one and delete the other',
      });
      continue;
    }
    seen.set(id, r.row);
    const fileRow = byKey.get(id);
    if (!fileRow) {
      const stub = content.stubs.find((s) => s.kind === kind && s.id === id);
      const ids = [...byKey.keys()];
      err(
        ctx,
        'import-id',
        idAt,
        stub ? `\`${id}\` was replaced by \`${stub.data.replacedBy}\`` : `unknown ${kind} \`${id}\``,
        {
          found: JSON.stringify(id),
          expected: `the ID of an existing ${kind}`,
          fix: stub
            ? `edit the row of \`${stub.data.replacedBy}\` instead`
            : (suggest(ctx, id, ids) ?? `add new ${kind}s with \`npm run new -- ${kind}\`, not by import`),
        },
      );
      continue;
    }
    const cols = compare(ctx, r, fileRow, tally);
    if (!cols) continue;
    const p = plannedFor(fileRow.file);
    p.entityRow = r;
    fieldEdits(r, fileRow, cols, [], p, '');
  }
  return new Set(seen.keys());
}

function planMappingRows(
  ctx: Ctx,
  spec: SheetSpec,
  rows: SheetRow[],
  byKey: Map<string, FileRow>,
  content: Content,
  plannedFor: PlannedFor,
  tally: SheetCounts,
  pendingStandards: ReadonlyMap<string, ReadonlyMap<string, unknown>>,
): Set<string> {
  const stdIdx = spec.columns.findIndex((c) => c.role === 'id');
  const charIdx = spec.columns.findIndex((c) => c.header === 'characteristic');
  const standards = new Map(content.standards.map((s) => [s.id, s]));
  // Rows sharing a _key were copied: the one still describing the exported mapping keeps it, the
  // copies are new rows.
  const groups = new Map<string, SheetRow[]>();
  for (const r of rows) if (r.key !== undefined) groups.set(r.key, [...(groups.get(r.key) ?? []), r]);
  const asNew = new Set<SheetRow>();
  const skip = new Set<SheetRow>();
  for (const [key, group] of groups) {
    if (group.length === 1) continue;
    const same = group.filter((r) => mappingKey(String(r.values[stdIdx]), r.values[charIdx]) === key);
    if (same.length === 1) {
      for (const r of group) if (r !== same[0]) asNew.add(r);
      continue;
    }
    for (const r of group) {
      skip.add(r);
      err(
        ctx,
        'import-row',
        where(ctx, r.sheet, spec.name, r.row),
        `rows ${group.map((g) => g.row).join(', ')} were all exported as \`${key}\``,
        {
          found: 'copies of one exported row with the same hidden _key',
          expected: 'one row per mapping',
          fix: 'keep one of the rows; on rows meant as new mappings, clear the _key and _hash cells',
        },
      );
    }
  }
  const claimed = new Map<string, number>();
  const newRows: SheetRow[] = [];
  /** The row stands for an existing mapping: claim it and plan the edits of its changed cells. */
  const applyMappingRow = (r: SheetRow, key: string, fileRow: FileRow, standardId: string) => {
    claimed.set(key, r.row);
    const cols = compare(ctx, r, fileRow, tally, pendingStandards.get(standardId));
    if (!cols) return;
    const p = plannedFor(fileRow.file);
    p.mappingRows.set(fileRow.mappingIndex!, r);
    fieldEdits(r, fileRow, cols, ['mappings', fileRow.mappingIndex!], p, `mappings[${fileRow.mappingIndex}]`);
  };
  for (const r of rows) {
    if (skip.has(r)) continue;
    const standardId = r.values[stdIdx] as string | undefined;
    const stdAt = where(ctx, r.sheet, spec.name, r.row, r.colOf[stdIdx], 'standard');
    if (standardId === undefined) {
      err(ctx, 'import-id', stdAt, 'the row names no standard', {
        found: 'an empty standard cell',
        expected: 'the ID of an existing standard, <edition-id>/<file name>',
        fix: 'fill in the standard the mapping belongs to (copy it from a row of the same standard)',
      });
      continue;
    }
    const key = r.key !== undefined && !asNew.has(r) ? r.key : undefined;
    if (key !== undefined) {
      const exportedStandard = key.slice(0, key.lastIndexOf('#'));
      if (exportedStandard !== standardId) {
        err(ctx, 'import-read-only', stdAt, 'the standard of an exported mapping was changed', {
          found: JSON.stringify(standardId),
          expected: `\`${exportedStandard}\`, the standard the row was exported for`,
          fix: 'undo the change; to map another standard, add a new row (with empty _key and _hash cells)',
        });
        continue;
      }
      const fileRow = byKey.get(key);
      if (!fileRow) {
        if (r.hash !== undefined && hashOf(spec, r.values) === r.hash) {
          tally.outdated++;
          err(ctx, 'import-stale', stdAt, `the mapping \`${key}\` is no longer in the files; the row is ignored`, {
            severity: 'warning',
            found: 'a row exported for a mapping since removed or re-mapped in the files',
            fix: 'export again to get the current mappings',
          });
        } else
          err(
            ctx,
            'import-conflict',
            stdAt,
            `conflict: the row was edited, but the mapping \`${key}\` was removed or re-mapped in the files since the export`,
            {
              found: 'an edited row whose mapping no longer exists',
              expected: 'a row edited in the sheet or in the files, not both',
              fix: 'export again and redo the edit on the current rows',
            },
          );
        continue;
      }
      applyMappingRow(r, key, fileRow, standardId);
      continue;
    }
    newRows.push(r);
  }
  for (const r of newRows) {
    const standardId = r.values[stdIdx] as string;
    const s = standards.get(standardId);
    if (!s) {
      err(
        ctx,
        'import-id',
        where(ctx, r.sheet, spec.name, r.row, r.colOf[stdIdx], 'standard'),
        `unknown standard \`${standardId}\``,
        {
          found: JSON.stringify(standardId),
          expected: 'the ID of an existing standard, <edition-id>/<file name without .md>',
          fix:
            suggest(ctx, standardId, standards.keys()) ??
            'add the standard first with `npm run new -- standard`, then map it',
        },
      );
      continue;
    }
    const key = mappingKey(standardId, r.values[charIdx]);
    const fileRow = byKey.get(key);
    if (fileRow) {
      if (claimed.has(key)) {
        err(
          ctx,
          'import-row',
          where(ctx, r.sheet, spec.name, r.row, r.colOf[charIdx], 'characteristic'),
          `this mapping is also on row ${claimed.get(key)}`,
          {
            found: `a second row for \`${key}\``,
            expected: 'one row per mapping',
            fix: 'merge the two rows into one and delete the other',
          },
        );
        continue;
      }
      // A row typed in for a mapping that exists: treat it as that mapping's row.
      applyMappingRow(r, key, fileRow, standardId);
      continue;
    }
    // A new mapping. Context columns, if filled, must agree with the standard.
    let bad = false;
    spec.columns.forEach((c, i) => {
      if (c.role !== 'context' || r.values[i] === undefined) return;
      const actual = c.path[0] === '@edition' ? s.edition : (s.file.data as Record<string, unknown>)[c.path[0]!];
      if (sameValue(r.values[i], actual) || sameValue(r.values[i], pendingStandards.get(standardId)?.get(c.header)))
        return;
      bad = true;
      err(
        ctx,
        'import-read-only',
        where(ctx, r.sheet, spec.name, r.row, r.colOf[i], c.header),
        `column \`${c.header}\` does not match the standard`,
        {
          found: brief(r.values[i]),
          expected: `${brief(actual)} (from ${s.file.path}), or an empty cell`,
          fix: 'clear the cell or copy the value from another row of the same standard',
        },
      );
    });
    if (bad) continue;
    const entry: Record<string, unknown> = {};
    spec.columns.forEach((c, i) => {
      if (c.role === 'field' && r.values[i] !== undefined) entry[c.path[0]!] = r.values[i];
    });
    const p = plannedFor(s.file);
    const existingCount = Array.isArray(s.file.data.mappings) ? s.file.data.mappings.length : 0;
    const index = existingCount + [...p.mappingRows.keys()].filter((k) => k >= existingCount).length;
    p.edits.push({ op: 'append', path: ['mappings'], value: entry });
    p.mappingRows.set(index, r);
    p.changes.push({
      sheet: spec.name,
      row: r.row,
      cell: `A${r.row}`,
      header: 'characteristic',
      file: s.file.path,
      field: `mappings[${index}]`,
      change: 'new-mapping',
      to: entry,
    });
    claimed.set(key, r.row);
    tally.added++;
  }
  return new Set(claimed.keys());
}

/** The dry run as text: per file, each field that would change, then a summary. */
export function renderPlan(plan: ImportPlan, options: { write: boolean }): string {
  const out: string[] = [];
  for (const f of plan.files) {
    out.push(`${f.file}${f.exact ? '' : '  (formatting of other lines may change)'}`);
    for (const c of f.changes) {
      const where = `${c.sheet}!${c.cell}`;
      if (c.change === 'new-mapping') out.push(`  + ${c.field}: new mapping ${brief(c.to)}  [${where}]`);
      else if (c.change === 'added') out.push(`  + ${c.field}: ${brief(c.to)}  [${where}]`);
      else if (c.change === 'removed') out.push(`  - ${c.field}: ${brief(c.from)} (removed)  [${where}]`);
      else out.push(`  ~ ${c.field}: ${brief(c.from)} → ${brief(c.to)}  [${where}]`);
    }
  }
  for (const n of plan.notes) out.push(`note: ${n}`);
  for (const c of plan.counts)
    out.push(
      `${c.sheet}: ${c.rows} rows (${c.unchanged} unchanged, ${c.edited} edited, ${c.added} added${c.outdated ? `, ${c.outdated} out of date: files kept` : ''})`,
    );
  const n = plan.files.length;
  const fields = plan.files.reduce((k, f) => k + f.changes.length, 0);
  if (plan.errors > 0) out.push(`${plan.errors} error(s): nothing written`);
  else if (n === 0) out.push('no changes: the files already match the sheet');
  else if (options.write) out.push(`wrote ${n} file(s) (${fields} change(s))`);
  else out.push(`would change ${n} file(s) (${fields} change(s)); run again with --write to apply`);
  return out.join('\n');
}
