/** Comparing: what a matched row means against the file it came from, and the field edits it asks for. */
import { brief, sameValue } from '../cells.ts';
import { hashOf, type FileRow } from '../rows.ts';
import {
  cellOf,
  err,
  hasColumn,
  where,
  type ImportContext,
  type FieldChange,
  type Planned,
  type SheetCounts,
  type SheetRow,
} from './context.ts';

function formatField(path: readonly (string | number)[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

/**
 * Decide what a matched row means: unchanged, an edit to apply, an out-of-date row (not edited, but its
 * source changed since export: keep the files), or a conflict (both changed: report, never guess).
 * Returns the indexes of the columns to apply, or undefined.
 */
export function compare(
  ctx: ImportContext,
  r: SheetRow,
  fileRow: FileRow,
  tally: SheetCounts,
  pending?: ReadonlyMap<string, unknown>,
): number[] | undefined {
  const diffs = r.spec.columns.flatMap((c, i) =>
    c.role === 'key' ||
    c.role === 'hash' ||
    !hasColumn(r, i) ||
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
    if (fileRow.hash !== r.hash && reviewsAlreadyDropped(r, fileRow, diffs)) {
      tally.unchanged++;
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

/**
 * A row imported before, whose claim change made the import drop the old claim's reviews: the sheet
 * still lists them, the files do not. That is the import's own edit, not a conflict (re-import = no change).
 */
function reviewsAlreadyDropped(r: SheetRow, fileRow: FileRow, diffs: readonly number[]): boolean {
  if (r.spec.row !== 'mapping' || diffs.length !== 1) return false;
  const c = r.spec.columns[diffs[0]!]!;
  if (c.role !== 'field' || c.path.join('.') !== 'reviews') return false;
  const inSheet = Array.isArray(r.values[diffs[0]!]) ? (r.values[diffs[0]!] as unknown[]) : [];
  const inFile = Array.isArray(fileRow.values[diffs[0]!]) ? (fileRow.values[diffs[0]!] as unknown[]) : [];
  return inFile.length < inSheet.length && inFile.every((f) => inSheet.some((x) => sameValue(x, f)));
}

export function fieldEdits(
  r: SheetRow,
  fileRow: FileRow,
  cols: number[],
  prefix: (string | number)[],
  p: Planned,
  fieldBase: string,
  reasons: ReadonlyMap<number, string> = new Map(),
): void {
  for (const i of cols) {
    const c = r.spec.columns[i]!;
    const from = fileRow.values[i];
    const to = r.values[i];
    const change: FieldChange['change'] = from === undefined ? 'added' : to === undefined ? 'removed' : 'changed';
    const at = cellOf(r, i);
    const cell = at.cell;
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
      sheet: at.sheet,
      row: at.row,
      cell,
      header: c.header,
      file: fileRow.file.path,
      field: fieldBase ? `${fieldBase}.${c.path.join('.')}` : formatField(path),
      change,
      from,
      to,
      ...(reasons.has(i) && { reason: reasons.get(i)! }),
    });
  }
}
