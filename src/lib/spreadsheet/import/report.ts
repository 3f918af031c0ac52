/** Reporting: messages in reading order, check messages pointed back at their cells, and the dry run as text. */
import type { Diagnostic } from '../../diagnostics.ts';
import { brief } from '../cells.ts';
import { SHEET_NAMES, type SheetName } from '../columns.ts';
import type { RawSheet } from '../read.ts';
import { where, type ImportContext, type ImportPlan, type Planned, type SheetRow } from './context.ts';

/** Messages in the order a reader meets them: file, then sheet as exported, then row and column. */
export function inSheetOrder(list: readonly Diagnostic[]): Diagnostic[] {
  const sheetRank = (d: Diagnostic) => {
    const name = /^(\w+)(?:!| row )/.exec(d.path)?.[1];
    return name === undefined ? -1 : SHEET_NAMES.indexOf(name as SheetName);
  };
  return [...list].sort(
    (a, b) => a.file.localeCompare(b.file) || sheetRank(a) - sheetRank(b) || a.line - b.line || a.column - b.column,
  );
}

/** Point a check message about a would-be file at the sheet cell it came from, when we know it. */
export function locateInSheet(
  ctx: ImportContext,
  d: Diagnostic,
  p: Planned | undefined,
  bySpec: Map<SheetName, RawSheet>,
): Diagnostic {
  if (!p) return d;
  const m = /^mappings\[(\d+)\](?:\.(\w+))?/.exec(d.path);
  let row: SheetRow | undefined;
  let header: string | undefined;
  if (m) {
    row = p.mappingRows.get(Number(m[1]));
    header = m[2];
    // A message about one review points at its row on the Reviews sheet.
    const review = /^mappings\[\d+\]\.reviews\[(\d+)\](?:\.(\w+))?/.exec(d.path);
    const idx = row?.spec.columns.findIndex((c) => c.header === 'reviews') ?? -1;
    const detached = review ? row?.detached?.get(idx)?.[Number(review[1])] : undefined;
    if (detached) {
      row = detached;
      header = review![2];
    }
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

/** The dry run as text: per file, each field that would change, then a summary (or why writing failed). */
export function renderPlan(plan: ImportPlan, options: { write: boolean; failure?: string }): string {
  const out: string[] = [];
  for (const f of plan.files) {
    out.push(`${f.file}${f.exact ? '' : '  (formatting of other lines may change)'}`);
    for (const c of f.changes) {
      const cellRef = `${c.sheet}!${c.cell}`;
      if (c.change === 'new-mapping') out.push(`  + ${c.field}: new mapping ${brief(c.to)}  [${cellRef}]`);
      else if (c.change === 'added') out.push(`  + ${c.field}: ${brief(c.to)}  [${cellRef}]`);
      else if (c.change === 'removed')
        out.push(`  - ${c.field}: ${brief(c.from)} (removed${c.reason ? `: ${c.reason}` : ''})  [${cellRef}]`);
      else
        out.push(`  ~ ${c.field}: ${brief(c.from)} → ${brief(c.to)}${c.reason ? ` (${c.reason})` : ''}  [${cellRef}]`);
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
  else if (options.failure) out.push(`could not write ${n} file(s) (${fields} change(s)): ${options.failure}`);
  else if (options.write) out.push(`wrote ${n} file(s) (${fields} change(s))`);
  else out.push(`would change ${n} file(s) (${fields} change(s)); run again with --write to apply`);
  return out.join('\n');
}
