import { cpSync, existsSync, mkdtempSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkSources } from '../../src/lib/check/index.ts';
import type { SourceFile } from '../../src/lib/content.ts';
import { readContentDir } from '../../src/lib/node/content-dir.ts';
import { writeTogether, WriteTogetherError, type WriteOps } from '../../src/lib/node/write-together.ts';
import { matchBody } from '../../src/lib/spreadsheet/foreign/bodies.ts';
import { canonicalCode, nearCode, parseCode } from '../../src/lib/spreadsheet/foreign/codes.ts';
import {
  isForeignWorkbook,
  MapError,
  parseForeignMap,
  starterMap,
  type ForeignMap,
} from '../../src/lib/spreadsheet/foreign/map.ts';
import { planForeign } from '../../src/lib/spreadsheet/foreign/plan.ts';
import { renderForeignPlan } from '../../src/lib/spreadsheet/foreign/report.ts';
import ExcelJS from 'exceljs';
import { csvWorkbook, readXlsx } from '../../src/lib/spreadsheet/read.ts';
import { TODAY } from '../helpers.ts';

const DIR = 'tests/fixtures/foreign';
const CONTENT = `${DIR}/content`;
const SHEET = `${DIR}/ipe-crosswalk.csv`;
const MAP = `${DIR}/ipe-crosswalk.map.yaml`;

const sheet = (text = readFileSync(SHEET, 'utf8')) => csvWorkbook(SHEET, [{ path: SHEET, text }]);
const map = (text = readFileSync(MAP, 'utf8')) => parseForeignMap(text, MAP);
/** The fixture's map with its two deliberate mistakes corrected. */
const fixedMap = () =>
  map(readFileSync(MAP, 'utf8').replace('shared-onboarding', 'shared-interprofessional-onboarding'));
const fixedSheet = () => sheet(readFileSync(SHEET, 'utf8').replace(/,high(\r?\n)/, ',explicit$1'));

function plan(sources: SourceFile[], m: ForeignMap = map(), wb = sheet()) {
  const clean = checkSources(sources, { today: TODAY });
  expect(clean.errors).toBe(0);
  return planForeign(sources, clean.content, wb, m, { today: TODAY });
}

