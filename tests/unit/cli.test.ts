import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPORT_SCHEMA_VERSION } from '../../src/lib/report/version.ts';
import { FIXTURES } from '../helpers.ts';
import { runMain } from '../run-main.ts';
import type { Main } from '../../src/lib/node/cli.ts';
import { main as checkMain } from '../../scripts/check.ts';
import { main as driftMain } from '../../scripts/drift.ts';
import { main as gapsMain } from '../../scripts/gaps.ts';

const env = { CROSSWALK_DATA_VERSION: 'fixture', GITHUB_ACTIONS: '', CI: '1' };
const MAINS: Record<string, Main> = { check: checkMain, gaps: gapsMain, drift: driftMain };
const run = (script: string, args: string[]) => runMain(MAINS[script]!, args, { env });
const gaps = (...args: string[]) => run('gaps', ['--content', FIXTURES, ...args]);

function brokenCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ipcle-'));
  cpSync(FIXTURES, dir, { recursive: true });
  const f = join(dir, 'standards/alpha-2020/a-1.md');
  writeFileSync(
    f,
    readFileSync(f, 'utf8').replace('characteristic: psychological-safety', 'characteristic: psychological-saftey'),
  );
  return dir;
}

describe('npm run check', () => {
  it('exits 0 on clean content and ends with one summary line', async () => {
    const r = await run('check', ['--content', FIXTURES]);
    expect(r.status).toBe(0);
    expect(r.stdout.trim().split('\n').at(-1)).toBe(
      'checked 26 files: 4 characteristics, 3 accreditors, 4 editions, 6 standards, 7 mappings, 1 initiatives: 0 errors, 1 warning',
    );
  });
  it('--strict fails on warnings', async () => {
    expect((await run('check', ['--content', FIXTURES, '--strict'])).status).toBe(1);
  });
  it('exits 1 on errors, with JSON and GitHub annotation formats', async () => {
    const dir = brokenCopy();
    const human = await run('check', ['--content', dir]);
    expect(human.status).toBe(1);
    expect(human.stdout).toContain('did you mean `psychological-safety`?');
    const json = JSON.parse((await run('check', ['--content', dir, '--format', 'json'])).stdout);
    expect(json.errors).toBe(1);
    // The broken mapping also makes a fixture recommendation's model language warn; the error is the reference.
    expect(json.diagnostics.find((d: { severity: string }) => d.severity === 'error')).toMatchObject({
      rule: 'references',
      line: 9,
      path: 'mappings[0].characteristic',
    });
    const gh = (await run('check', ['--content', dir, '--format', 'github'])).stdout;
    expect(gh).toMatch(
      /^::error file=.*a-1\.md,line=9,col=\d+,title=references::mappings\[0\]\.characteristic: refers to a characteristic/m,
    );
  });
  it('bad usage exits 2', async () => {
    expect((await run('check', ['--format', 'xml'])).status).toBe(2);
    expect((await run('check', ['--content', '/nonexistent/dir'])).status).toBe(2);
  });
});

describe('npm run gaps', () => {
  it('prints Markdown to stdout by default', async () => {
    const r = await gaps('--accreditor', 'beta-board', '--on', '2026-11-25');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('# IP-CLE Crosswalk gap report');
    expect(r.stdout).toContain('bodies: beta-board; editions in force on 2026-11-25');
  });
  it('unknown body: exit 2 with did-you-mean', async () => {
    const r = await gaps('--accreditor', 'beta-bord');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('unknown accreditor "beta-bord" in --accreditor: did you mean `beta-board`?');
  });
  it('unknown characteristic and bad date: exit 2 with the expected form', async () => {
    expect((await gaps('--characteristic', 'team-work-x')).stderr).toContain('unknown characteristic');
    const r = await gaps('--on', '2027-02-30');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('invalid date "2027-02-30" for --on: expected a calendar date written YYYY-MM-DD');
  });
  it('binary formats need --out; an existing --out is not overwritten without --force', async () => {
    expect((await gaps('--format', 'xlsx')).status).toBe(2);
    const dir = mkdtempSync(join(tmpdir(), 'ipcle-out-'));
    const out = join(dir, 'r.json');
    writeFileSync(out, 'precious');
    const r = await gaps('--format', 'json', '--out', out);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('already exists; pass --force');
    expect(readFileSync(out, 'utf8')).toBe('precious');
    expect((await gaps('--format', 'json', '--out', out, '--force')).status).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8')).schemaVersion).toBe(REPORT_SCHEMA_VERSION);
    expect(readdirSync(dir)).toEqual(['r.json']); // no temp files left behind
  });
  it('writes xlsx and pdf files', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ipcle-out-'));
    for (const f of ['xlsx', 'pdf']) {
      const r = await gaps('--format', f, '--out', join(dir, `r.${f}`));
      expect(r.status, r.stderr).toBe(0);
      expect(existsSync(join(dir, `r.${f}`))).toBe(true);
      expect(r.stderr).toContain(
        '3 bodies × 4 characteristics: 2 covered, 2 partial, 1 opportunity, 4 gap, 3 not reviewed',
      );
    }
  });
  it('invalid content: the check messages and exit 1, no report', async () => {
    const r = await gaps('--content', brokenCopy());
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('did you mean `psychological-safety`?');
  });
});

describe('npm run drift', () => {
  it('prints the re-reading worklist as Markdown or JSON; a bad accreditor is usage error 2', async () => {
    const md = await run('drift', ['--content', FIXTURES, '--accreditor', 'alpha-council']);
    expect(md.status, md.stderr).toBe(0);
    expect(md.stdout).toContain('# ANC: 2020 → 2027');
    expect(md.stdout).toContain('2 mapped standards in 2020; 2 waiting for a decision in 2027.');
    const json = await run('drift', ['--content', FIXTURES, '--accreditor', 'alpha-council', '--format', 'json']);
    expect(JSON.parse(json.stdout)[0]).toMatchObject({ edition: 'alpha-2027', previous: 'alpha-2020', pending: 2 });
    const none = await run('drift', ['--content', FIXTURES, '--accreditor', 'beta-board']);
    expect(none.stdout).toContain('nothing to carry over');
    const bad = await run('drift', ['--content', FIXTURES, '--accreditor', 'alpha']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('unknown accreditor "alpha"');
  });
});
