/**
 * The PDF's lists that grow with standards × bodies stop at a limit and say how many more there are and
 * where all of them are; the evidence appendix has one table per edition. The XLSX keeps every row.
 */
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/lib/report/build.ts';
import { evidenceRows } from '../../src/lib/report/committee.ts';
import { gapSections, laterSections, PDF_LIST_LIMIT } from '../../src/lib/report/pdf-sections.ts';
import type { GapReport } from '../../src/lib/report/schema.ts';
import { loadFixtures, TODAY } from '../helpers.ts';

const { index } = loadFixtures();
const all = { accreditors: [], professions: [], kinds: [], countries: [], characteristics: [], on: TODAY };
const report = buildReport(index, all, TODAY);

/** Every `ul` list in pdfmake content, in order. */
function lists(content: unknown): unknown[][] {
  if (Array.isArray(content)) return content.flatMap(lists);
  if (content && typeof content === 'object') {
    const ul = (content as { ul?: unknown[] }).ul;
    return ul ? [ul] : [];
  }
  return [];
}
const moreLine = (list: unknown[]) => (list.at(-1) as { text?: string }).text ?? '';

/** The report with one initiative's standards copied until it evidences `n` standards. */
function withInitiative(n: number): GapReport {
  const it = report.opportunities.initiatives.find((x) => x.standards.length >= 2)!;
  const standards = Array.from({ length: n }, (_, i) => ({
    ...it.standards[i % it.standards.length]!,
    code: `X-${i}`,
  }));
  return {
    ...report,
    opportunities: { ...report.opportunities, initiatives: [{ ...it, standards }] },
  };
}

describe('PDF lists that scale with the corpus', () => {
  it('an initiative lists its first standards, then how many more and where to find them all', () => {
    const limit = PDF_LIST_LIMIT.initiative;
    const [full] = lists(laterSections(withInitiative(limit))).filter((l) => l.length >= limit);
    expect(full).toHaveLength(limit);
    const [cut] = lists(laterSections(withInitiative(limit + 7))).filter((l) => l.length > limit);
    expect(cut).toHaveLength(limit + 1);
    expect(moreLine(cut!)).toBe('… and 7 more: every one is in the XLSX download (Opportunities sheet).');
  });
  it("a gap's supporting standards stop at the limit with the same pointer", () => {
    const limit = PDF_LIST_LIMIT.gapSupport;
    const gap = report.actFirst.find((a) => a.gaps.length)!.characteristic;
    const big: GapReport = {
      ...report,
      characteristics: report.characteristics.map((ch) =>
        ch.id !== gap
          ? ch
          : {
              ...ch,
              cells: ch.cells.map((c, i) =>
                i > 0 || !c.standards.length
                  ? c
                  : {
                      ...c,
                      standards: Array.from({ length: limit + 3 }, (_, k) => ({ ...c.standards[0]!, code: `Y-${k}` })),
                    },
              ),
            },
      ),
    };
    const cut = lists(gapSections(big)).find((l) => l.length > limit);
    expect(cut ? moreLine(cut) : 'no list over the limit').toMatch(
      /^… and \d+ more: every one is in the XLSX download \(Detail sheet, by characteristic\)\.$/,
    );
  });
  it('the evidence appendix has one table per body and edition, every cited standard once', () => {
    const tables = (laterSections(report) as { table?: { body: unknown[][]; headerRows: number } }[]).filter(
      (c) => c.table?.headerRows === 2,
    );
    const rows = evidenceRows(report);
    expect(tables.map((t) => (t.table!.body[0]![0] as { text: string }).text)).toEqual([
      ...new Set(rows.map((e) => `${e.body} ${e.edition}: ${e.editionStatus}`)),
    ]);
    expect(tables.reduce((n, t) => n + t.table!.body.length - 2, 0)).toBe(rows.length);
  });
});
