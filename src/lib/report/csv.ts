/** CSV per RFC 4180 (CRLF, quoted fields) with a UTF-8 BOM so Excel reads accents correctly. */
import type { GapReport } from './schema.ts';
import { DETAIL_COLUMNS, detailRows } from './tabular.ts';

export function csvField(v: string | number): string {
  const s = String(v);
  return /[",\r\n]/.test(s) || /^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(header: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  return `\uFEFF${[header, ...rows].map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`;
}

export function renderCsv(report: GapReport): string {
  return toCsv(
    DETAIL_COLUMNS,
    detailRows(report).map((r) => DETAIL_COLUMNS.map((c) => r[c])),
  );
}
