/** Report formats. XLSX needs the exceljs module passed in (the browser loads it lazily). */
import type ExcelJSNs from 'exceljs';
import { renderCsv } from './csv.ts';
import { renderMarkdown } from './markdown.ts';
import type { GapReport } from './schema.ts';
import { renderXlsx } from './xlsx.ts';

export const FORMATS = ['xlsx', 'csv', 'json', 'md', 'pdf'] as const;
export type Format = (typeof FORMATS)[number];
export const TEXT_FORMATS: readonly Format[] = ['csv', 'json', 'md'];

export const MIME: Record<Format, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv;charset=utf-8',
  json: 'application/json',
  md: 'text/markdown;charset=utf-8',
  pdf: 'application/pdf',
};

export function renderJson(report: GapReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

/** Render in any format except PDF (which is Node-only, see pdf.ts). */
export async function renderPortable(
  report: GapReport,
  format: Exclude<Format, 'pdf'>,
  excel?: typeof ExcelJSNs,
): Promise<string | Uint8Array> {
  switch (format) {
    case 'csv':
      return renderCsv(report);
    case 'json':
      return renderJson(report);
    case 'md':
      return renderMarkdown(report);
    case 'xlsx':
      if (!excel) throw new Error('XLSX rendering needs the exceljs module');
      return renderXlsx(report, excel);
    default:
      return format satisfies never;
  }
}
