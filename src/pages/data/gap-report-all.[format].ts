/** The all-bodies gap report (editions in force on the build date) in every format. */
import type { APIRoute } from 'astro';
import ExcelJS from 'exceljs';
import { getSite } from '../../lib/site/data.ts';
import { FORMATS, MIME, renderPortable, type Format } from '../../lib/report/index.ts';
import { renderPdf } from '../../lib/report/pdf.ts';

export function getStaticPaths() {
  return FORMATS.map((format) => ({ params: { format } }));
}

export const GET: APIRoute = async ({ params }) => {
  const format = params.format as Format;
  const report = getSite().report;
  const body = format === 'pdf' ? await renderPdf(report) : await renderPortable(report, format, ExcelJS);
  return new Response(body as BodyInit, { headers: { 'Content-Type': MIME[format] } });
};
