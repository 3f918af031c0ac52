/** The committee PDF in Node: pdfmake with the bundled Roboto files, no network. The document is pdf-doc.ts. */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pdfDocument, type PdfOptions } from './pdf-doc.ts';
import { getStyleProperty, rememberLookups } from './pdf-styles.ts';
import type { GapReport } from './schema.ts';

export { PAPERS, type Paper, type PdfOptions } from './pdf-doc.ts';

const require = createRequire(import.meta.url);
/** Requires as pdfmake does: its own pdfkit and its own modules, whichever copies npm installed. */
const fromPdfmake = () => createRequire(require.resolve('pdfmake/package.json'));

interface PdfMake {
  setFonts(f: unknown): void;
  setUrlAccessPolicy(cb: (url: string) => boolean): void;
  setLocalAccessPolicy(cb: (path: string) => boolean): void;
  createPdf(doc: unknown, options?: unknown): { getBuffer(): Promise<Buffer> };
}

let pdfmake: PdfMake | undefined;
/** Which of the speed-ups below took effect (each gives up silently if pdfmake or pdfkit changed). */
const applied = { sharedLayouts: false, styleLookups: false, streamsInOnePiece: false };

/** The speed-ups in effect after the first render: tests check all are, so an upgrade cannot drop one unseen. */
export function pdfSpeedUps(): Readonly<typeof applied> {
  engine();
  return { ...applied };
}

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
  // One empty pdfkit document shows the classes the speed-ups below replace methods of.
  const PDFDocument = fromPdfmake()('pdfkit') as new (o: object) => ProbeDocument;
  const probe = new PDFDocument({ autoFirstPage: false });
  shareLayoutsAcrossDocuments(probe, join(fontDir, 'Roboto-Regular.ttf'));
  lookUpStylesInPlace();
  writeStreamsInOnePiece(probe);
  pdfmake = pm;
  return pm;
}

/** What the speed-ups read of a pdfkit document. */
interface ProbeDocument {
  font(src: string): unknown;
  _font?: object;
  ref(data: object): PdfReference;
}

/** Shaped words by font and text, shared by every document this process renders. */
const layouts = new Map<string, Map<string, unknown>>();
/** The fontkit font each shared word was shaped with: the first document's, one per font name. */
const shapers = new Map<string, object>();
/** Words kept per font before the cache starts again: bounds memory on the largest reports. */
const MAX_LAYOUTS = 200_000;

/**
 * pdfkit shapes text word by word with fontkit (OpenType lookups, most of a PDF's time) and caches each
 * word's shaping, but per document: the build's 50-odd per-body PDFs shaped the same characteristic
 * names, headings and boilerplate again in every file. This moves that cache from the document to the
 * process, keyed by the font's PostScript name (only the bundled Roboto files are allowed, above). A
 * shaped word is a function of the font and the text alone, and pdfkit never changes a cached run (it
 * copies before adjusting spacing), so the output is byte-identical (tests/process/pdf-layouts.test.ts).
 * Every word is shaped with the first document's font object of its name: a shaped run refers to the
 * font that shaped it, so words shaped by each document's own font kept every document's decoded font
 * tables alive (about 2.5 MB per PDF, 180 MB over the build's per-body PDFs at 10,000 standards).
 * If a pdfkit upgrade renames what this relies on, it changes nothing and pdfkit's own cache stays.
 */
function shareLayoutsAcrossDocuments(probe: ProbeDocument, probeFont: string): void {
  probe.font(probeFont);
  const proto = probe._font && (Object.getPrototypeOf(probe._font) as Record<string, unknown>);
  if (!proto || typeof proto.layoutCached !== 'function' || typeof proto.layoutRun !== 'function') return;
  applied.sharedLayouts = true;
  proto.layoutCached = function (
    this: { name: string; font: object; layoutCache?: object; layoutRun(t: string): unknown },
    text: string,
  ) {
    if (!this.layoutCache) return this.layoutRun(text); // the document asked for no cache
    let words = layouts.get(this.name);
    if (!words || words.size >= MAX_LAYOUTS) layouts.set(this.name, (words = new Map()));
    let run = words.get(text);
    if (run === undefined) {
      let shaper = shapers.get(this.name);
      if (!shaper) shapers.set(this.name, (shaper = this.font));
      const own = this.font;
      this.font = shaper;
      try {
        run = this.layoutRun(text);
      } finally {
        this.font = own;
      }
      words.set(text, run);
    }
    return run;
  };
}

/** What writeStreamsInOnePiece relies on in pdfkit's PDFReference (an object or stream of the file). */
interface PdfReference {
  data: { Length?: number; Filter?: string };
  compress: boolean;
  uncompressedLength: number;
  buffer: Uint8Array[];
  write(chunk: unknown): void;
  finalize(): void;
  /** Text written since the last binary chunk: its bytes, in `pending` up to `pendingBytes`. */
  pending?: Buffer | undefined;
  pendingBytes?: number;
}

