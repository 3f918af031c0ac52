/**
 * The site's generated downloads under data/: the all-bodies gap report in every format, a PDF and
 * an XLSX report per body, and the versioned export of the whole crosswalk. They cost more CPU than
 * all the HTML pages together (pdfmake and exceljs), so `astro build` renders them in a separate
 * process, in parallel with the pages (see downloads-build.ts and src/integrations/crosswalk.ts);
 * `astro dev` serves the same files from an injected route.
 */
import ExcelJS from 'exceljs';
import { buildReport } from '../report/build.ts';
import { MIME, renderPortable } from '../report/index.ts';
import { renderPdf } from '../report/pdf.ts';
import { exportJson, exportTables, renderCsvFiles, renderWorkbook } from '../spreadsheet/export.ts';
import { allSelection, type Site } from './data.ts';

export interface Download {
  /** Path under the site root, e.g. `data/reports/<body>.pdf`. */
  path: string;
  render(): Promise<string | Uint8Array>;
}

/**
 * Every download, in the order the build renders them, chosen for the build's peak memory (see
 * src/integrations/crosswalk.ts): the text formats first, while the process is small (they build
 * strings of tens of MB); then the XLSX files, whose workbooks exceljs holds in memory (the largest
 * peak, while Astro renders the pages); then the PDFs.
 */
export function downloads(site: Site): Download[] {
  const { index: ix, data, check } = site.loaded;
  const bodyReport = (id: string) => buildReport(ix, { ...allSelection(site.today), accreditors: [id] }, site.today);
  const tables = exportTables(check.content);
  return [
    ...(['csv', 'json', 'md'] as const).map((format) => ({
      path: `data/gap-report-all.${format}`,
      render: () => renderPortable(site.report, format),
    })),
    { path: 'data/export/ipcle-crosswalk.json', render: async () => exportJson(check.content, data.version) },
    ...tables.map((table) => ({
      path: `data/export/${table.spec.csv.replace(/^.*\//, '')}`,
      render: async () => renderCsvFiles([table]).get(table.spec.csv)!,
    })),
    { path: 'data/export/ipcle-crosswalk.xlsx', render: () => renderWorkbook(tables, ExcelJS, data.version) },
    { path: 'data/gap-report-all.xlsx', render: () => renderPortable(site.report, 'xlsx', ExcelJS) },
    ...data.accreditors.map((a) => ({
      path: `data/reports/${a.id}.xlsx`,
      render: () => renderPortable(bodyReport(a.id), 'xlsx', ExcelJS),
    })),
    { path: 'data/gap-report-all.pdf', render: () => renderPdf(site.report) },
    ...data.accreditors.map((a) => ({ path: `data/reports/${a.id}.pdf`, render: () => renderPdf(bodyReport(a.id)) })),
  ];
}

/** Content-Type of a download by its extension (the dev server sends it; a static host guesses the same). */
export function downloadType(path: string): string {
  return (MIME as Record<string, string>)[path.split('.').pop()!] ?? 'application/octet-stream';
}
