import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { SCHEMAS, type EntityKind } from '../../src/schemas/index.ts';
import { mappingReviewSchema } from '../../src/schemas/mapping.ts';
import { checkSources } from '../../src/lib/check/index.ts';
import { loadFiles, type SourceFile } from '../../src/lib/content.ts';
import { readContentDir } from '../../src/lib/node/content-dir.ts';
import { fieldRows } from '../../src/lib/field-reference.ts';
import { readExceptions } from '../../src/lib/node/exceptions.ts';
import { decodeCell, encodeCell, normalize, rowHash, sameValue, type Codec } from '../../src/lib/spreadsheet/cells.ts';
import { SHEETS, sheetColumns, sheetForCsvName, sheetForHeader, sheetSpec } from '../../src/lib/spreadsheet/columns.ts';
import {
  exportJson,
  exportTables,
  headerOf,
  renderCsvFiles,
  renderWorkbook,
} from '../../src/lib/spreadsheet/export.ts';
import { planImport, renderPlan, type ImportPlan } from '../../src/lib/spreadsheet/import.ts';
import { csvWorkbook, readXlsx } from '../../src/lib/spreadsheet/read.ts';
import { editFrontmatter } from '../../src/lib/frontmatter-edit.ts';
import { todayIso } from '../../src/lib/dates.ts';
import { FIXTURES, TODAY } from '../helpers.ts';

/** A scratch repository folder holding a copy of the fixture content under content/. */
function scratch(from = FIXTURES): { dir: string; sources: () => SourceFile[] } {
  const dir = mkdtempSync(join(tmpdir(), 'ipcle-sheet-'));
  cpSync(from, join(dir, 'content'), { recursive: true });
  return { dir, sources: () => readContentDir(join(dir, 'content'), dir) };
}

async function exportXlsx(sources: SourceFile[]): Promise<Uint8Array> {
  return renderWorkbook(exportTables(loadFiles(sources)), ExcelJS, '2026-11-25+test');
}

