import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  CHANGELOG_END,
  CHANGELOG_START,
  diffCrosswalks,
  EMPTY_CROSSWALK,
  mdText,
  renderChangelogEntry,
  renderDiffJson,
  renderDiffMarkdown,
  summaryLine,
  upsertChangelog,
  type CrosswalkDiff,
} from '../../src/lib/crosswalk-diff.ts';
import { dataAtRef, dataTags, GitError, readContentAtRef, resolveRef } from '../../src/lib/node/git.ts';
import { FIXTURES, TODAY } from '../helpers.ts';

const HEAD_OVERLAY = 'tests/fixtures/diff/head';
const DELETED = readFileSync('tests/fixtures/diff/deleted.txt', 'utf8').split('\n').filter(Boolean);

const git = (cwd: string, ...args: string[]) =>
  execFileSync(
    'git',
    [
      '-c',
      'user.name=Test',
      '-c',
      'user.email=test@example.org',
      '-c',
      'commit.gpgsign=false',
      '-c',
      'tag.gpgsign=false',
      ...args,
    ],
    { cwd, encoding: 'utf8' },
  );

/** A scratch repository: base = the fixture content (tagged data-v1.0.0), HEAD = the head overlay. */
let repo = '';
beforeAll(() => {
  repo = mkdtempSync(join(tmpdir(), 'ipcle-diff-'));
  git(repo, 'init', '-q', '-b', 'main');
  cpSync(FIXTURES, join(repo, 'content'), { recursive: true });
  copyFileSync('CHANGELOG.md', join(repo, 'CHANGELOG.md'));
  copyFileSync('CITATION.cff', join(repo, 'CITATION.cff'));
  git(repo, 'add', '.');
  git(repo, 'commit', '-q', '-m', 'base');
  git(repo, 'tag', 'data-v1.0.0');
  cpSync(HEAD_OVERLAY, join(repo, 'content'), { recursive: true });
  for (const f of DELETED) rmSync(join(repo, 'content', f));
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '-m', 'head');
});

function fixtureDiff(): CrosswalkDiff {
  const base = dataAtRef('HEAD~1', 'content', repo, TODAY);
  const head = dataAtRef('HEAD', 'content', repo, TODAY);
  expect([base.errors, head.errors]).toEqual([0, 0]);
  return diffCrosswalks(base.data, head.data, { on: TODAY, baseLabel: 'HEAD~1', headLabel: 'HEAD' });
}

describe('reading content at a git ref', () => {
  it('reads the files of a commit without touching the working tree', () => {
    const base = readContentAtRef('HEAD~1', 'content', repo);
    const head = readContentAtRef('HEAD', 'content', repo);
    expect(base.map((s) => s.path)).toContain('content/standards/alpha-2020/a-2.md');
    expect(head.map((s) => s.path)).not.toContain('content/standards/alpha-2020/a-2.md');
    expect(head.map((s) => s.path)).toContain('content/standards/gamma-2025/g-4.md');
    const a1 = head.find((s) => s.path === 'content/standards/alpha-2020/a-1.md')!;
    expect(a1.segments).toEqual(['standards', 'alpha-2020', 'a-1.md']);
    expect(new TextDecoder().decode(a1.bytes)).toBe(
      readFileSync(join(HEAD_OVERLAY, 'standards/alpha-2020/a-1.md'), 'utf8'),
    );
    expect(dataTags(repo)).toEqual(['data-v1.0.0']);
  });

  it('leaves the exceptions file out of the content and applies it, as the check does', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ipcle-diff-ex-'));
    git(dir, 'init', '-q');
    cpSync(FIXTURES, join(dir, 'content'), { recursive: true });
    // The fixture has one warning (an unverified standard without a URL); accept it with a reason.
    writeFileSync(
      join(dir, 'content/exceptions.yaml'),
      '- rule: verification-source\n  file: standards/gamma-2025/g-3.md\n  reason: "The fixture code is known to be unverified."\n',
    );
    git(dir, 'add', '.');
    git(dir, 'commit', '-q', '-m', 'with exceptions');
    expect(readContentAtRef('HEAD', 'content', dir).map((s) => s.path)).not.toContain('content/exceptions.yaml');
    const at = dataAtRef('HEAD', 'content', dir, TODAY);
    expect(at.errors).toBe(0);
    expect(at.data.standards).toHaveLength(6);
  });

  it('a bad ref is a clear error', () => {
    expect(() => resolveRef('no-such-branch', repo)).toThrow(GitError);
    expect(() => resolveRef('no-such-branch', repo)).toThrow(
      /unknown git ref "no-such-branch": no branch, tag or commit/,
    );
    expect(() => resolveRef('--all', repo)).toThrow(/is not a git ref/);
    expect(() => resolveRef('HEAD', tmpdir())).toThrow(/not inside a git repository/);
  });
});