/**
 * pdfkit writes a page's content stream one drawing operator at a time, and makes each operator a
 * Buffer of its own (`Buffer.from(op + '\n', 'binary')`), which it concatenates when the page is
 * finished: at 10,000 standards the per-body PDFs made about 5 million of them, and allocating and
 * concatenating them cost more CPU than laying out the text. Here a stream writes its text operators
 * into one growing Buffer, handed on when binary data follows or the stream is finished (collecting
 * them as one string instead cost as much again in flattening it). Each character is one byte either
 * way ('binary' is latin1), so the lengths pdfkit records and the bytes it compresses are the same,
 * and the file is byte-identical (tests/process/pdf-layouts.test.ts). If a pdfkit upgrade renames what
 * this relies on, nothing is replaced (and that test says so).
 */
function writeStreamsInOnePiece(doc: ProbeDocument): void {
  const probe = doc.ref({});
  const proto = Object.getPrototypeOf(probe) as PdfReference;
  if (
    typeof proto.write !== 'function' ||
    typeof proto.finalize !== 'function' ||
    !Array.isArray(probe.buffer) ||
    probe.uncompressedLength !== 0
  )
    return;
  applied.streamsInOnePiece = true;
  const write = proto.write;
  const finalize = proto.finalize;
  const flush = (ref: PdfReference) => {
    if (!ref.pending) return;
    ref.buffer.push(ref.pending.subarray(0, ref.pendingBytes));
    ref.pending = undefined;
  };
  proto.write = function (this: PdfReference, chunk: unknown) {
    if (chunk instanceof Uint8Array) {
      flush(this);
      write.call(this, chunk);
      return;
    }
    const text = (chunk as string) + '\n';
    let at = this.pending ? this.pendingBytes! : 0;
    if (!this.pending || at + text.length > this.pending.length) {
      const grown = Buffer.allocUnsafe(Math.max(16_384, 2 * (at + text.length)));
      if (this.pending) this.pending.copy(grown, 0, 0, at);
      this.pending = grown;
    }
    at += this.pending.write(text, at, 'latin1');
    this.pendingBytes = at;
    this.uncompressedLength += text.length;
    this.data.Length = (this.data.Length ?? 0) + text.length;
    if (this.compress) this.data.Filter = 'FlateDecode';
  };
  proto.finalize = function (this: PdfReference) {
    flush(this);
    finalize.call(this);
  };
}

/**
 * pdfmake's style lookups replaced by pdf-styles.ts's, which return the same values without allocating
 * and remember them on each stack until its next push or pop (the byte-identity test in
 * tests/process/pdf-layouts.test.ts renders with them). pdfmake's modules
 * call the class's static method and the prototype's method at each use, so replacing them here takes
 * effect everywhere. If a pdfmake upgrade moves the class, nothing is replaced and its own lookups run.
 */
function lookUpStylesInPlace(): void {
  let Stack: { getStyleProperty?: unknown; prototype: Parameters<typeof rememberLookups>[0] } | undefined;
  try {
    Stack = (fromPdfmake()('./js/StyleContextStack.js') as { default?: typeof Stack }).default;
  } catch {
    return;
  }
  const proto = Stack?.prototype;
  if (
    !Stack ||
    !proto ||
    typeof Stack.getStyleProperty !== 'function' ||
    typeof proto.getProperty !== 'function' ||
    typeof proto.push !== 'function' ||
    typeof proto.pop !== 'function'
  )
    return;
  Stack.getStyleProperty = getStyleProperty;
  rememberLookups(proto);
  applied.styleLookups = true;
}

/**
 * The shared words and the distinct font objects their glyphs refer to (one per font face when no
 * document's fonts are kept alive): for tests and the benchmark.
 */
export function sharedLayoutStats(): { words: number; fonts: number } {
  const fonts = new Set<unknown>();
  let words = 0;
  for (const byText of layouts.values())
    for (const run of byText.values()) {
      words++;
      for (const g of (run as { glyphs?: { _font?: unknown }[] }).glyphs ?? []) fonts.add(g._font);
    }
  return { words, fonts: fonts.size };
}

export async function renderPdf(r: GapReport, options: PdfOptions = {}): Promise<Uint8Array> {
  return renderDefinition(pdfDocument(r, options));
}

/** A pdfmake document definition (pdf-doc.ts) as PDF bytes. */
export async function renderDefinition(definition: object): Promise<Uint8Array> {
  return new Uint8Array(await engine().createPdf(definition).getBuffer());
}
