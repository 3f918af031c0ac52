/** The committee report's XLSX sheets: "Act first", "Model wording" and the "Evidence" appendix. */
import { actFirstLines, evidenceRows, lookups } from './committee.ts';
import type { GapReport } from './schema.ts';
import { link, type SheetSpec } from './xlsx-sheet.ts';

export { addDataRow } from './xlsx-sheet.ts';

export function actFirstSheet(r: GapReport): SheetSpec {
  return {
    name: 'Act first',
    columns: [
      ['Rank', 6],
      ['Characteristic', 40],
      ['Severity', 10],
      ['Support', 9],
      ['Where', 90],
    ],
    rows: (function* () {
      let rank = 0;
      for (const l of actFirstLines(r, Infinity)) yield [++rank, l.name, l.severity, l.support, l.text];
    })(),
  };
}

export function modelWordingSheet(r: GapReport): SheetSpec {
  return {
    name: 'Model wording',
    columns: [
      ['Gap characteristic', 40],
      ['Body', 14],
      ['Standard', 14],
      ['Title', 36],
      ['Edition', 36],
      ['Strength', 10],
      ['Bindingness', 12],
      ['Verification', 12],
      ['Mapping review', 14],
      ['Selected', 9],
      ['What it asks (our words)', 70],
    ],
    rows: (function* () {
      const l = lookups(r);
      for (const w of r.modelWording)
        for (const s of w.standards)
          yield [
            l.characteristic(w.characteristic),
            s.bodyLabel,
            link(s.code, s.sourceUrl),
            s.title ?? '',
            s.editionLabel,
            s.strength,
            s.bindingness,
            s.verification,
            s.review,
            s.selected ? 'yes' : 'no',
            s.rationale,
          ];
    })(),
  };
}

export function evidenceSheet(r: GapReport): SheetSpec {
  return {
    name: 'Evidence',
    columns: [
      ['Body', 14],
      ['Standard', 14],
      ['Title', 36],
      ['Edition', 36],
      ['Edition status', 50],
      ['Verification', 12],
      ['Mapping review', 16],
      ['Cited for', 60],
    ],
    rows: (function* () {
      for (const e of evidenceRows(r))
        yield [e.body, link(e.code, e.url), e.title, e.edition, e.editionStatus, e.verification, e.review, e.citedFor];
    })(),
    autoFilter: true,
  };
}
