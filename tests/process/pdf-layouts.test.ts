/**
 * The Node PDF renderer shares pdfkit's shaped words across documents, looks styles up in place and
 * writes each stream's text in one piece (src/lib/report/pdf.ts). A PDF rendered after others, with
 * the cache warm from different reports, must be byte-identical to the same document rendered by
 * plain pdfmake in a fresh process.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Selection } from '../../src/lib/coverage.ts';
import { buildReport } from '../../src/lib/report/build.ts';
import { pdfDocument } from '../../src/lib/report/pdf-doc.ts';
import { pdfSpeedUps, renderDefinition, renderPdf, sharedLayoutStats } from '../../src/lib/report/pdf.ts';
import { loadFixtures, TODAY } from '../helpers.ts';
import { freshDirs } from '../temp-dirs.ts';

const { index } = loadFixtures();
const tempDir = freshDirs('pdf-layouts-');
const all: Selection = { accreditors: [], professions: [], kinds: [], countries: [], characteristics: [], on: TODAY };
const FIXED = '2026-01-01T00:00:00Z';

/** The report's definition with a fixed creation date (pdfkit otherwise stamps the time, and derives the file ID from it). */
function definition(report: ReturnType<typeof buildReport>) {
  const def = pdfDocument(report, { paper: 'a4' }) as { info: Record<string, unknown> };
  def.info.creationDate = new Date(FIXED);
  return def;
}

/** The same definition rendered by pdfmake alone, in a process that never loaded src/lib/report/pdf.ts. */
function plainPdfmake(reportFile: string, outFile: string): Buffer {
  const script = `
    import { createRequire } from 'node:module';
    import { readFileSync, writeFileSync } from 'node:fs';
    import { dirname, join } from 'node:path';
    import { pdfDocument } from ${JSON.stringify(join(process.cwd(), 'src/lib/report/pdf-doc.ts'))};
    const require = createRequire(${JSON.stringify(join(process.cwd(), 'package.json'))});
    const pm = require('pdfmake');
    const dir = join(dirname(require.resolve('pdfmake/package.json')), 'fonts', 'Roboto');
    pm.setFonts({ Roboto: { normal: join(dir, 'Roboto-Regular.ttf'), bold: join(dir, 'Roboto-Medium.ttf'),
      italics: join(dir, 'Roboto-Italic.ttf'), bolditalics: join(dir, 'Roboto-MediumItalic.ttf') } });
    pm.setUrlAccessPolicy(() => false);
    pm.setLocalAccessPolicy((p) => p.startsWith(dir));
    const def = pdfDocument(JSON.parse(readFileSync(${JSON.stringify(reportFile)}, 'utf8')), { paper: 'a4' });
    def.info.creationDate = new Date(${JSON.stringify(FIXED)});
    writeFileSync(${JSON.stringify(outFile)}, await pm.createPdf(def).getBuffer());
  `;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return readFileSync(outFile);
}

describe('PDF: shaped words shared across documents', () => {
  it('has every speed-up in effect (an upgrade of pdfmake or pdfkit that drops one fails here)', () => {
    expect(pdfSpeedUps()).toEqual({ sharedLayouts: true, styleLookups: true, streamsInOnePiece: true });
  });

  it('a PDF rendered after others is byte-identical to plain pdfmake in a fresh process', async () => {
    const gamma = buildReport(index, { ...all, accreditors: ['gamma-commission'] }, TODAY);
    const everyone = buildReport(index, all, TODAY, { institution: 'Riverside Health Sciences' });
    // Warm the shared cache with other documents first (the build renders many per process).
    await renderPdf(everyone);
    await renderPdf(buildReport(index, { ...all, accreditors: ['alpha-council'] }, TODAY));
    const ours = Buffer.from(await renderDefinition(definition(gamma)));
    const dir = tempDir();
    writeFileSync(join(dir, 'report.json'), JSON.stringify(gamma));
    const reference = plainPdfmake(join(dir, 'report.json'), join(dir, 'plain.pdf'));
    expect(ours.length).toBeGreaterThan(10_000);
    expect(ours.equals(reference)).toBe(true);
  });

  it('keeps no document’s fonts alive: every shared word refers to one font object per face', async () => {
    for (const body of ['alpha-council', 'beta-board', 'gamma-commission'])
      await renderPdf(buildReport(index, { ...all, accreditors: [body] }, TODAY));
    const stats = sharedLayoutStats();
    expect(stats.words).toBeGreaterThan(100);
    // Roboto regular, medium, italic and medium italic at most, however many documents were rendered.
    expect(stats.fonts).toBeGreaterThan(0);
    expect(stats.fonts).toBeLessThanOrEqual(4);
  });
});
