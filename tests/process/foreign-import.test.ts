import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const env = { ...process.env, CROSSWALK_DATA_VERSION: 'fixture', GITHUB_ACTIONS: '', CI: '1' };
const importing = (...args: string[]) =>
  spawnSync(process.execPath, ['scripts/import.ts', ...args], { encoding: 'utf8', env });

describe('npm run import on a sheet of another layout', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ipcle-foreign-cli-'));
  cpSync('tests/fixtures/foreign', dir, { recursive: true });
  const content = join(dir, 'content');
  const sheet = join(dir, 'committee.csv');
  cpSync(join(dir, 'ipe-crosswalk.csv'), sheet);

  it('says how to map it instead of refusing it as "not part of the export"', () => {
    const r = importing(sheet, '--content', content);
    expect(r.status).toBe(1);
    expect(r.stderr + r.stdout).toContain('is not a crosswalk export');
    expect(r.stderr + r.stdout).toContain(`npm run import -- ${sheet} --write-map`);
  });

  it('--write-map writes a starter map next to the sheet, used next time, and never overwrites it', () => {
    const r = importing(sheet, '--content', content, '--write-map');
    expect(r.status).toBe(0);
    const saved = join(dir, 'committee.map.yaml');
    expect(readFileSync(saved, 'utf8')).toContain('  body: "Accrediting body"');
    expect(importing(sheet, '--content', content, '--write-map').status).toBe(2);
    // The starter has no defaults yet: new standards without a bindingness are conflicts, and nothing is written.
    const dry = importing(sheet, '--content', content, '--write');
    expect(dry.stdout).toContain(`using the column map ${saved}`);
    expect(dry.stdout).toContain('needs a bindingness: set `defaults.bindingness` in the map');
    expect(dry.status).toBe(1);
    expect(existsSync(join(content, 'standards/acpe-standards-2016/11-3.md'))).toBe(false);
  });

  it('--map with --write refuses while a row is in conflict, and exits 0 on the dry run of a clean map', () => {
    const r = importing(sheet, '--content', content, '--map', join(dir, 'ipe-crosswalk.map.yaml'), '--write');
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('Nothing can be written until these 3 problem(s) are fixed');
    expect(existsSync(join(content, 'standards/acpe-standards-2016/11-3.md'))).toBe(false);
  });

  it('plans against the real content as `npm run check` sees it (its exceptions.yaml included)', () => {
    const r = importing(
      'tests/fixtures/foreign/ipe-crosswalk.csv',
      '--map',
      'tests/fixtures/foreign/ipe-crosswalk.map.yaml',
    );
    expect(r.stderr).not.toContain('error(s); fix what');
    expect(r.stdout).toContain("every row's fate");
    expect(r.stdout).toMatch(/row 15 +skipped +declined body: "ACPE"/);
  });
});