describe('diff between two fixture states', () => {
  it('lists standards and mappings added, removed and changed', () => {
    const d = fixtureDiff();
    expect(d.empty).toBe(false);
    expect(d.entities.map((e) => [e.kind, e.id, e.change])).toEqual([
      ['standard', 'alpha-2020/a-2', 'removed'],
      ['standard', 'gamma-2025/g-4', 'added'],
    ]);
    expect(d.mappings.map((m) => [m.standard, m.characteristic, m.change])).toEqual([
      ['alpha-2020/a-1', 'psychological-safety', 'changed'],
      ['alpha-2020/a-2', 'shared-interprofessional-onboarding', 'removed'],
      ['beta-2024/b-2', 'interprofessional-learning-experiences', 'changed'],
      ['beta-2024/b-2', 'teams-and-teamwork', 'removed'],
      ['gamma-2025/g-4', 'psychological-safety', 'added'],
    ]);
    const a1 = d.mappings[0]!;
    expect(a1).toMatchObject({ label: 'ANC A-1', strength: { from: 'explicit', to: 'partial' } });
    expect(a1.rationale?.to).toMatch(/^The fixture standard asks/);
    expect(a1.review).toBeUndefined();
    expect(d.mappings[2]).toMatchObject({ review: { from: 'proposed', to: 'disputed' } });
    expect(d.mappings[2]!.rationale).toBeUndefined();
  });

  it('lists review records and how coverage moved', () => {
    const d = fixtureDiff();
    expect(d.reviews).toEqual([
      { edition: 'beta-2024', label: 'BPB 2024', added: ['psychological-safety', 'teams-and-teamwork'], removed: [] },
    ]);
    expect(d.coverage.moves.map((m) => `${m.edition} × ${m.characteristic}: ${m.from} → ${m.to}`)).toEqual([
      'alpha-2020 × psychological-safety: covered → partial',
      'alpha-2020 × shared-interprofessional-onboarding: partial → gap',
      'beta-2024 × psychological-safety: not-reviewed → gap',
      'beta-2024 × teams-and-teamwork: opportunity → gap',
      'gamma-2025 × psychological-safety: gap → covered',
    ]);
    // In force on TODAY: alpha-2020, beta-2024, gamma-2025 (alpha-2027 starts later).
    const { before, after } = d.coverage.totals;
    expect(after.covered - before.covered).toBe(0);
    expect(after.gap - before.gap).toBe(2);
    expect(Object.values(before).reduce((a, b) => a + b)).toBe(12);
    expect(summaryLine(d)).toBe(
      'mappings: 1 added, 2 removed, 2 changed; standards: 1 added, 1 removed; 1 edition review record change; 5 coverage moves',
    );
  });

  it('renders Markdown for a PR comment and JSON for tools', () => {
    const d = fixtureDiff();
    const md = renderDiffMarkdown(d);
    expect(md).toContain('## Crosswalk changes: `HEAD~1` → `HEAD`');
    expect(md).toContain('**Mappings: 1 added, 2 removed, 2 changed;');
    expect(md).toContain('| ○ Gap | 4 | 6 | +2 |');
    expect(md).toContain('- GPC 2025 × `psychological-safety`: ○ Gap → ● Covered');
    expect(md).toContain('#### Added (1)\n\n- GPC G 4 → `psychological-safety`: **explicit**, proposed.');
    expect(md).toContain(
      '- ANC A-1 → `psychological-safety`: strength **explicit** → **partial**; rationale: “The fixture',
    );
    expect(md).toContain('- BPB B-2 → `interprofessional-learning-experiences`: review proposed → disputed');
    expect(md).toContain('- BPB 2024: now checked for `psychological-safety`, `teams-and-teamwork`');
    expect(md).toContain('- Removed: `alpha-2020/a-2` ANC A-2 Orientation');
    const capped = renderDiffMarkdown(d, { maxItems: 2 });
    expect(capped).toContain('- … and 3 more (see the JSON output)');
    const json = JSON.parse(renderDiffJson(d));
    expect(json.counts.mappings).toEqual({ added: 1, removed: 2, changed: 2 });
    expect(json.coverage.moves).toHaveLength(5);
    expect(json.summary).toBe(summaryLine(d));
  });

  it('no change is said plainly', () => {
    const base = dataAtRef('HEAD', 'content', repo, TODAY).data;
    const d = diffCrosswalks(base, base, { on: TODAY });
    expect(d.empty).toBe(true);
    expect(renderDiffMarkdown(d)).toContain('Nothing in the crosswalk data changed');
  });

  it('text from the data cannot inject HTML, break tables or mention people', () => {
    expect(mdText('a <script>x</script> | @team\nnext')).toBe('a &lt;script&gt;x&lt;/script&gt; \\| @\u200bteam next');
  });
});

