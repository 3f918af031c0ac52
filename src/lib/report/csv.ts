/** The gap report as CSV, written by the shared CSV writer (formula cells neutralised). */
import { toCsv } from '../csv.ts';
import type { GapReport } from './schema.ts';
import { DETAIL_COLUMNS, detailRows } from './tabular.ts';

export { csvField, toCsv } from '../csv.ts';

export function renderCsv(report: GapReport): string {
  return toCsv(
    DETAIL_COLUMNS,
    detailRows(report).map((r) => DETAIL_COLUMNS.map((c) => r[c])),
  );
}