/** Change cells of an exported workbook as Excel would, and return the saved bytes. */
async function editXlsx(bytes: Uint8Array, edit: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  edit(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** The 1-based row number of a key on a sheet, and a column's number by header. */
function find(ws: ExcelJS.Worksheet, key: string): number {
  const keyCol = colNo(ws, '_key');
  for (let r = 2; r <= ws.rowCount; r++) if (ws.getRow(r).getCell(keyCol).value === key) return r;
  throw new Error(`no row for ${key}`);
}
function colNo(ws: ExcelJS.Worksheet, header: string): number {
  const values = ws.getRow(1).values as unknown[];
  const i = values.indexOf(header);
  if (i < 1) throw new Error(`no column ${header}`);
  return i;
}
function setCell(wb: ExcelJS.Workbook, sheet: string, key: string, header: string, value: ExcelJS.CellValue) {
  const ws = wb.getWorksheet(sheet)!;
  ws.getRow(find(ws, key)).getCell(colNo(ws, header)).value = value;
}

async function plan(sources: SourceFile[], bytes: Uint8Array): Promise<ImportPlan> {
  return planImport(sources, await readXlsx(bytes, ExcelJS, 'edited.xlsx'), { today: TODAY });
}

function apply(dir: string, p: ImportPlan) {
  for (const f of p.files) writeFileSync(join(dir, f.file), f.after);
}

function changedLines(before: string, after: string): { removed: string[]; added: string[] } {
  const a = before.split('\n');
  const b = after.split('\n');
  return { removed: a.filter((l) => !b.includes(l)), added: b.filter((l) => !a.includes(l)) };
}

describe('spreadsheet model', () => {
  it('has a column for every field of every schema, so no field is left out of the round trip', () => {
    const sheetOf: Record<Exclude<EntityKind, 'recommendation'>, string> = {
      characteristic: 'Characteristics',
      accreditor: 'Accreditors',
      edition: 'Editions',
      standard: 'Standards',
      initiative: 'Initiatives',
    };
    for (const [kind, schema] of Object.entries(SCHEMAS) as [EntityKind, (typeof SCHEMAS)[EntityKind]][]) {
      if (kind === 'recommendation') continue; // not in the round trip: its dated history is edited in files
      const headers = SHEETS.find((s) => s.name === sheetOf[kind])!.columns.map((c) => c.header);
      const leaves = fieldRows(schema).filter((r) => !r.field.includes('[]') && !/^evidence$/.test(r.field));
      for (const r of leaves) {
        if (kind === 'standard' && r.field === 'mappings') continue;
        expect(headers, `${kind}.${r.field}`).toContain(r.field);
      }
      expect(headers).toEqual(expect.arrayContaining(['id', 'body', '_key', '_hash']));
    }
    const mappingHeaders = SHEETS[0]!.columns.map((c) => c.header);
    expect(mappingHeaders).toEqual(
      expect.arrayContaining(['standard', 'edition', 'code', 'title', 'characteristic', 'strength', 'rationale']),
    );
    expect(mappingHeaders).toEqual(
      expect.arrayContaining(['quote', 'reviews', 'verification', 'bindingness', 'sourceUrl']),
    );
    // The reviews are rows of the Reviews sheet, not a YAML cell of the Mappings sheet.
    expect(sheetColumns(SHEETS[0]!).map((c) => c.header)).not.toContain('reviews');
    expect(sheetColumns(sheetSpec('Reviews')).map((c) => c.header)).toEqual([
      'standard',
      'characteristic',
      ...Object.keys(mappingReviewSchema.shape),
    ]);
  });

  it('every codec round-trips, including values that cannot be split naively', () => {
    const cases: [Codec, unknown][] = [
      ['text', 'A code "7.10" with: colons # and quotes'],
      ['text', undefined],
      ['number', 2021],
      ['lines', ['First indicator, with a comma', 'Second; with a semicolon']],
      ['lines', ['[starts with a bracket', 'b']],
      ['lines', ['has\nnewline']],
      ['lines', []],
      ['ids', ['nursing', 'pharmacy']],
      ['yaml', [{ reviewer: 'A: B', profession: 'nursing', date: '2025-02-01', verdict: 'agree' }]],
      ['yaml', [{ title: 'T', year: 2020, url: 'https://example.org', says: 'x' }]],
      ['yaml', []],
    ];
    for (const [codec, value] of cases) {
      const text = encodeCell(codec, value);
      expect(sameValue(decodeCell(codec, text), value), `${codec} ${JSON.stringify(value)} -> ${text}`).toBe(true);
    }
    expect(decodeCell('ids', 'nursing, pharmacy;dentistry')).toEqual(['nursing', 'pharmacy', 'dentistry']);
    expect(decodeCell('lines', 'one, two\r\nthree')).toEqual(['one, two', 'three']);
    expect(() => decodeCell('yaml', '- a: [unclosed')).toThrow(/not readable YAML/);
    expect(() => decodeCell('lines', '[not json')).toThrow(/JSON/);
    expect(normalize({ b: ' x\r\n', a: undefined })).toEqual({ b: 'x' });
    expect(rowHash(['a', ['b']])).toBe(rowHash([' a ', ['b']]));
    expect(rowHash(['a'])).not.toBe(rowHash(['b']));
  });

  it('names CSV files and headers after their sheet', () => {
    expect(sheetForCsvName('exports/Mappings (2).csv')?.name).toBe('Mappings');
    expect(sheetForCsvName('characteristics.csv')?.name).toBe('Characteristics');
    expect(sheetForCsvName('notes.csv')).toBeUndefined();
    const header = sheetSpec('Standards')
      .columns.map((c) => c.header)
      .reverse();
    expect(sheetForHeader(header)?.name).toBe('Standards');
    expect(sheetForCsvName('mapping-reviews.csv')?.name).toBe('Reviews');
    expect(sheetForHeader(headerOf(sheetSpec('Reviews')))?.name).toBe('Reviews');
    expect(sheetForHeader(headerOf(sheetSpec('Mappings')))?.name).toBe('Mappings');
  });
});

describe('export', () => {
  it('writes one Mappings row per mapping, with the standard beside it, and one row per entity', () => {
    const content = loadFiles(readContentDir(FIXTURES));
    const tables = exportTables(content);
    const rows = (name: string) => tables.find((t) => t.spec.name === name)!;
    const mappings = rows('Mappings');
    expect(mappings.rows).toHaveLength(content.standards.reduce((n, s) => n + s.data.mappings.length, 0));
    const header = headerOf(mappings.spec);
    const b2 = mappings.rows.find((r) => r[header.indexOf('_key')] === 'beta-2024/b-2#teams-and-teamwork')!;
    const at = (h: string) => b2[header.indexOf(h)];
    expect([at('standard'), at('edition'), at('code'), at('title'), at('strength')]).toEqual([
      'beta-2024/b-2',
      'beta-2024',
      'B-2',
      'Team Practice',
      'implicit',
    ]);
    expect(header).not.toContain('reviews');
    // One row per review, naming its mapping by standard and characteristic.
    const reviews = rows('Reviews');
    const rh = headerOf(reviews.spec);
    const b2Reviews = reviews.rows.filter((r) => r[0] === 'beta-2024/b-2' && r[1] === 'teams-and-teamwork');
    expect(b2Reviews.map((r) => r[rh.indexOf('verdict')])).toContain('dissent');
    expect(reviews.rows).toHaveLength(
      content.standards.reduce((n, s) => n + s.data.mappings.reduce((k, m) => k + m.reviews.length, 0), 0),
    );
    for (const r of reviews.rows) expect(r[rh.indexOf('date')]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(rows('Standards').rows).toHaveLength(content.standards.length);
    expect(rows('Characteristics').rows).toHaveLength(content.characteristics.length);
    // Stubs are not entities: they are not exported as rows.
    expect(rows('Characteristics').rows.map((r) => r[0])).not.toContain('team-work');
    const csv = renderCsvFiles(tables).get('mappings.csv')!;
    expect(csv.startsWith('\uFEFFstandard,edition,code,')).toBe(true);
    const json = JSON.parse(exportJson(content, 'v-test'));
    expect(json.version).toBe('v-test');
    // the whole Markdown body travels, sourcing notes included, so the round trip loses nothing
    expect(json.standards.find((s: { id: string }) => s.id === 'gamma-2025/g-3').body).toBe(
      'Fixture summary of G 3.\n\n## Sourcing notes\n\nFixture sourcing note.',
    );
    expect(json.redirects).toEqual([
      {
        kind: 'characteristic',
        id: 'team-work',
        replacedBy: 'teams-and-teamwork',
        reason: 'Merged into the IPEC-aligned name.',
      },
    ]);
  });

  it('keeps text that looks like a number as text in the workbook', async () => {
    const bytes = await exportXlsx(readContentDir(FIXTURES));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Editions')!;
    expect(ws.getRow(find(ws, 'beta-2024')).getCell(colNo(ws, 'edition')).value).toBe('2024');
    expect(ws.getColumn(colNo(ws, '_hash')).hidden).toBe(true);
    expect(wb.worksheets.map((w) => w.name)).toEqual([...SHEETS.map((s) => s.name), 'About', 'Lists']);
  });
});

describe('round trip', () => {
  it('export → import without edits changes no byte (XLSX and CSV)', async () => {
    const { dir, sources } = scratch();
    const before = sources();
    const xlsx = await plan(before, await exportXlsx(before));
    expect(xlsx.diagnostics).toEqual([]);
    expect(xlsx.files).toEqual([]);
    expect(renderPlan(xlsx, { write: false })).toContain('no changes');
    const csvFiles = [...renderCsvFiles(exportTables(loadFiles(before)))].map(([name, text]) => ({ path: name, text }));
    const csv = planImport(before, csvWorkbook(dir, csvFiles), { today: TODAY });
    expect(csv.diagnostics).toEqual([]);
    expect(csv.files).toEqual([]);
    expect(csv.counts.find((c) => c.sheet === 'Mappings')).toMatchObject({ rows: 7, unchanged: 7 });
  });

  it('round-trips the real content too', async () => {
    const sources = readContentDir('content');
    const exceptions = readExceptions('content');
    // Real content carries real review dates: check it against the real today, not the fixtures' date.
    const p = planImport(sources, await readXlsx(await exportXlsx(sources), ExcelJS, 'real.xlsx'), {
      today: todayIso(),
      ...(exceptions && { exceptions }),
    });
    expect(p.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(p.files).toEqual([]);
  });

  it('an edited rationale changes that one line and nothing else', async () => {
    const { dir, sources } = scratch();
    const before = sources();
    const edited = await editXlsx(await exportXlsx(before), (wb) =>
      setCell(
        wb,
        'Mappings',
        'alpha-2020/a-1#psychological-safety',
        'rationale',
        'The standard requires a climate in which learners of every profession raise concerns without fear.',
      ),
    );
    const p = await plan(before, edited);
    expect(p.errors).toBe(0);
    expect(p.files.map((f) => f.file)).toEqual(['content/standards/alpha-2020/a-1.md']);
    const f = p.files[0]!;
    expect(f.exact).toBe(true);
    expect(f.changes).toMatchObject([{ sheet: 'Mappings', field: 'mappings[0].rationale', change: 'changed' }]);
    expect(changedLines(f.before, f.after)).toEqual({
      removed: [
        '    rationale: "The fixture standard requires a climate where learners can raise concerns without fear."',
      ],
      added: [
        '    rationale: "The standard requires a climate in which learners of every profession raise concerns without fear."',
      ],
    });
    expect(renderPlan(p, { write: false })).toMatch(
      /~ mappings\[0\]\.rationale: .* → .*\[Mappings!J\d+\][\s\S]*would change 1 file\(s\) \(1 change\(s\)\); run again with --write/,
    );
    // Nothing is written by planning.
    expect(readFileSync(join(dir, f.file), 'utf8')).toBe(f.before);
    apply(dir, p);
    expect(checkSources(sources(), { today: TODAY }).errors).toBe(0);
    // Exporting again and importing gives no further change.
    const again = await plan(sources(), await exportXlsx(sources()));
    expect(again.files).toEqual([]);
  });

  it('applies edits to lists, nested fields, review entries and bodies in place, and adds a new mapping', async () => {
    const { dir, sources } = scratch();
    const before = sources();
    const edited = await editXlsx(await exportXlsx(before), (wb) => {
      setCell(wb, 'Characteristics', 'psychological-safety', 'evidence.strength', 'moderate');
      setCell(
        wb,
        'Characteristics',
        'psychological-safety',
        'indicators',
        'An observable fixture indicator for Psychological safety.\nLearners report near misses.',
      );
      setCell(wb, 'Accreditors', 'alpha-council', 'professions', 'nursing, midwifery');
      setCell(wb, 'Standards', 'alpha-2020/a-2', 'body', 'A new summary of A-2, in our own words.');
      setCell(wb, 'Standards', 'gamma-2025/g-3', 'title', 'Team Training');
      // Gamma publishes no headings for criteria (untitledLevels), so a titled G 3 must be a standard.
      setCell(wb, 'Standards', 'gamma-2025/g-3', 'level', 'standard');
      // A review is a row of its own on the Reviews sheet.
      const rv = wb.getWorksheet('Reviews')!;
      const review = rv.addRow([]);
      for (const [h, v] of Object.entries({
        standard: 'beta-2024/b-2',
        characteristic: 'interprofessional-learning-experiences',
        reviewer: 'Reviewer Three (fixture)',
        profession: 'nursing',
        date: '2025-03-01',
        verdict: 'agree',
      }))
        review.getCell(colNo(rv, h)).value = v;
      const ws = wb.getWorksheet('Mappings')!;
      const row = ws.addRow([]);
      row.getCell(colNo(ws, 'standard')).value = 'gamma-2025/g-3';
      row.getCell(colNo(ws, 'characteristic')).value = 'psychological-safety';
      row.getCell(colNo(ws, 'strength')).value = 'implicit';
      row.getCell(colNo(ws, 'rationale')).value =
        'Team training records for clinical staff could serve as evidence of a climate for speaking up.';
    });
    const p = await plan(before, edited);
    expect(p.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const byFile = Object.fromEntries(p.files.map((f) => [f.file.replace('content/', ''), f]));
    expect(Object.keys(byFile).sort()).toEqual([
      'accreditors/alpha-council.md',
      'characteristics/psychological-safety.md',
      'standards/alpha-2020/a-2.md',
      'standards/beta-2024/b-2.md',
      'standards/gamma-2025/g-3.md',
    ]);
    expect(
      changedLines(byFile['accreditors/alpha-council.md']!.before, byFile['accreditors/alpha-council.md']!.after),
    ).toEqual({ removed: ['professions: [nursing]'], added: ['professions: [nursing, midwifery]'] });
    expect(byFile['characteristics/psychological-safety.md']!.after).toContain(
      'indicators:\n  - "An observable fixture indicator for Psychological safety."\n  - "Learners report near misses."\n',
    );
    expect(byFile['characteristics/psychological-safety.md']!.after).toContain('evidence:\n  strength: moderate\n');
    expect(
      byFile['standards/alpha-2020/a-2.md']!.after.endsWith('---\nA new summary of A-2, in our own words.\n'),
    ).toBe(true);
    const g3 = byFile['standards/gamma-2025/g-3.md']!;
    // The new title lands where the schema puts it (after code), not at the end.
    expect(g3.after).toMatch(/^---\ncode: "G 3"\ntitle: "Team Training"\nlevel: standard\n/);
    expect(g3.after).toContain(
      '  - characteristic: psychological-safety\n    strength: implicit\n    rationale: "Team training records for clinical staff could serve as evidence of a climate for speaking up."\n---\n',
    );
    expect(g3.changes.map((c) => c.change).sort()).toEqual(['added', 'changed', 'new-mapping']);
    expect(byFile['standards/beta-2024/b-2.md']!.after).toContain(
      '  - characteristic: interprofessional-learning-experiences\n    strength: partial\n    rationale: "Team practice placements give some learning with other professions in one setting."\n    reviews:\n      - reviewer: "Reviewer Three (fixture)"\n        profession: nursing\n        date: "2025-03-01"\n        verdict: agree\n---',
    );
    apply(dir, p);
    const after = checkSources(sources(), { today: TODAY });
    expect(after.errors).toBe(0);
    expect(after.content.standards.find((s) => s.id === 'gamma-2025/g-3')!.data.mappings).toHaveLength(2);
    expect((await plan(sources(), await exportXlsx(sources()))).files).toEqual([]);
  });

  it('a title replaced on both the Standards sheet and beside its mappings is one edit, not an error', async () => {
    const { sources } = scratch();
    const before = sources();
    const edited = await editXlsx(await exportXlsx(before), (wb) => {
      setCell(wb, 'Standards', 'beta-2024/b-2', 'title', 'Team-Based Practice');
      setCell(wb, 'Mappings', 'beta-2024/b-2#teams-and-teamwork', 'title', 'Team-Based Practice');
      setCell(wb, 'Mappings', 'beta-2024/b-2#interprofessional-learning-experiences', 'title', 'Team-Based Practice');
    });
    const p = await plan(before, edited);
    expect(p.diagnostics).toEqual([]);
    expect(p.files.map((f) => f.changes.map((c) => `${c.sheet} ${c.field}`))).toEqual([['Standards title']]);
    // Changing it beside a mapping only is refused: the Standards sheet is where it is edited.
    const only = await editXlsx(await exportXlsx(before), (wb) =>
      setCell(wb, 'Mappings', 'beta-2024/b-2#teams-and-teamwork', 'title', 'Team-Based Practice'),
    );
    expect((await plan(before, only)).diagnostics[0]).toMatchObject({ rule: 'import-read-only' });
  });

  it('edits from a CSV folder apply like edits from the workbook', () => {
    const { sources } = scratch();
    const before = sources();
    const files = renderCsvFiles(exportTables(loadFiles(before)));
    const mappings = files.get('mappings.csv')!.replace('speak up without fear', 'speak up without fear of blame');
    const p = planImport(before, csvWorkbook('edits', [{ path: 'edits/mappings.csv', text: mappings }]), {
      today: TODAY,
    });
    expect(p.errors).toBe(0);
    expect(p.files).toHaveLength(1);
    expect(p.files[0]!.changes[0]).toMatchObject({ field: 'mappings[0].quote', to: 'speak up without fear of blame' });
    // A row deleted from the sheet is not a deletion: the mapping is kept, and the dry run says so.
    const fewer = mappings
      .split('\r\n')
      .filter((l) => !l.startsWith('gamma-2025/g-3,'))
      .join('\r\n');
    const q = planImport(before, csvWorkbook('edits', [{ path: 'mappings.csv', text: fewer }]), { today: TODAY });
    expect(q.files.map((f) => f.file)).toEqual(['content/standards/alpha-2020/a-1.md']);
    expect(q.notes).toContain(
      'Mappings: 1 mapping(s) in the files have no row in the sheet and are kept (import never deletes; to remove one, edit its file)',
    );
  });
});

describe('conflicts', () => {
  it('a row edited in the sheet whose file also changed since the export is a conflict, not a guess', async () => {
    const { dir, sources } = scratch();
    const exported = await exportXlsx(sources());
    const file = join(dir, 'content/standards/alpha-2020/a-1.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('strength: explicit', 'strength: partial'));
    const edited = await editXlsx(exported, (wb) =>
      setCell(
        wb,
        'Mappings',
        'alpha-2020/a-1#psychological-safety',
        'rationale',
        'A different rationale of enough words here.',
      ),
    );
    const p = await plan(sources(), edited);
    expect(p.files).toEqual([]);
    expect(p.errors).toBe(1);
    expect(p.diagnostics[0]).toMatchObject({ rule: 'import-conflict', file: 'edited.xlsx', column: 9 });
    expect(p.diagnostics[0]!.path).toMatch(/^Mappings!I\d+ \(strength\)$/);
    expect(p.diagnostics[0]!.found).toContain('strength: sheet "explicit", files "partial"');
    expect(p.diagnostics[0]!.fix).toContain('export again');
  });

  it('a row not edited in the sheet keeps the files’ newer version', async () => {
    const { dir, sources } = scratch();
    const exported = await exportXlsx(sources());
    const file = join(dir, 'content/standards/alpha-2020/a-1.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('strength: explicit', 'strength: partial'));
    const p = await plan(sources(), exported);
    expect(p.errors).toBe(0);
    expect(p.files).toEqual([]);
    expect(p.counts.find((c) => c.sheet === 'Mappings')).toMatchObject({ outdated: 1, edited: 0 });
    expect(renderPlan(p, { write: false })).toContain('1 out of date: files kept');
  });

  it('the same edit made in both places is no change and no conflict', async () => {
    const { dir, sources } = scratch();
    const exported = await exportXlsx(sources());
    const file = join(dir, 'content/standards/alpha-2020/a-1.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('strength: explicit', 'strength: partial'));
    const edited = await editXlsx(exported, (wb) =>
      setCell(wb, 'Mappings', 'alpha-2020/a-1#psychological-safety', 'strength', 'partial'),
    );
    const p = await plan(sources(), edited);
    expect(p.errors).toBe(0);
    expect(p.files).toEqual([]);
  });
});

describe('yaml edits', () => {
  it('keep comments, quoting and list style of untouched fields', () => {
    const fm = '# a comment\ncode: "A-1"\nlevel: standard\nprofessions:\n- nursing\nmappings: []\n';
    const r = editFrontmatter(fm, [{ op: 'set', path: ['level'], value: 'element' }]);
    expect(r).toEqual({ text: fm.replace('level: standard', 'level: element'), exact: true });
    const q = editFrontmatter('title: plain\n', [{ op: 'set', path: ['title'], value: 'Has: a colon' }]);
    expect(q.text).toBe('title: "Has: a colon"\n');
    const a = editFrontmatter(fm, [
      { op: 'append', path: ['mappings'], value: { characteristic: 'x', strength: 'explicit', rationale: 'Why.' } },
    ]);
    expect(a.text).toContain('mappings:\n- characteristic: x\n  strength: explicit\n  rationale: "Why."\n');
  });
});

describe('npm run export / import', () => {
  const run = (script: string, args: string[], cwd: string) =>
    spawnSync(process.execPath, [join(process.cwd(), 'scripts', `${script}.ts`), ...args], {
      cwd,
      encoding: 'utf8',
      env: { ...process.env, CROSSWALK_DATA_VERSION: 'fixture' },
    });

  it('export writes XLSX, CSV, JSON and schema; import is a dry run until --write', async () => {
    const { dir } = scratch();
    const out = join(dir, 'out');
    const ok = run('export', ['--content', join(dir, 'content'), '--out', out, '--format', 'xlsx,csv,json'], dir);
    expect(ok.stderr).toBe('');
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(/^exported data version fixture to .*: 7 mappings, 6 standards, 4 characteristics/);
    expect(readdirSync(join(out, 'csv')).sort()).toEqual([
      'accreditors.csv',
      'characteristics.csv',
      'editions.csv',
      'initiatives.csv',
      'mapping-reviews.csv',
      'mappings.csv',
      'standards.csv',
    ]);
    expect(run('export', ['--content', join(dir, 'content'), '--out', out], dir).status).toBe(2);
    const xlsx = join(out, 'ipcle-crosswalk.xlsx');
    const same = run('import', [xlsx, '--content', 'content'], dir);
    expect(same.status).toBe(0);
    expect(same.stdout).toContain('no changes: the files already match the sheet');

    const file = join(dir, 'content/standards/beta-2024/b-2.md');
    const original = readFileSync(file, 'utf8');
    const edited = await editXlsx(readFileSync(xlsx), (wb) =>
      // An unreviewed mapping: a reviewed one would also lose its reviews (tests/unit/import-reviews.test.ts).
      setCell(wb, 'Mappings', 'beta-2024/b-2#interprofessional-learning-experiences', 'strength', 'explicit'),
    );
    writeFileSync(join(dir, 'edited.xlsx'), edited);
    const dry = run('import', ['edited.xlsx'], dir);
    expect(dry.status).toBe(0);
    expect(dry.stdout).toContain(
      'content/standards/beta-2024/b-2.md\n  ~ mappings[1].strength: "partial" → "explicit"',
    );
    expect(readFileSync(file, 'utf8')).toBe(original);
    const wet = run('import', ['edited.xlsx', '--write'], dir);
    expect(wet.status).toBe(0);
    expect(wet.stdout).toContain('wrote 1 file(s) (1 change(s))');
    expect(readFileSync(file, 'utf8')).toBe(original.replace('strength: partial', 'strength: explicit'));
    expect(run('import', ['missing.xlsx'], dir).status).toBe(2);
    expect(run('import', [], dir).status).toBe(2);
  });

  it('writes to exports/ by default, outside the dist/ folder a build empties, from any working folder', () => {
    const { dir } = scratch();
    const r = run('export', ['--content', 'content'], dir);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('to exports/');
    expect(readdirSync(join(dir, 'exports')).sort()).toEqual([
      'csv',
      'datapackage.json',
      'ipcle-crosswalk.json',
      'ipcle-crosswalk.sssom.tsv',
      'ipcle-crosswalk.xlsx',
      'schema',
    ]);
    expect(readdirSync(join(dir, 'exports/schema'))).toContain('standard.schema.json');
    expect(existsSync(join(dir, 'dist'))).toBe(false);
    expect(readFileSync('.gitignore', 'utf8').split('\n')).toContain('exports/');
  });
});
