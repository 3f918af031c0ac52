import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, symlinkSync, writeFileSync, ftruncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { loadFiles } from '../../src/lib/content.ts';
import { readContentDir } from '../../src/lib/node/content-dir.ts';
import { InputError, readRegularFile } from '../../src/lib/node/read-bounded.ts';
import { exportTables, renderCsvFiles, renderWorkbook } from '../../src/lib/spreadsheet/export.ts';
import { planImport, type ImportPlan } from '../../src/lib/spreadsheet/import.ts';
import { suggest } from '../../src/lib/spreadsheet/import/context.ts';
import { IMPORT_LIMITS } from '../../src/lib/spreadsheet/limits.ts';
import { csvWorkbook, parseCsv, readXlsx, ReadError } from '../../src/lib/spreadsheet/read.ts';
import { FIXTURES, TODAY } from '../helpers.ts';
import { runMain } from '../run-main.ts';
import { main as importMain } from '../../scripts/import.ts';

const sources = () => readContentDir(FIXTURES);
const mappingsCsv = () => renderCsvFiles(exportTables(loadFiles(sources()))).get('mappings.csv')!;
const importCsv = (text: string): ImportPlan =>
  planImport(sources(), csvWorkbook('hostile', [{ path: 'mappings.csv', text }]), { today: TODAY });
const inflateRaw = (data: Uint8Array, max: number) => inflateRawSync(data, { maxOutputLength: Math.max(1, max) });
const scratch = () => mkdtempSync(join(tmpdir(), 'ipcle-limits-'));

/** The zip's central-directory records (offset, name), read the way any zip reader does. */
function centralRecords(zip: Uint8Array): { at: number; name: string; local: number }[] {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let end = zip.length - 22;
  while (view.getUint32(end, true) !== 0x06054b50) end--;
  const out = [];
  let p = view.getUint32(end + 16, true);
  for (let k = 0; k < view.getUint16(end + 10, true); k++) {
    const n = view.getUint16(p + 28, true);
    const name = new TextDecoder().decode(zip.subarray(p + 46, p + 46 + n));
    out.push({ at: p, name, local: view.getUint32(p + 42, true) });
    p += 46 + n + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
  }
  return out;
}

let exported: Uint8Array | undefined;
async function workbookBytes(): Promise<Uint8Array> {
  exported ??= await renderWorkbook(exportTables(loadFiles(sources())), ExcelJS, 'test');
  return exported.slice();
}

/** The exported workbook with one part's declared (uncompressed) size replaced. */
async function declaring(part: string, size: number): Promise<Uint8Array> {
  const zip = await workbookBytes();
  const rec = centralRecords(zip).find((r) => r.name === part)!;
  new DataView(zip.buffer).setUint32(rec.at + 24, size, true);
  return zip;
}

