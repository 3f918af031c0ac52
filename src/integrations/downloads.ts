/**
 * The site's generated downloads under data/: the all-bodies gap report in every format, a PDF and
 * an XLSX report per body, and the versioned export of the whole crosswalk. They cost more CPU than
 * all the HTML pages together (pdfmake and exceljs), so `astro build` renders them in a separate
 * process, in parallel with the pages (see downloads-build.ts and src/integrations/crosswalk.ts);
 * `astro dev` serves the same files from an injected route.
 */
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { buildReport } from '../lib/report/build.ts';
import { MIME, renderReportAs } from '../lib/report/index.ts';
import { renderPdf } from '../lib/report/pdf.ts';
import { writeXlsx } from '../lib/report/xlsx.ts';
import { exportJson, exportTables, renderCsvFiles, renderWorkbook, writeWorkbook } from '../lib/spreadsheet/export.ts';
import { DATAPACKAGE_FILE, renderExchangeFiles, SSSOM_FILE } from '../lib/spreadsheet/exchange/datapackage.ts';
import { allSelection, type Site } from '../site/data.ts';

export interface Download {
  /** Path under the site root, e.g. `data/reports/<body>.pdf`. */
  path: string;
  render(): Promise<string | Uint8Array>;
  /**
   * What the file is rendered from (the report model or the table), for the build's cache key
   * (downloads-cache.ts): equal inputs give equal files. Absent: the file is cheap and always rendered.
   */
  input?(): unknown;
  /**
   * The same file streamed into `to` (the XLSX files: exceljs's streaming writer, a few hundred MB
   * less at the build's peak than a workbook in memory). The build uses it when present.
   */
  write?(to: Writable): Promise<void>;
  /**
   * Rendered by a process of its own, before the others (the all-bodies PDF, pdfmake's largest peak:
   * V8 keeps that memory resident after the file is written, until the process exits; see
   * src/integrations/crosswalk.ts).
   */
  ownProcess?: boolean;
}

/**
 * Every download, in the order the build renders them, chosen for the build's peak memory (see
 * src/integrations/crosswalk.ts): first, in a process of its own, the all-bodies PDF (the largest
 * peak, while Astro renders the pages and nothing else is large); then the text formats (strings of
 * tens of MB), the XLSX files (streamed) and the per-body PDFs.
 */
export function downloads(site: Site): Download[] {
  const { index: crosswalk, data, check } = site.loaded;
  const bodyReport = (id: string) =>
    buildReport(crosswalk, { ...allSelection(site.today), accreditors: [id] }, site.today);
  const tables = exportTables(check.content);
  const all = { report: site.report };
  return [
    ...(['csv', 'json', 'md'] as const).map((format) => ({
      path: `data/gap-report-all.${format}`,
      render: () => renderReportAs(site.report, format),
    })),
    { path: 'data/gap-report-all.pdf', input: () => all, render: () => renderPdf(site.report), ownProcess: true },
    { path: 'data/export/ipcle-crosswalk.json', render: async () => exportJson(check.content, data.version) },
    ...tables.map((table) => ({
      path: `data/export/${table.spec.csv.replace(/^.*\//, '')}`,
      render: async () => renderCsvFiles([table]).get(table.spec.csv)!,
    })),
    // The SSSOM set and the data package describing the CSVs beside it; identifiers are the pages' addresses.
    ...[SSSOM_FILE, DATAPACKAGE_FILE].map((name) => ({
      path: `data/export/${name}`,
      render: async () =>
        renderExchangeFiles(check.content, data.version, {
          url: new URL(process.env.BASE_PATH ?? '/', process.env.SITE_URL ?? 'http://localhost:4321').href,
          csvDir: '',
          dataDir: 'data/export/',
        }).get(name)!,
    })),
    {
      path: 'data/export/ipcle-crosswalk.xlsx',
      input: () => ({ tables, version: data.version }),
      render: () => renderWorkbook(tables, ExcelJS, data.version),
      write: (to: Writable) => writeWorkbook(tables, ExcelJS, data.version, to),
    },
    {
      path: 'data/gap-report-all.xlsx',
      input: () => all,
      render: () => renderReportAs(site.report, 'xlsx', ExcelJS),
      write: (to: Writable) => writeXlsx(site.report, ExcelJS, to),
    },
    ...data.accreditors.map((a) => {
      const report = once(() => bodyReport(a.id));
      return {
        path: `data/reports/${a.id}.xlsx`,
        input: () => ({ report: report.keep() }),
        render: () => renderReportAs(report.take(), 'xlsx', ExcelJS),
        write: (to: Writable) => writeXlsx(report.take(), ExcelJS, to),
      };
    }),
    ...data.accreditors.map((a) => {
      const report = once(() => bodyReport(a.id));
      return {
        path: `data/reports/${a.id}.pdf`,
        input: () => ({ report: report.keep() }),
        render: () => renderPdf(report.take()),
      };
    }),
  ];
}

/**
 * A value computed at most once for the cache key and the render that follows (`keep`), then
 * released (`take`), so the build does not hold every body's report model at once.
 */
function once<T>(make: () => T): { keep(): T; take(): T } {
  let value: T | undefined;
  return {
    keep: () => (value ??= make()),
    take() {
      const v = value ?? make();
      value = undefined;
      return v;
    },
  };
}

/** Types of the export's own formats that the reports do not use (the SSSOM set is TSV, as IANA registers it). */
const EXPORT_MIME: Record<string, string> = { tsv: 'text/tab-separated-values;charset=utf-8' };

/** Content-Type of a download by its extension (the dev server sends it; a static host guesses the same). */
export function downloadType(path: string): string {
  const ext = path.split('.').pop()!;
  return (MIME as Record<string, string>)[ext] ?? EXPORT_MIME[ext] ?? 'application/octet-stream';
}
