/**
 * Reviews belong to what was reviewed: when a sheet changes a mapping's claim (its characteristic,
 * strength or rationale), the review records of the old claim are dropped, and the dry run says so;
 * a new mapping does not inherit review records copied from another mapping of its standard.
 */
import { sameValue } from '../cells.ts';
import type { SheetSpec } from '../columns.ts';
import type { FileRow } from '../rows.ts';
import type { SheetRow } from './context.ts';

/** The mapping fields a review agrees or dissents with. */
const CLAIM_FIELDS: readonly string[] = ['characteristic', 'strength', 'rationale'];

export const CHANGED_CLAIM =
  'the mapping’s claim changed (characteristic, strength or rationale); reviews belong to what was reviewed';
export const COPIED_REVIEW = 'copied from another mapping of this standard; reviews belong to what was reviewed';

const fieldIndex = (spec: SheetSpec, field: string) =>
  spec.columns.findIndex((c) => c.role === 'field' && c.path.length === 1 && c.path[0] === field);

const asList = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/**
 * For an edited row of an exported mapping: the row to apply (its reviews cell without the records of
 * the old claim) and the columns to apply, or the row unchanged when the claim or the reviews did not change.
 */
export function withoutStaleReviews(
  r: SheetRow,
  fileRow: FileRow,
  cols: number[],
): { row: SheetRow; cols: number[]; dropped: unknown[] } {
  const reviewsIdx = fieldIndex(r.spec, 'reviews');
  const old = asList(fileRow.values[reviewsIdx]);
  const claimChanged = cols.some((i) => CLAIM_FIELDS.includes(String(r.spec.columns[i]!.path[0])));
  if (reviewsIdx < 0 || !claimChanged || old.length === 0) return { row: r, cols, dropped: [] };
  // Records added in the same row review the new claim; those that were already there reviewed the old one.
  const inSheet = asList(r.values[reviewsIdx]);
  const kept = inSheet.filter((rec) => !old.some((o) => sameValue(o, rec)));
  const dropped = old.filter((o) => inSheet.some((rec) => sameValue(o, rec)));
  if (dropped.length === 0) return { row: r, cols, dropped };
  const values = [...r.values];
  values[reviewsIdx] = kept.length ? kept : undefined;
  return { row: { ...r, values }, cols: cols.includes(reviewsIdx) ? cols : [...cols, reviewsIdx], dropped };
}

/** For a new mapping entry: its reviews without records copied from the standard's other mappings. */
export function withoutCopiedReviews(
  entry: Record<string, unknown>,
  existing: readonly unknown[],
): { entry: Record<string, unknown>; dropped: unknown[] } {
  const reviews = asList(entry.reviews);
  if (reviews.length === 0) return { entry, dropped: [] };
  const elsewhere = existing.flatMap((m) => asList((m as { reviews?: unknown } | null)?.reviews));
  const dropped = reviews.filter((rec) => elsewhere.some((o) => sameValue(o, rec)));
  if (dropped.length === 0) return { entry, dropped };
  const kept = reviews.filter((rec) => !dropped.includes(rec));
  const { reviews: _, ...rest } = entry;
  return { entry: kept.length ? { ...rest, reviews: kept } : rest, dropped };
}