describe('bounded imports: each limit is a clear, located error', () => {
  it('input size: a file over the limit is refused from its size, without reading it', () => {
    const path = join(scratch(), 'huge.xlsx');
    const fd = openSync(path, 'w');
    ftruncateSync(fd, IMPORT_LIMITS.inputBytes + 1); // sparse: no disk space, no time
    closeSync(fd);
    expect(() => readRegularFile(path, IMPORT_LIMITS.inputBytes)).toThrow(
      /huge\.xlsx is 100\.0 MB; at most 100\.0 MB can be imported at once$/,
    );
  });

  it('non-regular files: a .csv symlinked to /dev/zero, a FIFO and a folder are refused at once', () => {
    const dir = scratch();
    symlinkSync('/dev/zero', join(dir, 'zero.csv'));
    expect(() => readRegularFile(join(dir, 'zero.csv'), 1e6)).toThrow(
      /zero\.csv is a character device, not a regular file/,
    );
    expect(spawnSync('mkfifo', [join(dir, 'pipe.csv')]).status).toBe(0);
    expect(() => readRegularFile(join(dir, 'pipe.csv'), 1e6)).toThrow(/pipe\.csv is a named pipe \(FIFO\)/);
    expect(() => readRegularFile(dir, 1e6)).toThrow(InputError);
    writeFileSync(join(dir, 'ok.csv'), 'a,b\n');
    expect(new TextDecoder().decode(readRegularFile(join(dir, 'ok.csv'), 1e6))).toBe('a,b\n');
  });

  it('inflated size: a part declaring gigabytes is refused before anything is inflated', async () => {
    const bomb = await declaring('xl/worksheets/sheet1.xml', 0xfffffff0);
    const t0 = performance.now();
    await expect(readXlsx(bomb, ExcelJS, 'bomb.xlsx')).rejects.toThrow(
      /^bomb\.xlsx is not a readable XLSX workbook: its parts unpack to more than 400\.0 MB \(at xl\/worksheets\/sheet1\.xml\)/,
    );
    expect(performance.now() - t0).toBeLessThan(1_000);
  });

  it('inflated size: a part that inflates to more than it declares is caught with a bounded inflate', async () => {
    const liar = await declaring('xl/sharedStrings.xml', 10);
    await expect(readXlsx(liar, ExcelJS, 'liar.xlsx', { inflateRaw })).rejects.toThrow(
      /part xl\/sharedStrings\.xml unpacks to more than the 0\.0 MB it declares/,
    );
    // An honest workbook passes the same check.
    expect((await readXlsx(await workbookBytes(), ExcelJS, 'ok.xlsx', { inflateRaw })).sheets.length).toBeGreaterThan(
      5,
    );
  });

  it('a zip that holds no workbook is an error, not an empty import', async () => {
    const zip = await workbookBytes();
    const name = new TextEncoder().encode('xl/workbook.xmk');
    const rec = centralRecords(zip).find((r) => r.name === 'xl/workbook.xml')!;
    zip.set(name, rec.at + 46);
    zip.set(name, rec.local + 30);
    await expect(readXlsx(zip, ExcelJS, 'nothing.xlsx')).rejects.toThrow(
      'nothing.xlsx is not a readable XLSX workbook: it is a zip file but holds no workbook (xl/workbook.xml)',
    );
  });

  it('rows: a CSV with more rows than the limit stops at the first row past it', () => {
    const text = `header\n${'x\n'.repeat(IMPORT_LIMITS.rows + 5)}`;
    expect(() => parseCsv(text, 'Mappings')).toThrow(ReadError);
    expect(() => parseCsv(text, 'Mappings')).toThrow(/^line 100,002: more than 100,000 rows below the header/);
  });

  it('cell length: a cell longer than a spreadsheet cell is refused at its cell', () => {
    const csv = mappingsCsv();
    const long = `A rationale that goes on ${'and on '.repeat(6_000)}`;
    const p = importCsv(csv.replace('Team practice placements give some learning', long));
    expect(p.files).toEqual([]);
    expect(p.diagnostics[0]).toMatchObject({
      rule: 'import-cell',
      message: expect.stringMatching(/^the cell holds 4\d,\d{3} characters$/),
      path: expect.stringMatching(/^Mappings!J\d+ \(rationale\)$/),
    });
    expect(p.diagnostics[0]!.found!.length).toBeLessThan(110);
  });

  it('duplicates: 30,000 copies of one exported row are reported in linear time, each message short', () => {
    const csv = mappingsCsv();
    const row = csv.split('\r\n')[1]!;
    const t0 = performance.now();
    const p = importCsv(`${csv}${`${row}\r\n`.repeat(30_000)}`);
    const ms = performance.now() - t0;
    expect(p.files).toEqual([]);
    const copies = p.diagnostics.filter((d) =>
      d.message.endsWith('were all exported as `alpha-2020/a-1#psychological-safety`'),
    );
    expect(copies).toHaveLength(30_001);
    expect(copies[0]!.message).toMatch(/^rows 2, 9, 10, 11, 12 and 29,996 more were all exported as/);
    expect(ms).toBeLessThan(15_000);
  });

  it('suggestions: 60 unknown IDs against 100,000 candidates take bounded time', () => {
    const ctx = { file: 'x.csv', format: 'csv' as const, diagnostics: [], suggestions: 0 };
    const candidates = Array.from({ length: 100_000 }, (_, i) => `edition-${i % 97}-of-somebody/standard-code-${i}`);
    const t0 = performance.now();
    const found = Array.from({ length: 60 }, (_, i) =>
      suggest(ctx, `edition-${i}-of-somebody/standard-code-x${i}`, candidates),
    );
    const ms = performance.now() - t0;
    expect(found[0]).toMatch(/^did you mean `edition-0-of-somebody\/standard-code-\d+`\?$/);
    expect(found.slice(50)).toEqual(Array(10).fill(undefined));
    expect(ms).toBeLessThan(5_000);
  });

  it('suggestions: a long unknown ID or column name gets no "did you mean" and a short message', () => {
    const csv = mappingsCsv();
    const header = csv.split('\r\n')[0]!;
    const rows = Array.from(
      { length: 60 },
      (_, i) =>
        `alpha-2020/a-1${'-and-more'.repeat(2_000)}${i},,,,,,,psychological-safety,explicit,A rationale with enough words in it,,,,`,
    );
    const p = importCsv(`${header}\r\n${rows.join('\r\n')}\r\n`);
    expect(p.errors).toBe(60);
    for (const d of p.diagnostics)
      expect(d.fix).toBe('add the standard first with `npm run new -- standard`, then map it');
    const wide = importCsv(csv.replace('_hash', `_hash,${'notes-'.repeat(5_000)}`));
    expect(wide.diagnostics[0]).toMatchObject({
      rule: 'import-header',
      message: expect.stringMatching(/^unknown column/),
    });
    expect(wide.diagnostics[0]!.found!.length).toBeLessThan(110);
  });
});

describe('npm run import with hostile files', () => {
  it('exits 1 for a zip without a workbook and 2 for a non-regular file, with one line each', async () => {
    const dir = scratch();
    const zip = await workbookBytes();
    const rec = centralRecords(zip).find((r) => r.name === 'xl/workbook.xml')!;
    zip.set(new TextEncoder().encode('xl/workbook.xmk'), rec.at + 46);
    writeFileSync(join(dir, 'empty.xlsx'), zip);
    symlinkSync('/dev/zero', join(dir, 'zero.csv'));
    const run = (file: string) => runMain(importMain, [file, '--content', join(process.cwd(), FIXTURES)], { cwd: dir });
    const empty = await run('empty.xlsx');
    expect(empty.status).toBe(1);
    expect(empty.stderr).toContain(
      'import: empty.xlsx is not a readable XLSX workbook: it is a zip file but holds no workbook',
    );
    const zero = await run('zero.csv');
    expect(zero.status).toBe(2);
    expect(zero.stderr).toContain('import: zero.csv is a character device, not a regular file');
  });
});