describe('changelog entries', () => {
  it('say what was added, removed and re-mapped', () => {
    const entry = renderChangelogEntry(fixtureDiff(), { version: '1.1.0', date: '2026-11-25' });
    expect(entry).toMatch(/^### Data v1\.1\.0 \(2026-11-25\)\n/);
    expect(entry).toContain('**Added**\n\n- Standards: 1 standard\n- Mappings: 1 mapping');
    expect(entry).toContain('**Removed**\n\n- Standards: ANC A-2 Orientation');
    expect(entry).toContain('- Mapping BPB B-2 → `teams-and-teamwork` (was implicit)');
    expect(entry).toContain('**Re-mapped**\n\n- ANC A-1 → `psychological-safety`: explicit → partial');
    expect(entry).toContain('- BPB 2024 checked for 2 more characteristics');
    expect(entry).toContain('**Coverage** (editions in force on 2026-11-25): opportunity -1, gap +2, not reviewed -1.');
    const first = renderChangelogEntry(
      diffCrosswalks(EMPTY_CROSSWALK, dataAtRef('HEAD~1', 'content', repo, TODAY).data, { on: TODAY }),
      { version: '1.0.0', date: '2026-01-01' },
    );
    expect(first).toContain('- Bodies: ANC (Alpha Nursing Council (fixture)); BPB (Beta Pharmacy Board (fixture))');
    expect(first).toContain('- Mappings: 7 mappings');
  });

  it('are put at the top of the data section, replacing an entry of the same version', () => {
    const doc = `# Changelog\n\n${CHANGELOG_START}\n\nNo data release yet.\n\n${CHANGELOG_END}\n\n## Code\n`;
    const one = upsertChangelog(doc, '1.0.0', '### Data v1.0.0 (2026-01-01)\n\nFirst.');
    expect(one).toBe(
      `# Changelog\n\n${CHANGELOG_START}\n\n### Data v1.0.0 (2026-01-01)\n\nFirst.\n\n${CHANGELOG_END}\n\n## Code\n`,
    );
    const two = upsertChangelog(one, '1.1.0', '### Data v1.1.0 (2026-02-01)\n\nSecond.');
    expect(two.indexOf('v1.1.0')).toBeLessThan(two.indexOf('v1.0.0'));
    const again = upsertChangelog(two, '1.1.0', '### Data v1.1.0 (2026-02-02)\n\nSecond, redone.');
    expect(again.match(/### Data v1\.1\.0/g)).toHaveLength(1);
    expect(again).toContain('Second, redone.');
    expect(again).toContain('First.');
    expect(() => upsertChangelog('# Changelog\n', '1.0.0', 'x')).toThrow(/no .* markers/);
  });
});

describe('npm run diff and npm run release', () => {
  const run = (script: string, ...args: string[]) =>
    spawnSync(process.execPath, [join(process.cwd(), 'scripts', `${script}.ts`), ...args], {
      cwd: repo,
      encoding: 'utf8',
    });

  it('diff prints Markdown or JSON; a bad ref exits 2 with a clear message', () => {
    const md = run('diff', 'HEAD~1', 'HEAD', '--on', TODAY);
    expect(md.status).toBe(0);
    expect(md.stdout).toContain('## Crosswalk changes: `HEAD~1` → `HEAD`');
    const json = run('diff', 'data-v1.0.0', 'HEAD', '--format', 'json', '--on', TODAY);
    expect(JSON.parse(json.stdout).counts.coverageMoves).toBe(5);
    const worktree = run('diff', 'HEAD', '--on', TODAY);
    expect(worktree.stdout).toContain('`HEAD` → `working tree`');
    expect(worktree.stdout).toContain('No changes to the crosswalk data.');
    const bad = run('diff', 'main', 'no-such-ref');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('diff: unknown git ref "no-such-ref": no branch, tag or commit has that name');
    expect(bad.stdout).toBe('');
    expect(run('diff').status).toBe(2);
    expect(run('diff', 'HEAD', '--on', '2026-02-30').status).toBe(2);
  });

  it('release writes the changelog entry and the citation version, once per version', () => {
    const r = run('release', '--version', '1.1.0', '--date', '2026-11-30');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('data v1.1.0 (2026-11-30): mappings: 1 added, 2 removed, 2 changed');
    const changelog = readFileSync(join(repo, 'CHANGELOG.md'), 'utf8');
    expect(changelog).toContain(`${CHANGELOG_START}\n\n### Data v1.1.0 (2026-11-30)\n\nCompared with \`data-v1.0.0\``);
    expect(changelog).not.toContain('No data release yet');
    expect(changelog).toContain('## Code');
    const cff = readFileSync(join(repo, 'CITATION.cff'), 'utf8');
    expect(parse(cff)).toMatchObject({ version: '1.1.0', 'date-released': '2026-11-30', 'cff-version': '1.2.0' });
    // Only those two lines change: comments and the rest of the file stay as they were.
    const original = readFileSync('CITATION.cff', 'utf8').split('\n');
    expect(cff.split('\n').filter((l) => !original.includes(l))).toEqual([
      expect.stringMatching(/^version: ['"]1\.1\.0['"]$/),
      expect.stringMatching(/^date-released: ['"]2026-11-30['"]$/),
    ]);
    expect(cff).toContain('# Citation metadata for the IP-CLE Crosswalk data');
    expect(run('release', '--version', '1.1.0', '--date', '2026-11-30').status).toBe(0);
    expect(readFileSync(join(repo, 'CHANGELOG.md'), 'utf8').match(/### Data v1\.1\.0/g)).toHaveLength(1);
    const taken = run('release', '--version', '1.0.0');
    expect(taken.status).toBe(2);
    expect(taken.stderr).toContain('tag data-v1.0.0 exists already');
    expect(run('release', '--version', 'one').status).toBe(2);
    writeFileSync(join(repo, 'CHANGELOG.md'), changelog);
  });
});
