/**
 * Importing an edited spreadsheet: read every sheet against the model, match rows to the files they
 * were exported from, and plan the file edits. Nothing here writes: the plan lists every field that
 * would change (the dry run), and the caller writes `after` texts only when asked and only when the
 * plan has no errors. It never drops a row, a column or a body silently, and it never guesses: a row
 * edited in the sheet whose source also changed since the export is a conflict.
 *
 * The steps live in `import/`: reading (`read-rows.ts`), planning (`plan-rows.ts`), comparing
 * (`compare.ts`) and reporting (`report.ts`); this file runs them in order.
 */
import { SCHEMAS } from '../../schemas/index.ts';
import type { ExceptionsSource } from '../check/exceptions.ts';
import { checkSources, type CheckResult } from '../check/index.ts';
import type { Content, SourceFile } from '../content.ts';
import { fieldsOf, schemaAt } from '../zod-issues.ts';
import { SHEETS, type SheetName, type SheetSpec } from './columns.ts';
import type { RawSheet, RawWorkbook } from './read.ts';
import { fileRows, type FileRow } from './rows.ts';
import { assembleFile, editFrontmatter } from '../frontmatter-edit.ts';
import type { ImportContext, FileChange, ImportPlan, Planned, SheetCounts, SheetRow } from './import/context.ts';
import { planEntityRows, planMappingRows } from './import/plan-rows.ts';
import { readHeader, readRows, selectSheets } from './import/read-rows.ts';
import { foldReviews } from './import/reviews-sheet.ts';
import { inSheetOrder, locateInSheet } from './import/report.ts';

export type { FieldChange, FileChange, ImportPlan, SheetCounts } from './import/context.ts';
export { MAX_ROWS } from './import/read-rows.ts';
export { renderPlan } from './import/report.ts';

type CheckOptions = { today?: string; exceptions?: ExceptionsSource };

/** Plan an import. `sources` are the content files as read from disk (the state to compare against). */
export function planImport(
  sources: readonly SourceFile[],
  workbook: RawWorkbook,
  options: CheckOptions = {},
): ImportPlan {
  const ctx: ImportContext = { file: workbook.file, format: workbook.format, diagnostics: [], suggestions: 0 };
  const notes: string[] = [];
  const counts: SheetCounts[] = [];
  const finish = (files: FileChange[] = []): ImportPlan => {
    const errors = ctx.diagnostics.filter((d) => d.severity === 'error').length;
    // With any error nothing is written, so no file is listed as changing.
    return { diagnostics: inSheetOrder(ctx.diagnostics), errors, files: errors ? [] : files, counts, notes };
  };

  const baseline = checkSources(sources, options);
  if (baseline.errors > 0) {
    refuseUncleanContent(ctx, baseline);
    return finish();
  }
  const bySpec = selectSheets(ctx, workbook, notes);
  const planned = planSheets(ctx, sources, baseline.content, bySpec, notes, counts);
  // Even when some rows are wrong, the rows that were read are checked too, so one run reports all.
  const { files, newSources, changedByPath } = fileTexts(planned, notes);
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

/** An import is planned only against content that passes the check; say so at its first error. */
function refuseUncleanContent(ctx: ImportContext, baseline: CheckResult): void {
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
}

/** Read and plan every sheet; returns the planned edits per file path. */
function planSheets(
  ctx: ImportContext,
  sources: readonly SourceFile[],
  content: Content,
  bySpec: ReadonlyMap<SheetName, RawSheet>,
  notes: string[],
  counts: SheetCounts[],
): Map<string, Planned> {
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
        appended: 0,
      };
      planned.set(row.path, p);
    }
    return p;
  };

  // Entity sheets first: the Mappings sheet's context columns may show values the Standards sheet sets;
  // the Reviews sheet is read with the Mappings sheet, whose rows it completes.
  const pendingStandards = new Map<string, Map<string, unknown>>();
  const reviewSpec = SHEETS.find((x) => x.row === 'review')!;
  for (const spec of [
    ...SHEETS.filter((x) => x.row !== 'mapping' && x.row !== 'review'),
    ...SHEETS.filter((x) => x.row === 'mapping'),
  ]) {
    const sheet = bySpec.get(spec.name);
    const reviewSheet = spec.row === 'mapping' ? bySpec.get(reviewSpec.name) : undefined;
    if (!sheet && !reviewSheet) continue;
    const existing = fileRows(spec, content);
    const byKey = new Map(existing.map((r) => [r.key, r]));
    const rows = sheet ? readSheet(ctx, sheet, spec, notes) : [];
    if (!rows) continue;
    if (reviewSheet) {
      const colOf = readHeader(ctx, reviewSheet, reviewSpec);
      if (!colOf) continue;
      const reviewRows = readRows(ctx, reviewSheet, reviewSpec, colOf);
      const reviewTally: SheetCounts = {
        sheet: reviewSpec.name,
        rows: reviewRows.length,
        unchanged: 0,
        edited: 0,
        added: 0,
        outdated: 0,
      };
      foldReviews(ctx, reviewRows, rows, spec, byKey, reviewTally);
      counts.push(reviewTally);
    }
    if (!sheet) continue;
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
  return planned;
}

/** A sheet's header and rows; undefined (with diagnostics) when its header cannot be read. */
function readSheet(ctx: ImportContext, sheet: RawSheet, spec: SheetSpec, notes: string[]): SheetRow[] | undefined {
  const colOf = readHeader(ctx, sheet, spec);
  if (!colOf) return undefined;
  const hashIdx = spec.columns.findIndex((c) => c.role === 'hash');
  if (!colOf[hashIdx] && sheet.rows.length > 1)
    notes.push(
      `${spec.name} has no _hash column: edits are applied, but a conflict with changes made to the files since the export cannot be detected`,
    );
  return readRows(ctx, sheet, spec, colOf);
}

/** Write the planned edits into new file texts; files the edits leave as they were are dropped. */
function fileTexts(planned: ReadonlyMap<string, Planned>, notes: string[]) {
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
  return { files, newSources, changedByPath };
}
