/** Report formats. XLSX needs the exceljs module passed in (the browser loads it lazily). */
import type ExcelJSNs from 'exceljs';
import { jsonText } from '../json-chunks.ts';
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
  return jsonText(report);
}

/** The report as a file in any format but PDF, the same in the browser and in Node (PDF: pdf.ts in Node, src/scripts/report-pdf.ts in the browser). */
export async function renderReportAs(
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
