/** Prebuilt gap reports per body (PDF and XLSX), for leaders without JavaScript or in a hurry. */
import type { APIRoute } from 'astro';
import ExcelJS from 'exceljs';
import { buildReport } from '../../../lib/report/build.ts';
import { MIME, renderPortable } from '../../../lib/report/index.ts';
import { renderPdf } from '../../../lib/report/pdf.ts';
import { allSelection, getSite } from '../../../lib/site/data.ts';

export function getStaticPaths() {
  return getSite().loaded.data.accreditors.flatMap((a) => [
    { params: { file: `${a.id}.pdf` } },
    { params: { file: `${a.id}.xlsx` } },
  ]);
}

export const GET: APIRoute = async ({ params }) => {
  const file = params.file!;
  const format = file.endsWith('.pdf') ? 'pdf' : 'xlsx';
  const id = file.slice(0, -(format.length + 1));
  const site = getSite();
  const report = buildReport(site.loaded.index, { ...allSelection(site.today), accreditors: [id] }, site.today);
  const body = format === 'pdf' ? await renderPdf(report) : await renderPortable(report, 'xlsx', ExcelJS);
  return new Response(body as BodyInit, { headers: { 'Content-Type': MIME[format] } });
};