describe('foreign-layout import: the committee table (44 rows, 10 bodies)', () => {
  const p = plan(readContentDir(CONTENT));

  it('lists every row with its fate, as in the expected plan', () => {
    expect(p.rows).toHaveLength(44);
    expect(`${renderForeignPlan(p, { write: false })}\n`).toBe(
      readFileSync(`${DIR}/ipe-crosswalk.expected.txt`, 'utf8'),
    );
    expect(p.counts).toEqual({ new: 19, matched: 4, conflict: 3, skipped: 18 });
  });

  it('refuses to write anything while a row is in conflict', () => {
    expect(p.errors).toHaveLength(3);
    expect(p.files).toEqual([]);
  });

  it('never gives the pastoral-education ACPE rows to the pharmacy ACPE, nor offers its codes', () => {
    const pastoral = p.rows.filter((r) => [15, 16, 17, 18, 19, 20].includes(r.row));
    for (const r of pastoral) {
      expect(r.fate).toBe('skipped');
      expect(r.standard).toBeUndefined();
      expect(r.why).not.toMatch(/\b(20\.3|20\.4|10\.8|10\.15|11\.1)\b/);
    }
    expect(pastoral.map((r) => r.candidates)).toEqual([['acpe'], ['acpe'], ['acpe'], ['acpe'], [], ['acpe']]);
    expect(p.rows.find((r) => r.row === 18)!.why).toContain('profession "Chaplaincy" is not acpe\'s (pharmacy)');
  });

  it('matches existing codes however the sheet writes them, and suggests near misses only within the edition', () => {
    expect(p.rows.find((r) => r.row === 6)).toMatchObject({ fate: 'new', standard: 'acpe-standards-2016/11-2' });
    expect(p.rows.find((r) => r.row === 6)!.why).toContain('written "11-2" in the sheet');
    expect(p.rows.find((r) => r.row === 8)!.why).toContain('close to 11.1 of the same edition');
    // LCME 1.4 is as near to ACPE 11.4-like codes as to anything, but only LCME codes are looked at.
    expect(
      p.rows
        .filter((r) => r.standard?.startsWith('lcme'))
        .map((r) => r.why)
        .join('\n'),
    ).not.toContain('close to');
  });

  it('writes proposals all together, and a second import of the same sheet changes nothing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ipcle-foreign-'));
    cpSync(CONTENT, dir, { recursive: true });
    const ok = plan(readContentDir(dir), fixedMap(), fixedSheet());
    expect(ok.errors).toEqual([]);
    expect(ok.files.filter((f) => f.before === null)).toHaveLength(16);
    writeTogether(ok.files.map((f) => ({ path: f.file, data: f.after, before: f.before })));
    const written = readFileSync(join(dir, 'standards/acpe-standards-2016/11-3.md'), 'utf8');
    expect(written).toContain('verification: secondary');
    expect(written).toContain(
      'the third-party sheet \\"ipe-crosswalk.csv\\", row 5 (the sheet is not online, so there is no readUrl)',
    );
    expect(written).not.toContain('readUrl:');
    expect(written).not.toContain('title:');
    const again = plan(readContentDir(dir), fixedMap(), fixedSheet());
    expect(again.counts.new).toBe(0);
    expect(again.files).toEqual([]);
    expect(renderForeignPlan(again, { write: false })).toContain('no changes');
  });

  it('gives readUrl only when the map names where the sheet is online', () => {
    const online = fixedMap();
    online.sheetUrl = 'https://example.org/committee/ipe-crosswalk.xlsx';
    const ok = plan(readContentDir(CONTENT), online, fixedSheet());
    const text = ok.files.find((f) => f.file.endsWith('11-3.md'))!.after;
    expect(text).toContain('readUrl: "https://example.org/committee/ipe-crosswalk.xlsx"');
    expect(text).toContain(`readDate: "${TODAY}"`);
  });

  it('leaves nothing behind when one file of the import cannot be written', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ipcle-foreign-'));
    cpSync(CONTENT, dir, { recursive: true });
    const ok = plan(readContentDir(dir), fixedMap(), fixedSheet());
    const last = ok.files.at(-1)!.file;
    const ops: WriteOps = {
      write: writeFileSync,
      rename: (from, to) => {
        if (to === last) throw Object.assign(new Error('refused'), { code: 'EACCES' });
        renameSync(from, to);
      },
    };
    expect(() =>
      writeTogether(
        ok.files.map((f) => ({ path: f.file, data: f.after, before: f.before })),
        ops,
      ),
    ).toThrow(WriteTogetherError);
    for (const f of ok.files)
      if (f.before === null) expect(existsSync(f.file), f.file).toBe(false);
      else expect(readFileSync(f.file, 'utf8')).toBe(f.before);
  });
});

describe('a foreign workbook', () => {
  it('is read from the sheet the map names, with the same fates as the CSV', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Read me').addRow(['Our committee crosswalk, 2025']);
    const ws = wb.addWorksheet('IPE excerpts');
    for (const row of sheet().sheets[0]!.rows) ws.addRow(row.map((c) => (c.text === '' ? null : c.text)));
    const xlsx = await readXlsx(new Uint8Array(await wb.xlsx.writeBuffer()), ExcelJS, 'committee.xlsx');
    expect(isForeignWorkbook(xlsx)).toBe(true);
    const m = map(`sheet: "IPE excerpts"\n${readFileSync(MAP, 'utf8')}`);
    const fromXlsx = plan(readContentDir(CONTENT), m, xlsx);
    const fromCsv = plan(readContentDir(CONTENT));
    expect(fromXlsx.sheet).toBe('IPE excerpts');
    expect(fromXlsx.rows.map((r) => [r.row, r.fate, r.standard])).toEqual(
      fromCsv.rows.map((r) => [r.row, r.fate, r.standard]),
    );
    expect(() => plan(readContentDir(CONTENT), map(`sheet: "Excerpts"\n${readFileSync(MAP, 'utf8')}`), xlsx)).toThrow(
      /no sheet "Excerpts"; sheets: Read me, IPE excerpts/,
    );
  });
});

