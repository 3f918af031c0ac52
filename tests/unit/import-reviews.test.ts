import { describe, expect, it } from 'vitest';
import { loadFiles } from '../../src/lib/content.ts';
import { readContentDir } from '../../src/lib/node/content-dir.ts';
import { exportTables, renderCsvFiles } from '../../src/lib/spreadsheet/export.ts';
import { planImport, renderPlan, type ImportPlan } from '../../src/lib/spreadsheet/import.ts';
import { csvWorkbook } from '../../src/lib/spreadsheet/read.ts';
import { FIXTURES, TODAY } from '../helpers.ts';

const sources = () => readContentDir(FIXTURES);
const files = () => renderCsvFiles(exportTables(loadFiles(sources())));
const exported = () => files().get('mappings.csv')!;
const exportedReviews = () => files().get('mapping-reviews.csv')!;

/** Import the exported Mappings and Reviews CSV files as edited. */
function importCsv(mappings: string, reviews = exportedReviews()): ImportPlan {
  return planImport(
    sources(),
    csvWorkbook('edited', [
      { path: 'mappings.csv', text: mappings },
      { path: 'mapping-reviews.csv', text: reviews },
    ]),
    { today: TODAY },
  );
}

/** Import the exported Mappings CSV after replacing `from` with `to` (which must be in it). */
function importWith(from: string, to: string): ImportPlan {
  const csv = exported();
  expect(csv).toContain(from);
  return importCsv(csv.replace(from, to));
}

const changes = (p: ImportPlan) => p.files.flatMap((f) => f.changes).map((c) => [c.field, c.change, c.reason]);
const afterOf = (p: ImportPlan, file: string) => p.files.find((f) => f.file.endsWith(file))!.after;

// beta-2024/b-1-1 maps interprofessional-learning-experiences with two "agree" records.
const B11 = 'https://example.org/beta-board/2024#b-1-1,interprofessional-learning-experiences,explicit,';
const B11_RATIONALE = 'The fixture element expects pharmacy students to learn alongside other health professions.';
const CHANGED = expect.stringContaining('reviews belong to what was reviewed');

describe('import: reviews belong to what was reviewed', () => {
  it.each([
    ['rationale', B11_RATIONALE, 'The fixture element expects pharmacy students to learn with nursing students only.'],
    ['strength', B11, B11.replace('explicit', 'partial')],
    ['characteristic', B11, B11.replace('interprofessional-learning-experiences', 'teams-and-teamwork')],
  ])('a changed %s drops the review records, and the dry run says so', (field, from, to) => {
    const p = importWith(from, to);
    expect(p.errors).toBe(0);
    expect(changes(p)).toEqual([
      [`mappings[0].${field}`, 'changed', undefined],
      ['mappings[0].reviews', 'removed', CHANGED],
    ]);
    const after = afterOf(p, 'b-1-1.md');
    expect(after).not.toContain('Reviewer One');
    expect(after).not.toContain('Reviewer Two');
    expect(renderPlan(p, { write: false })).toMatch(
      /- mappings\[0\]\.reviews: .*Reviewer One.* \(removed: the mapping’s claim changed .*reviews belong to what was reviewed\)/,
    );
  });

  it('an edit outside the claim (the quote) keeps the reviews', () => {
    const p = importWith(`${B11_RATIONALE},,`, `${B11_RATIONALE},learn alongside,`);
    expect(changes(p)).toEqual([['mappings[0].quote', 'added', undefined]]);
    expect(afterOf(p, 'b-1-1.md')).toContain('Reviewer Two');
  });

  it('a review added for the changed mapping reviews the new claim and is kept; the old ones go', () => {
    const newReview =
      'beta-2024/b-1-1,interprofessional-learning-experiences,Reviewer Three (fixture),medicine,2026-01-10,agree,,\r\n';
    const p = importCsv(
      exported().replace(B11, B11.replace('explicit', 'partial')),
      `${exportedReviews()}${newReview}`,
    );
    expect(p.errors).toBe(0);
    expect(changes(p)).toEqual([
      ['mappings[0].strength', 'changed', undefined],
      ['mappings[0].reviews', 'changed', CHANGED],
    ]);
    const after = afterOf(p, 'b-1-1.md');
    expect(after).toContain('Reviewer Three');
    expect(after).not.toContain('Reviewer One');
  });

  it('a row copied into a new mapping does not carry the reviews of the row it was copied from', () => {
    const csv = exported();
    const row = csv.split('\r\nbeta-2024/b-2,').find((s) => s.includes('#teams-and-teamwork,'))!;
    const copy = `beta-2024/b-2,${row}`
      .replace(',teams-and-teamwork,', ',psychological-safety,')
      .replace(/,beta-2024\/b-2#teams-and-teamwork,[0-9a-f]+$/, ',,');
    // Its review rows copied too, under the new characteristic.
    const reviews = exportedReviews();
    const copied = reviews
      .split('\r\n')
      .filter((l) => l.startsWith('beta-2024/b-2,teams-and-teamwork,'))
      .map((l) => `${l.replace(',teams-and-teamwork,', ',psychological-safety,')}\r\n`)
      .join('');
    expect(copied).not.toBe('');
    const p = importCsv(`${csv}${copy}\r\n`, `${reviews}${copied}`);
    expect(p.errors).toBe(0);
    expect(changes(p)).toEqual([
      ['mappings[2]', 'new-mapping', undefined],
      ['mappings[2].reviews', 'removed', expect.stringContaining('copied from another mapping')],
    ]);
    const after = afterOf(p, 'b-2.md');
    expect(after.match(/Reviewer One/g)).toHaveLength(1);
    expect(after).toContain('characteristic: psychological-safety');
  });

  it('mappings.csv imported alone leaves the review records as they are', () => {
    const p = planImport(sources(), csvWorkbook('edited', [{ path: 'mappings.csv', text: exported() }]), {
      today: TODAY,
    });
    expect(p.errors).toBe(0);
    expect(p.files).toEqual([]);
  });

  it('a reviews column from an older export is refused with the way to the Reviews sheet', () => {
    const csv = exported().replace(',quote,_key,_hash\r\n', ',quote,reviews,_key,_hash\r\n');
    const p = planImport(sources(), csvWorkbook('edited', [{ path: 'mappings.csv', text: csv }]), { today: TODAY });
    expect(p.diagnostics.map((d) => [d.path, d.message])).toEqual([
      ['Mappings!L1', 'column `reviews` belongs on the Reviews sheet'],
    ]);
    expect(p.diagnostics[0]!.fix).toContain('npm run export');
  });
});
