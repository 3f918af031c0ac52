/**
 * The site build writes its XLSX downloads with exceljs's streaming writer; the browser and the CLI
 * build them in memory. Both must give a reader the same workbook.
 */
import ExcelJS from 'exceljs';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { loadFiles } from '../../src/lib/content.ts';
import { readContentDir } from '../../src/lib/node/content-dir.ts';
import { buildReport } from '../../src/lib/report/build.ts';
import { renderXlsx, writeXlsx } from '../../src/lib/report/xlsx.ts';
import { exportTables, renderWorkbook, writeWorkbook } from '../../src/lib/spreadsheet/export.ts';
import { FIXTURES, loadFixtures, TODAY } from '../helpers.ts';

async function streamed(write: (s: PassThrough) => Promise<void>): Promise<Uint8Array> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise((resolve) => stream.on('end', resolve));
  await write(stream);
  await ended;
  return new Uint8Array(Buffer.concat(chunks));
}

/** What a reader sees: per sheet, its name, frozen panes, autofilter, and each cell's value and fill. */
async function seen(bytes: Uint8Array) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.slice().buffer as ArrayBuffer);
  return wb.worksheets.map((ws) => {
    const cells: unknown[] = [];
    ws.eachRow({ includeEmpty: false }, (row, r) =>
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        const fill = cell.fill?.type === 'pattern' ? (cell.fill.fgColor?.argb ?? '') : '';
        // The streaming writer leaves out cells that hold an empty string; a reader sees blank either way.
        if (cell.value !== '') cells.push([r, c, cell.value, fill, cell.font?.bold ?? false]);
      }),
    );
    const header = (ws.getRow(1).values as unknown[]).map(String);
    // Which columns are hidden (the export's _key and _hash), by header.
    const hidden = header.filter((_h, i) => i > 0 && ws.getColumn(i).hidden);
    return { name: ws.name, views: ws.views, autoFilter: ws.autoFilter, cells, hidden };
  });
}

describe('streamed XLSX downloads equal the in-memory workbooks', () => {
  it('gap report', async () => {
    const { index } = loadFixtures();
    const report = buildReport(
      index,
      { accreditors: [], professions: [], kinds: [], countries: [], characteristics: [], on: TODAY },
      TODAY,
    );
    const memory = await seen(await renderXlsx(report, ExcelJS));
    const stream = await seen(await streamed((s) => writeXlsx(report, ExcelJS, s)));
    expect(memory.map((s) => s.name)).toContain('Detail');
    expect(memory.flatMap((s) => s.cells).length).toBeGreaterThan(100);
    expect(stream).toEqual(memory);
  });
  it('gap report: Node streams into memory, the browser build (no streaming writer) builds a Workbook, same sheets', async () => {
    const { index } = loadFixtures();
    const report = buildReport(
      index,
      { accreditors: [], professions: [], kinds: [], countries: [], characteristics: [], on: TODAY },
      TODAY,
    );
    // What the site's bundle gets from exceljs's browser build: Workbook, no `stream`.
    const browserBuild = { Workbook: ExcelJS.Workbook } as unknown as typeof ExcelJS;
    const node = await renderXlsx(report, ExcelJS);
    // Callers read `.buffer`: it must hold the file and nothing else.
    expect(node.buffer.byteLength).toBe(node.length);
    const memory = await seen(await renderXlsx(report, browserBuild));
    expect(memory.map((s) => s.name)).toContain('About');
    expect(await seen(node)).toEqual(memory);
  });
  it('export workbook', async () => {
    const tables = exportTables(loadFiles(readContentDir(FIXTURES)));
    const memory = await seen(await renderWorkbook(tables, ExcelJS, 'test'));
    const stream = await seen(await streamed((s) => writeWorkbook(tables, ExcelJS, 'test', s)));
    expect(memory.flatMap((s) => s.cells).length).toBeGreaterThan(100);
    expect(stream).toEqual(memory);
    // The bookkeeping columns are hidden, as the About sheet and CONTRIBUTING say, in both writers.
    for (const wb of [memory, stream]) {
      const mappings = wb.find((s) => s.name === 'Mappings')!;
      expect(mappings.hidden).toEqual(['_key', '_hash']);
      expect(wb.find((s) => s.name === 'Reviews')!.hidden).toEqual([]);
    }
  });
});
