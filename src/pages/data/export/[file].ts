/** The whole crosswalk for reuse, versioned: the same export as `npm run export` (XLSX, CSV per table, JSON). */
import type { APIRoute } from 'astro';
import ExcelJS from 'exceljs';
import { exportJson, exportTables, renderCsvFiles, renderWorkbook } from '../../../lib/spreadsheet/export.ts';
import { getSite } from '../../../lib/site/data.ts';

let cached: Map<string, () => Promise<string | Uint8Array>> | undefined;

/** Output files by name, computed once per build. */
function files(): Map<string, () => Promise<string | Uint8Array>> {
  if (cached) return cached;
  const site = getSite();
  const content = site.loaded.check.content;
  const version = site.loaded.data.version;
  const tables = exportTables(content);
  const out = new Map<string, () => Promise<string | Uint8Array>>();
  out.set('ipcle-crosswalk.xlsx', () => renderWorkbook(tables, ExcelJS, version));
  out.set('ipcle-crosswalk.json', async () => exportJson(content, version));
  for (const [name, csv] of renderCsvFiles(tables)) out.set(name.replace(/^.*\//, ''), async () => csv);
  cached = out;
  return out;
}

export function getStaticPaths() {
  return [...files().keys()].map((file) => ({ params: { file } }));
}

const TYPES: Record<string, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  json: 'application/json',
  csv: 'text/csv;charset=utf-8',
};

export const GET: APIRoute = async ({ params }) => {
  const file = params.file!;
  const make = files().get(file);
  if (!make) return new Response('not found', { status: 404 });
  return new Response((await make()) as BodyInit, {
    headers: { 'Content-Type': TYPES[file.split('.').pop()!] ?? 'application/octet-stream' },
  });
};
