/** The committee PDF in Node: pdfmake with the bundled Roboto files, no network. The document is pdf-doc.ts. */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pdfDocument, type PdfOptions } from './pdf-doc.ts';
import type { GapReport } from './schema.ts';

export { PAPERS, type Paper, type PdfOptions } from './pdf-doc.ts';

const require = createRequire(import.meta.url);

interface PdfMake {
  setFonts(f: unknown): void;
  setUrlAccessPolicy(cb: (url: string) => boolean): void;
  setLocalAccessPolicy(cb: (path: string) => boolean): void;
  createPdf(doc: unknown, options?: unknown): { getBuffer(): Promise<Buffer> };
}

let pdfmake: PdfMake | undefined;
function engine(): PdfMake {
  if (pdfmake) return pdfmake;
  const pm = require('pdfmake') as PdfMake;
  const fontDir = join(dirname(require.resolve('pdfmake/package.json')), 'fonts', 'Roboto');
  pm.setFonts({
    Roboto: {
      normal: join(fontDir, 'Roboto-Regular.ttf'),
      bold: join(fontDir, 'Roboto-Medium.ttf'),
      italics: join(fontDir, 'Roboto-Italic.ttf'),
      bolditalics: join(fontDir, 'Roboto-MediumItalic.ttf'),
    },
  });
  // No network, and only the bundled font files from disk.
  pm.setUrlAccessPolicy(() => false);
  pm.setLocalAccessPolicy((p) => p.startsWith(fontDir));
  pdfmake = pm;
  return pm;
}

export async function renderPdf(r: GapReport, options: PdfOptions = {}): Promise<Uint8Array> {
  const buf = await engine().createPdf(pdfDocument(r, options)).getBuffer();
  return new Uint8Array(buf);
}
