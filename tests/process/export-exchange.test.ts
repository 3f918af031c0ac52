import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES } from '../helpers.ts';

const env = {
  ...process.env,
  CROSSWALK_DATA_VERSION: 'fixture',
  SITE_URL: 'https://example.org',
  GITHUB_ACTIONS: '',
  CI: '1',
};
const exporting = (...args: string[]) =>
  spawnSync(process.execPath, ['scripts/export.ts', '--content', FIXTURES, ...args], { encoding: 'utf8', env });

describe('npm run export: exchange formats', () => {
  it('writes the SSSOM set and a data package whose every resource is a file of the export', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'ipcle-export-')), 'out');
    const r = exporting('--out', out);
    expect(r.status, r.stderr).toBe(0);
    const pkg = JSON.parse(readFileSync(join(out, 'datapackage.json'), 'utf8'));
    for (const res of pkg.resources) expect(existsSync(join(out, res.path)), res.path).toBe(true);
    expect(pkg.resources.map((x: { path: string }) => x.path)).toContain('csv/mappings.csv');
    const sssom = readFileSync(join(out, 'ipcle-crosswalk.sssom.tsv'), 'utf8');
    expect(sssom).toContain('#  ipclestd: "https://example.org/standards/"');
    expect(sssom).toContain('#mapping_set_id: "https://example.org/data/export/ipcle-crosswalk.sssom.tsv"');
  });
  it('refuses a data package without the files it describes', () => {
    const r = exporting('--out', join(mkdtempSync(join(tmpdir(), 'ipcle-export-')), 'out'), '--format', 'datapackage');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('add csv and sssom to --format');
  });
});
