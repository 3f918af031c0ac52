/**
 * PDF report for a meeting: title, selection, date and data version, summary table, gaps and
 * opportunities with the standards behind them, verification visible, page numbers. Node only.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { STATUS_LABEL } from '../coverage.ts';
import type { GapReport } from './schema.ts';
import {
  bodiesLine,
  countsInOrder,
  HOW_TO_READ,
  pct,
  provenanceLine,
  QUALIFIER_LEGEND,
  selectionLine,
  STATUS_HEADERS,
} from './tabular.ts';

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

type Content = Record<string, unknown> | string | Content[];

export async function renderPdf(r: GapReport): Promise<Uint8Array> {
  const abbr = new Map(r.bodies.map((b) => [b.id, b.label]));
  const names = new Map(r.characteristics.map((c) => [c.id, c.name]));
  const th = (t: string) => ({ text: t, bold: true, fillColor: '#eeeeee' });
  const content: Content[] = [
    { text: r.title, style: 'h1' },
    { text: `Selection: ${selectionLine(r)}`, margin: [0, 0, 0, 2] },
    { text: `Generated ${r.generatedOn} from data version ${r.dataVersion}.`, margin: [0, 0, 0, 2] },
    { text: `${bodiesLine(r)}. ${provenanceLine(r)}`, italics: true, margin: [0, 0, 0, 10] },
    { text: 'Summary by body', style: 'h2' },
    {
      table: {
        headerRows: 1,
        widths: ['auto', '*', 'auto', ...STATUS_HEADERS.map(() => 'auto'), 'auto', 'auto'],
        body: [
          ['Body', 'Edition', 'Text read', ...STATUS_HEADERS, 'Carried', 'Verified'].map(th),
          ...r.bodies.map((b) => [
            b.label,
            `${b.edition.title} (${b.edition.edition})${b.transition ? ` — in transition to ${b.transition.toTitle}` : ''}${b.newerMayExistSince ? ` — a newer edition may exist (cycle passed ${b.newerMayExistSince})` : ''}`,
            b.edition.textRead,
            ...countsInOrder(b.counts).map(String),
            String(b.carried),
            `${b.verifiedStandards}/${b.standards} (${pct(b.verifiedStandards, b.standards)})`,
          ]),
        ],
      },
      layout: 'lightHorizontalLines',
      fontSize: 8,
      margin: [0, 0, 0, 10],
    },
    { text: 'Characteristics', style: 'h2' },
    {
      table: {
        headerRows: 1,
        widths: ['*', 'auto', ...STATUS_HEADERS.map(() => 'auto'), 'auto'],
        body: [
          ['Characteristic', 'Severity', ...STATUS_HEADERS, 'Gap at'].map(th),
          ...r.characteristics.map((c) => [
            c.name,
            c.severity,
            ...countsInOrder(c.counts).map(String),
            c.cells
              .filter((x) => x.status === 'gap')
              .map((x) => abbr.get(x.body))
              .join(', '),
          ]),
        ],
      },
      layout: 'lightHorizontalLines',
      fontSize: 8,
      margin: [0, 0, 0, 10],
    },
    { text: 'Gaps and the standards around them', style: 'h2', pageBreak: 'before' },
  ];
  const gapChars = [...new Set(r.gaps.map((g) => g.characteristic))];
  if (gapChars.length === 0) content.push({ text: 'No reviewed gaps in this selection.' });
  for (const id of gapChars) {
    const ch = r.characteristics.find((c) => c.id === id)!;
    content.push({ text: `${ch.name} (severity ${ch.severity})`, style: 'h3' });
    content.push({ text: `${ch.summary}.`, fontSize: 9 });
    const supporting = ch.cells.flatMap((cell) =>
      cell.standards.map(
        (s) =>
          `${abbr.get(cell.body)} ${s.code}${s.title ? ` ${s.title}` : ''} — ${s.strength}, ${s.bindingness}, ${s.verification}, ${s.review}`,
      ),
    );
    if (supporting.length) content.push({ ul: supporting, fontSize: 8, margin: [0, 2, 0, 6] });
  }
  const carried = r.characteristics.flatMap((ch) =>
    ch.cells.flatMap((cell) =>
      cell.carried
        ? [
            `${ch.name} at ${abbr.get(cell.body)}: ${STATUS_LABEL[cell.carried.status]} in ${cell.carried.fromLabel}${cell.carried.standards.length ? ` (${cell.carried.standards.map((s) => s.code).join(', ')})` : ''}; not checked against the edition in force`,
          ]
        : [],
    ),
  );
  if (carried.length) {
    content.push({ text: 'Carried forward from older editions (not counted)', style: 'h2' });
    content.push({ ul: carried, fontSize: 8, margin: [0, 2, 0, 6] });
  }
  if (r.opportunityCells.length) {
    content.push({ text: 'Integration opportunities (implicit mappings only)', style: 'h2' });
    content.push({
      ul: r.opportunityCells.map((o) => `${names.get(o.characteristic) ?? o.characteristic} at ${abbr.get(o.body)}`),
      fontSize: 8,
      margin: [0, 2, 0, 6],
    });
  }
  content.push({ text: 'One practice, many standards', style: 'h2', pageBreak: 'before' });
  for (const it of r.opportunities.initiatives) {
    content.push({ text: `${it.name}: ${it.standards.length} standards at ${it.bodies} bodies`, style: 'h3' });
    if (it.standards.length)
      content.push({
        ul: it.standards.map(
          (s) =>
            `${abbr.get(s.body) ?? s.body} ${s.code}${s.title ? ` ${s.title}` : ''} (via ${s.characteristics.map((c) => names.get(c) ?? c).join(', ')}) — ${s.strength}, ${s.verification}, ${s.review}`,
        ),
        fontSize: 8,
        margin: [0, 2, 0, 6],
      });
  }
  if (r.opportunities.reciprocity.length) {
    content.push({ text: 'Reciprocity: joint activities that could serve two professions', style: 'h3' });
    content.push({
      ul: r.opportunities.reciprocity.map((p) => `${abbr.get(p.a.body)} + ${abbr.get(p.b.body)}`),
      fontSize: 8,
    });
  }
  content.push({ text: 'How to read this report', style: 'h2', margin: [0, 12, 0, 4] });
  content.push({ ul: [...HOW_TO_READ], fontSize: 8 });
  content.push({ text: `Notes: ${QUALIFIER_LEGEND.join('; ')}.`, fontSize: 8, margin: [0, 4, 0, 0] });

  const doc = {
    info: { title: r.title, subject: selectionLine(r), creator: 'IP-CLE Crosswalk' },
    pageSize: 'A4',
    pageMargins: [36, 40, 36, 40],
    defaultStyle: { font: 'Roboto', fontSize: 10 },
    styles: {
      h1: { fontSize: 18, bold: true, margin: [0, 0, 0, 6] },
      h2: { fontSize: 13, bold: true, margin: [0, 8, 0, 4] },
      h3: { fontSize: 10, bold: true, margin: [0, 6, 0, 2] },
    },
    footer: (page: number, pages: number) => ({
      text: `${r.title} · ${r.generatedOn} · page ${page} of ${pages}`,
      alignment: 'center',
      fontSize: 8,
      margin: [0, 10, 0, 0],
    }),
    content,
  };
  const buf = await engine().createPdf(doc).getBuffer();
  return new Uint8Array(buf);
}
