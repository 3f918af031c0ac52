/** The data page offers the export files, the SSSOM set and the data package the build writes, typed sensibly. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { downloadType } from '../../src/integrations/downloads.ts';
import { DATAPACKAGE_FILE, SSSOM_FILE } from '../../src/lib/spreadsheet/exchange/datapackage.ts';
import { BUILD_ENV, SITE_DIR } from './setup.ts';

const html = () => readFileSync(join(SITE_DIR, 'data/index.html'), 'utf8');
const links = () => [...html().matchAll(/href="([^"]+)"/g)].map((m) => m[1]!);

describe('data downloads page', () => {
  it('links every file of the export the build wrote, the SSSOM set and datapackage.json included', () => {
    const written = readdirSync(join(SITE_DIR, 'data/export')).sort();
    expect(written).toEqual(expect.arrayContaining([SSSOM_FILE, DATAPACKAGE_FILE, 'mapping-reviews.csv']));
    const linked = links().filter((l) => l.startsWith(`${BUILD_ENV.BASE_PATH}data/export/`));
    expect(linked.map((l) => l.slice(`${BUILD_ENV.BASE_PATH}data/export/`.length)).sort()).toEqual(written);
    for (const l of linked) expect(existsSync(join(SITE_DIR, l.slice(BUILD_ENV.BASE_PATH.length))), l).toBe(true);
  });

  it('declares the SSSOM file as TSV, both in the data package and when the dev server sends it', () => {
    expect(downloadType(`data/export/${SSSOM_FILE}`)).toBe('text/tab-separated-values;charset=utf-8');
    expect(downloadType(`data/export/${DATAPACKAGE_FILE}`)).toBe('application/json');
    const pkg = JSON.parse(readFileSync(join(SITE_DIR, 'data/export', DATAPACKAGE_FILE), 'utf8'));
    const sssom = pkg.resources.find((r: { path: string }) => r.path === SSSOM_FILE);
    expect(sssom).toMatchObject({ format: 'tsv', mediatype: 'text/tab-separated-values' });
    // Every resource the package describes lies beside it on the site.
    for (const r of pkg.resources) expect(existsSync(join(SITE_DIR, 'data/export', r.path)), r.path).toBe(true);
  });
});
