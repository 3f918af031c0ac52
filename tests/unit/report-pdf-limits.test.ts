/**
 * The PDF's lists that grow with standards × bodies stop at a limit and say how many more there are and
 * where all of them are; the evidence appendix has one table per edition. The XLSX keeps every row.
 */
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/lib/report/build.ts';
import { evidenceRows } from '../../src/lib/report/committee.ts';
import {
  EVIDENCE_ROWS_PER_TABLE_MIN,
  gapSections,
  laterSections,
  PDF_LIST_LIMIT,
} from '../../src/lib/report/pdf-sections.ts';
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
  it('a long evidence table stops at its share of the limit, says how many more and where, and the intro says so', () => {
    const n = PDF_LIST_LIMIT.evidence + 100;
    // One cell cites n distinct standards: one edition's table far over its share.
    let done = false;
    const big: GapReport = {
      ...report,
      characteristics: report.characteristics.map((ch) => ({
        ...ch,
        cells: ch.cells.map((c) => {
          if (done || !c.standards.length) return c;
          done = true;
          const s0 = c.standards[0]!;
          return {
            ...c,
            standards: Array.from({ length: n }, (_, k) => ({ ...s0, id: `${s0.id}-${k}`, code: `Z-${k}` })),
          };
        }),
      })),
    };
    const content = laterSections(big) as { text?: string; table?: { body: unknown[][]; headerRows: number } }[];
    const tables = content.filter((c) => c.table?.headerRows === 2);
    const share = Math.max(EVIDENCE_ROWS_PER_TABLE_MIN, Math.floor(PDF_LIST_LIMIT.evidence / tables.length));
    const long = tables.find((t) => t.table!.body.length > share)!;
    expect(long.table!.body).toHaveLength(2 + share + 1);
    const rows = evidenceRows(big).filter(
      (e) => `${e.body} ${e.edition}: ${e.editionStatus}` === (long.table!.body[0]![0] as { text: string }).text,
    );
    expect((long.table!.body.at(-1)![0] as { text: string }).text).toBe(
      `… and ${rows.length - share} more: every one is in the XLSX download (Detail sheet: verification and mapping review of every standard in every cell).`,
    );
    expect(content.some((c) => c.text?.includes(`Each table shows at most its first ${share};`))).toBe(true);
    // The unchanged report has no cut table and no such sentence.
    expect((laterSections(report) as { text?: string }[]).some((c) => c.text?.includes('at most its first'))).toBe(
      false,
    );
  });
});
