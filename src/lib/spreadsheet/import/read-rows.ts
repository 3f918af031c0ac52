/**
 * Reading: which sheet is which, the header row to column positions, and each cell to a value or a
 * located message. A cell is never converted quietly: a formula, a date or a number where text belongs
 * is an error at its cell.
 */
import { restoreFormulaCell } from '../../csv.ts';
import { brief, CellError, columnLetter, decodeCell } from '../cells.ts';
import {
  ABOUT_SHEET,
  LISTS_SHEET,
  REVIEWS_SHEET,
  SHEET_NAMES,
  sheetColumns,
  SHEETS,
  type Column,
  type SheetName,
  type SheetSpec,
} from '../columns.ts';
import { IMPORT_LIMITS } from '../limits.ts';
import type { RawCell, RawSheet, RawWorkbook } from '../read.ts';
import { err, suggest, where, type ImportContext, type SheetRow } from './context.ts';

/** More rows than any sheet of the designed scale (40,000 mappings) needs; beyond it, refuse. */
export const MAX_ROWS = IMPORT_LIMITS.rows;

/** Which exported sheet each workbook sheet is; a sheet the importer cannot place is an error. */
export function selectSheets(ctx: ImportContext, workbook: RawWorkbook, notes: string[]): Map<SheetName, RawSheet> {
  const bySpec = new Map<SheetName, RawSheet>();
  for (const sheet of workbook.sheets) {
    const file = sheet.file ?? workbook.file;
    if ([ABOUT_SHEET, LISTS_SHEET].some((n) => n.toLowerCase() === sheet.name.toLowerCase())) continue;
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
      notes.push(
        name === REVIEWS_SHEET
          ? `no ${name} sheet in the workbook: the mappings' review records are left as they are`
          : `no ${name} sheet in the workbook: those files are left as they are`,
      );

  return bySpec;
}

const isDateColumn = (c: Column) => /date|effective/i.test(c.header);

/** Header row to column positions; undefined (with diagnostics) when the sheet cannot be read. */
export function readHeader(ctx: ImportContext, sheet: RawSheet, spec: SheetSpec): number[] | undefined {
  const header = sheet.rows[0] ?? [];
  if (header.length === 0) {
    err(ctx, 'import-header', where(ctx, sheet, spec.name, 1), 'the header row is empty', {
      expected: `column names in row 1: ${sheetColumns(spec)
        .map((c) => c.header)
        .join(', ')}`,
      fix: 'restore row 1 from a fresh export (`npm run export`)',
    });
    return undefined;
  }
  let ok = true;
  const colOf = spec.columns.map(() => 0);
  const seen = new Map<string, number>();
  // Which columns hold data below the header, in one pass over the cells (a sheet may be very wide).
  const filled = new Set<number>();
  let width = header.length;
  for (let i = 1; i < sheet.rows.length; i++)
    sheet.rows[i]!.forEach((cell, c) => {
      if (cell.kind === 'empty') return;
      filled.add(c);
      if (c >= width) width = c + 1;
    });
  for (let c = 0; c < width; c++) {
    const cell = header[c] ?? { kind: 'empty', text: '' };
    const name = cell.text.trim();
    const at = where(ctx, sheet, spec.name, 1, c + 1);
    if (cell.kind === 'empty') {
      if (filled.has(c)) {
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
    const elsewhere = spec.columns[idx]?.onSheet;
    if (elsewhere !== undefined) {
      ok = false;
      err(ctx, 'import-header', at, `column \`${name}\` belongs on the ${elsewhere} sheet`, {
        found: `a \`${name}\` column on ${spec.name} (the layout of an older export)`,
        expected: `no \`${name}\` column here: one row per entry on the ${elsewhere} sheet, naming the ${spec.row} by standard and characteristic`,
        fix: `export again (\`npm run export\`) and redo the edits there; or move each entry of the cells to its own row on a ${elsewhere} sheet, then delete this column`,
      });
      continue;
    }
    if (idx < 0) {
      ok = false;
      err(ctx, 'import-header', at, `unknown column \`${name}\``, {
        found: brief(name),
        expected: `one of: ${sheetColumns(spec)
          .map((x) => x.header)
          .join(', ')}`,
        fix:
          suggest(
            ctx,
            name,
            sheetColumns(spec).map((x) => x.header),
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
    if (colOf[i] || col.role === 'key' || col.role === 'hash' || col.onSheet !== undefined) return;
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
function readCell(
  ctx: ImportContext,
  sheet: RawSheet,
  spec: SheetSpec,
  row: number,
  col: number,
  c: Column,
  cell: RawCell,
) {
  const at = where(ctx, sheet, spec.name, row, col, c.header);
  const asText = 'format the cells as Text (Home › Number › Text), then retype the value';
  if (cell.text.length > IMPORT_LIMITS.cellChars) {
    err(ctx, 'import-cell', at, `the cell holds ${cell.text.length.toLocaleString('en')} characters`, {
      found: brief(cell.text),
      expected: `at most ${IMPORT_LIMITS.cellChars.toLocaleString('en')} characters, the most a spreadsheet cell holds`,
      fix: 'shorten the text (bodies are short summaries; link to long documents instead)',
    });
    return undefined;
  }
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
      // A spreadsheet runs a CSV cell starting with "=", "+" or "@" as a formula when it opens the file;
      // our CSV writer puts a quote before such values, and that quote is removed here.
      if (ctx.format === 'csv' && /^\s*[=+@]/.test(cell.text)) {
        err(ctx, 'import-cell', at, 'the cell looks like a formula', {
          found: brief(cell.text),
          expected: 'a plain value',
          fix: `paste values instead of formulas (Paste Special › Values); if the text really starts with "${cell.text.trimStart()[0]}", put a single quote (') before it, as the export does`,
        });
        return undefined;
      }
      const text = ctx.format === 'csv' ? restoreFormulaCell(cell.text) : cell.text;
      try {
        return { value: decodeCell(c.role === 'body' ? 'text' : c.codec, text) };
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

export function readRows(ctx: ImportContext, sheet: RawSheet, spec: SheetSpec, colOf: number[]): SheetRow[] {
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
          expected: `values only under the ${sheetColumns(spec).length} named columns`,
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