describe('which body a row means', () => {
  const content = checkSources(readContentDir(CONTENT)).content;
  const none = map('columns: {body: B, code: C}\n');
  it('a full name or alias decides; an abbreviation only when nothing in the row disagrees', () => {
    expect(matchBody('Accreditation Council for Pharmacy Education', 'Chaplaincy', content, none)).toMatchObject({
      kind: 'matched',
      id: 'acpe',
    });
    expect(matchBody('American Council on Pharmaceutical Education', undefined, content, none)).toMatchObject({
      kind: 'matched',
      id: 'acpe',
    });
    expect(matchBody('ACPE', 'Pharmacy', content, none)).toMatchObject({ kind: 'matched', id: 'acpe' });
    expect(matchBody('ACPE', 'Chaplaincy', content, none)).toMatchObject({ kind: 'declined', candidates: ['acpe'] });
    expect(matchBody('ACPE (Association for Clinical Pastoral Education)', undefined, content, none)).toMatchObject({
      kind: 'declined',
    });
  });
  it('two bodies with one abbreviation are ambiguous until the profession tells them apart', () => {
    const pastoral = `---\nname: "Association of Fictional Pastoral Education"\nabbreviation: "ACPE"\nlabel: "ACPE (pastoral)"\nkind: academic-accreditor\nprofessions: [nursing]\ncountry: US\nurl: "https://example.org/pastoral"\neditorialStatus: "Fixture."\n---\nFixture.\n`;
    const sources = [
      ...readContentDir(CONTENT),
      {
        path: `${CONTENT}/accreditors/acpe-pastoral.md`,
        segments: ['accreditors', 'acpe-pastoral.md'],
        bytes: new TextEncoder().encode(pastoral),
      },
    ];
    const two = checkSources(sources).content;
    expect(matchBody('ACPE', undefined, two, none)).toMatchObject({
      kind: 'ambiguous',
      candidates: ['acpe', 'acpe-pastoral'],
    });
    expect(matchBody('ACPE', 'Nursing', two, none)).toMatchObject({ kind: 'matched', id: 'acpe-pastoral' });
    // The document's title tells them apart too, when it is an edition's title.
    const title = 'Accreditation Standards and Key Elements for the Professional Program in Pharmacy';
    expect(matchBody('ACPE', undefined, two, none, title)).toMatchObject({ kind: 'matched', id: 'acpe' });
    expect(matchBody('ACPE', undefined, two, none, 'Standards and Manuals')).toMatchObject({ kind: 'ambiguous' });
  });
});

describe('codes as sheets write them', () => {
  it('reads two-level codes as the code and its parent', () => {
    expect(parseCode('Standard 312, Outcome 312.5')).toEqual({ code: '312.5', parent: '312', level: 'outcome' });
    expect(parseCode('Key Element 11.3')).toEqual({ code: '11.3', level: 'element' });
    expect(parseCode('IV.B.1.d)')).toEqual({ code: 'IV.B.1.d)' });
    expect(parseCode('Standard V, Quality Indicator V-C')).toEqual({ code: 'V-C', parent: 'V' });
    expect(parseCode('Domain 6, Competency 6.1')).toEqual({ code: '6.1', parent: '6', level: 'competency' });
    expect(parseCode('  ')).toBeUndefined();
  });
  it('treats spellings as the same code, and siblings as different', () => {
    expect(canonicalCode('11-02')).toBe(canonicalCode('11.2'));
    expect(nearCode('11-2', ['11.1', '11.2'])).toEqual({ code: '11.2', same: true });
    expect(nearCode('11.4', ['11.1', '11.2'])).toBeUndefined();
    expect(nearCode('1.1', ['11.1'])).toEqual({ code: '11.1', same: false });
  });
});

describe('the column map', () => {
  it('recognises a sheet that is not our export', () => {
    expect(isForeignWorkbook(sheet())).toBe(true);
    expect(isForeignWorkbook(csvWorkbook('x', [{ path: 'mappings.csv', text: 'a\n' }]))).toBe(false);
  });
  it('writes a starter from the sheet headers that parses once its defaults are filled in', () => {
    const text = starterMap(sheet());
    expect(text).toContain('  body: "Accrediting body"');
    expect(text).toContain('  code: "Standard / outcome"');
    expect(text).toContain('  characteristic: "IP-CLE characteristic"');
    expect(text).toContain('  sourceLink: "Link"');
    expect(text).toContain('  notes: "Committee notes"');
    expect(parseForeignMap(text, 'starter.yaml').columns.body).toBe('Accrediting body');
  });
  it('says which key is wrong and which headers the sheet has', () => {
    expect(() => parseForeignMap('columns: {body: B}\n', 'm.yaml')).toThrow(
      /columns.body` and `columns.code` are required/,
    );
    expect(() => parseForeignMap('columns: {body: B, code: C}\ndefaults: {strength: strong}\n', 'm.yaml')).toThrow(
      /m.yaml: `defaults.strength`/,
    );
    const wrong = map(readFileSync(MAP, 'utf8').replace('"Standard / outcome"', '"Code"'));
    expect(() => plan(readContentDir(CONTENT), wrong)).toThrow(MapError);
    expect(() => plan(readContentDir(CONTENT), wrong)).toThrow(
      /no such header; its headers: "Profession", "Accrediting body"/,
    );
  });
});
