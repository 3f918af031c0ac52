/**
 * The committee PDF in the browser: the same document definition as the CLI (src/lib/report/pdf-doc.ts),
 * printed by pdfmake's browser build with its bundled Roboto fonts; no network. The engine and the
 * fonts load only when the PDF button is pressed, as two files (each under Vite's chunk-size warning).
 */
import { pdfDocument, type PdfOptions } from '../lib/report/pdf-doc.ts';
import type { GapReport } from '../lib/report/schema.ts';

let engine: Promise<(typeof import('pdfmake/build/pdfmake.js'))['default']> | undefined;

function load() {
  engine ??= Promise.all([import('pdfmake/build/pdfmake.js'), import('pdfmake/build/vfs_fonts.js')]).then(
    ([{ default: pdfMake }, { default: vfs }]) => {
      pdfMake.addVirtualFileSystem(vfs);
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
