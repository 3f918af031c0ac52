/**
 * The committee PDF in the browser: the same document definition as the CLI (src/lib/report/pdf-doc.ts),
 * printed by pdfmake's own minified browser build with its bundled Roboto fonts; no network. The engine
 * and the fonts load only when the PDF button is pressed, as two files (load-script.ts): the fonts file
 * registers itself with the engine loaded before it.
 */
import pdfmakeUrl from 'pdfmake/build/pdfmake.min.js?url';
import fontsUrl from 'pdfmake/build/vfs_fonts.js?url';
import { pdfDocument, type PdfOptions } from '../lib/report/pdf-doc.ts';
import type { GapReport } from '../lib/report/schema.ts';
import { loadScript } from './load-script.ts';

type PdfMake = (typeof import('pdfmake/build/pdfmake.js'))['default'];

let engine: Promise<PdfMake> | undefined;

function load() {
  engine ??= Promise.all([loadScript(pdfmakeUrl), loadScript(fontsUrl)]).then(
    () => {
      const pdfMake = (window as unknown as { pdfMake?: PdfMake }).pdfMake;
      if (!pdfMake) throw new Error('the PDF engine did not start');
      pdfMake.setUrlAccessPolicy(() => false);
      return pdfMake;
    },
    (e: unknown) => {
      engine = undefined; // a failed download can be retried with the next click
      throw e;
    },
  );
  return engine;
}

export async function renderPdfInBrowser(report: GapReport, options: PdfOptions): Promise<Uint8Array> {
  const pdfMake = await load();
  return new Uint8Array(await pdfMake.createPdf(pdfDocument(report, options)).getBuffer());
}
