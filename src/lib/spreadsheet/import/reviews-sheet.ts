/**
 * The Reviews sheet: one row per review of a mapping, folded back into the `reviews` of the Mappings
 * row it names (by standard and characteristic), so a review added, edited or deleted there is planned
 * and hashed as an edit of that mapping, exactly like the other cells of its row.
 */
import { sameValue } from '../cells.ts';
import type { SheetSpec } from '../columns.ts';
import { mappingKey, type FileRow } from '../rows.ts';
import { err, suggest, where, type ImportContext, type SheetCounts, type SheetRow } from './context.ts';

interface Group {
  key: string;
  rows: SheetRow[];
  reviews: Record<string, unknown>[];
}

const asList = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** Review rows grouped by the mapping they name, in sheet order; rows naming no mapping are errors. */
function groupReviews(ctx: ImportContext, rows: readonly SheetRow[]): Map<string, Group> {
  const groups = new Map<string, Group>();
  for (const r of rows) {
    const [standard, characteristic] = [r.values[0], r.values[1]];
    const missing = standard === undefined ? 0 : characteristic === undefined ? 1 : -1;
    if (missing >= 0) {
      const header = r.spec.columns[missing]!.header;
      err(
        ctx,
        'import-id',
        where(ctx, r.sheet, r.spec.name, r.row, r.colOf[missing], header),
        `the review names no ${header}`,
        {
          found: `an empty ${header} cell`,
          expected: 'the standard and characteristic of the mapping reviewed, as on its Mappings row',
          fix: `fill in the ${header} (copy it from the mapping's row on the Mappings sheet)`,
        },
      );
      continue;
    }
    const review: Record<string, unknown> = {};
    r.spec.columns.forEach((c, i) => {
      if (c.role === 'field' && r.values[i] !== undefined) review[c.path[0]!] = r.values[i];
    });
    const key = mappingKey(String(standard), characteristic);
    const g = groups.get(key) ?? { key, rows: [], reviews: [] };
    g.rows.push(r);
    g.reviews.push(review);
    groups.set(key, g);
  }
  return groups;
}

/**
 * Give each Mappings row the reviews the Reviews sheet lists for it: first by the row's standard and
 * characteristic, then (for a row whose characteristic was changed) by the mapping it was exported for.
 * Review rows whose mapping has no row on the Mappings sheet must agree with the files, or they are errors.
 */
export function foldReviews(
  ctx: ImportContext,
  reviewRows: readonly SheetRow[],
  mappingRows: readonly SheetRow[],
  mappingSpec: SheetSpec,
  byKey: ReadonlyMap<string, FileRow>,
  tally: SheetCounts,
): void {
  const reviewsIdx = mappingSpec.columns.findIndex((c) => c.onSheet !== undefined);
  const stdIdx = mappingSpec.columns.findIndex((c) => c.role === 'id');
  const charIdx = mappingSpec.columns.findIndex((c) => c.header === 'characteristic');
  const groups = groupReviews(ctx, reviewRows);
  const taken = new Set<string>();
  const attach = (r: SheetRow, g: Group | undefined) => {
    if (g) taken.add(g.key);
    r.values[reviewsIdx] = g?.reviews;
    r.detached = new Map([[reviewsIdx, g?.rows ?? []]]);
  };
  const current = (r: SheetRow) => mappingKey(String(r.values[stdIdx]), r.values[charIdx]);
  const waiting: SheetRow[] = [];
  for (const r of mappingRows) {
    const g = groups.get(current(r));
    if (g && !taken.has(g.key)) attach(r, g);
    else waiting.push(r);
  }
  for (const r of waiting) {
    const g = r.key === undefined ? undefined : groups.get(r.key);
    attach(r, g && !taken.has(g.key) ? g : undefined);
  }
  for (const g of groups.values()) {
    const inFiles = asList(byKey.get(g.key)?.values[reviewsIdx]);
    g.reviews.forEach((rev) => (inFiles.some((f) => sameValue(f, rev)) ? tally.unchanged++ : tally.added++));
    if (!taken.has(g.key)) unattached(ctx, g, byKey.get(g.key), inFiles, byKey);
  }
}

/** Review rows of a mapping without a row on the Mappings sheet: fine if the files say the same, else an error. */
function unattached(
  ctx: ImportContext,
  g: Group,
  fileRow: FileRow | undefined,
  inFiles: readonly unknown[],
  byKey: ReadonlyMap<string, FileRow>,
): void {
  const first = g.rows[0]!;
  const at = where(ctx, first.sheet, first.spec.name, first.row, first.colOf[1], 'characteristic');
  const [standard, characteristic] = [first.values[0], first.values[1]];
  if (!fileRow) {
    err(ctx, 'import-id', at, `no mapping of \`${String(standard)}\` to \`${String(characteristic)}\``, {
      found: `${g.rows.length} review row(s) for a mapping that is neither in the files nor on the Mappings sheet`,
      expected: 'the standard and characteristic of a mapping',
      fix:
        suggest(ctx, g.key, byKey.keys())?.replace(/#/g, ' → ') ??
        'correct the standard or characteristic, or add the mapping on the Mappings sheet first',
    });
    return;
  }
  if (inFiles.length === g.reviews.length && g.reviews.every((rev, i) => sameValue(inFiles[i], rev))) return;
  err(
    ctx,
    'import-row',
    at,
    `the reviews of \`${g.key}\` were edited, but the mapping has no row on the Mappings sheet`,
    {
      found: `rows ${g.rows.map((r) => r.row).join(', ')} differ from the ${inFiles.length} review(s) in ${fileRow.file.path}`,
      expected: "the mapping's row on the Mappings sheet, so the edit can be checked against what was exported",
      fix: "put the mapping's row back on the Mappings sheet (from a fresh export), or undo the edits to these review rows",
    },
  );
}
