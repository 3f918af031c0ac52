import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { PROFESSIONS, STRENGTHS, VERIFICATIONS } from '../../src/schemas/index.ts';
import { fieldReferenceMarkdown, rulesMarkdown } from '../../src/lib/field-reference.ts';
import { CHANGELOG_END, CHANGELOG_START } from '../../src/lib/crosswalk-diff.ts';

/** Parse a YAML file strictly: any syntax error or duplicate key fails the test. */
function yamlFile(path: string): Record<string, unknown> {
  const doc = parseDocument(readFileSync(path, 'utf8'), { uniqueKeys: true, prettyErrors: true });
  expect(
    doc.errors.map((e) => e.message),
    path,
  ).toEqual([]);
  return doc.toJS() as Record<string, unknown>;
}

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Job {
  steps: Step[];
  permissions?: Record<string, string>;
  container?: unknown;
  needs?: string;
  if?: string;
}
const jobsOf = (wf: Record<string, unknown>) => wf.jobs as Record<string, Job>;
const runs = (wf: Record<string, unknown>) =>
  Object.values(jobsOf(wf))
    .flatMap((j) => j.steps)
    .flatMap((s) => (s.run ? s.run.split('\n') : []))
    .map((l) => l.trim())
    .filter(Boolean);
const uses = (wf: Record<string, unknown>) =>
  Object.values(jobsOf(wf))
    .flatMap((j) => j.steps)
    .flatMap((s) => (s.uses ? [s.uses.split('@')[0]] : []));

/** npm commands in a shell script or run block: `npm ci`, `npm test`, `npm run x`. */
function npmCommands(text: string): string[] {
  return [...text.matchAll(/\bnpm (ci|test|run(?: -s)? [\w:-]+)/g)].map(
    (m) => `npm ${m[1]!.replace('run -s ', 'run ')}`,
  );
}

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> };

describe('GitHub workflows', () => {
  const ci = yamlFile('.github/workflows/ci.yml');
  const deploy = yamlFile('.github/workflows/deploy.yml');

  it('ci.yml runs on pull requests and calls the same npm commands as .ci/run', () => {
    expect(Object.keys(ci.on as object)).toContain('pull_request');
    const ciCommands = npmCommands(runs(ci).join('\n'));
    expect(ciCommands).toContain('npm test');
    const ciRun = existsSync('.ci/run') ? readFileSync('.ci/run', 'utf8') : 'npm ci && npm test\nnpm run test:e2e\n';
    const expected = npmCommands(ciRun.replace(/^\s*#.*$/gm, ''));
    expect(expected.length).toBeGreaterThan(0);
    for (const cmd of expected) expect(ciCommands, `.ci/run calls ${cmd}`).toContain(cmd);
  });

  it('ci.yml checks content with annotations, builds, and posts the crosswalk diff', () => {
    const lines = runs(ci);
    expect(lines).toContain('npm run check -- --format github');
    expect(lines).toContain('npm run build');
    expect(lines.some((l) => /^npm run -s diff -- "\$BASE_SHA" HEAD --out crosswalk-diff\.md$/.test(l))).toBe(true);
    const diffJob = Object.values(jobsOf(ci)).find((j) => j.steps.some((s) => s.run?.includes('npm run -s diff')))!;
    expect(diffJob.permissions).toEqual({ contents: 'read' });
    expect(diffJob.if).toBe("github.event_name == 'pull_request'");
    // The comment (diff and preview link) is posted by pr-comment.yml after CI, for fork pull requests too.
    const prComment = yamlFile('.github/workflows/pr-comment.yml');
    expect(prComment.on).toEqual({ workflow_run: { workflows: ['CI'], types: ['completed'] } });
    const commentJob = jobsOf(prComment)['comment']!;
    expect(commentJob.permissions).toEqual({ actions: 'read', 'pull-requests': 'write' });
    const comment = commentJob.steps.find((s) => s.uses?.startsWith('actions/github-script'))!;
    expect(String(comment.with!.script)).toContain("read('crosswalk-diff.md')");
    // The diff compares git refs: the checkout must have the history.
    for (const job of Object.values(jobsOf(ci)))
      for (const s of job.steps.filter((x) => x.uses?.startsWith('actions/checkout')))
        expect(s.with).toMatchObject({ 'fetch-depth': 0 });
    // Refs come in through the environment, never pasted into the shell script.
    for (const wf of [ci, yamlFile('.github/workflows/deploy.yml')])
      for (const l of runs(wf)) expect(l).not.toContain('${{');
  });

  it('deploy.yml builds with SITE_URL and BASE_PATH and publishes to GitHub Pages', () => {
    expect(deploy.on).toMatchObject({ push: { branches: ['main'] } });
    expect(uses(deploy)).toEqual(
      expect.arrayContaining(['actions/configure-pages', 'actions/upload-pages-artifact', 'actions/deploy-pages']),
    );
    const build = jobsOf(deploy).build!.steps.find((s) => s.run === 'npm run build')!;
    expect(Object.keys(build.env!)).toEqual(expect.arrayContaining(['SITE_URL', 'BASE_PATH']));
    expect(jobsOf(deploy).deploy!.needs).toBe('build');
    expect(jobsOf(deploy).build!.steps.find((s) => s.uses?.startsWith('actions/upload-pages-artifact'))!.with).toEqual({
      path: 'dist',
    });
  });

  it('every site build restores the downloads cache first, from the folder the build uses', () => {
    for (const [name, wf] of [
      ['ci.yml', ci],
      ['deploy.yml', deploy],
    ] as const) {
      const steps = Object.values(jobsOf(wf)).find((j) => j.steps.some((s) => s.run === 'npm run build'))!.steps;
      const cache = steps.findIndex((s) => s.uses?.startsWith('actions/cache@'));
      expect(cache, name).toBeGreaterThanOrEqual(0);
      expect(cache, name).toBeLessThan(steps.findIndex((s) => s.run === 'npm run build'));
      expect(steps[cache]!.uses, name).toMatch(/^actions\/cache@[0-9a-f]{40}$/);
      expect(steps[cache]!.with?.path, name).toBe('.cache/ipcle-downloads');
    }
  });

  it('every npm script a workflow calls exists in package.json', () => {
    for (const wf of [ci, deploy])
      for (const cmd of npmCommands(runs(wf).join('\n')))
        if (cmd.startsWith('npm run ')) expect(Object.keys(pkg.scripts), cmd).toContain(cmd.slice('npm run '.length));
  });
});

describe('issue forms and the pull-request template', () => {
  const forms = readdirSync('.github/ISSUE_TEMPLATE').filter((f) => f.endsWith('.yml') && f !== 'config.yml');

  it('are valid issue forms', () => {
    expect(forms.sort()).toEqual(['report-error.yml', 'review-mapping.yml', 'suggest-mapping.yml']);
    for (const f of forms) {
      const form = yamlFile(`.github/ISSUE_TEMPLATE/${f}`);
      expect(typeof form.name, f).toBe('string');
      expect(typeof form.description, f).toBe('string');
      const body = form.body as { type: string; id?: string; attributes: { label?: string; options?: unknown[] } }[];
      const ids = body.filter((b) => b.type !== 'markdown').map((b) => b.id);
      expect(new Set(ids).size, f).toBe(ids.length);
      for (const b of body) {
        expect(['markdown', 'input', 'textarea', 'dropdown', 'checkboxes'], f).toContain(b.type);
        if (b.type !== 'markdown') {
          expect(b.id, f).toMatch(/^[a-z][a-z0-9_-]*$/);
          expect(b.attributes.label, f).toBeTruthy();
        }
        if (b.type === 'dropdown' || b.type === 'checkboxes') expect(b.attributes.options!.length).toBeGreaterThan(0);
      }
    }
    yamlFile('.github/ISSUE_TEMPLATE/config.yml');
  });

  it('offer exactly the values the schemas allow', () => {
    const options = (file: string, id: string) =>
      (yamlFile(`.github/ISSUE_TEMPLATE/${file}`).body as { id?: string; attributes: { options?: string[] } }[]).find(
        (b) => b.id === id,
      )!.attributes.options;
    expect(options('suggest-mapping.yml', 'strength')).toEqual([...STRENGTHS]);
    expect(options('suggest-mapping.yml', 'profession')).toEqual([...PROFESSIONS]);
    expect(options('report-error.yml', 'verification')).toEqual([...VERIFICATIONS]);
  });

  it('the pull-request template carries the reviewer checklist', () => {
    const t = readFileSync('.github/pull_request_template.md', 'utf8');
    const items = t.split('\n').filter((l) => l.startsWith('- [ ] '));
    expect(items.length).toBeGreaterThanOrEqual(6);
    for (const must of ['source', 'own words', 'rationale', 'strength', 'Review records', 'stub'])
      expect(
        items.some((i) => i.toLowerCase().includes(must.toLowerCase())),
        must,
      ).toBe(true);
  });
});

describe('contributor documents', () => {
  it('CONTRIBUTING.md embeds the current field reference and rule list', () => {
    const doc = readFileSync('CONTRIBUTING.md', 'utf8');
    const between = (name: string) =>
      doc.slice(doc.indexOf(`<!-- ${name}:start -->`), doc.indexOf(`<!-- ${name}:end -->`));
    expect(between('fields')).toContain(fieldReferenceMarkdown());
    expect(between('rules')).toContain(rulesMarkdown());
    for (const heading of [
      'Writing a good rationale',
      'How verification works',
      'How review records work',
      'Working in Excel',
    ])
      expect(doc).toContain(`## ${heading}`);
    expect(doc).toMatch(/\| Good \|/);
    expect(doc).toMatch(/\| Bad \|/);
  });

  it('licences, citation and changelog are in place', () => {
    expect(readFileSync('LICENSE', 'utf8')).toMatch(/^MIT License\n/);
    expect(pkg).toMatchObject({ license: 'MIT' });
    const content = readFileSync('LICENSE-CONTENT.md', 'utf8');
    expect(content).toContain('Creative Commons Attribution 4.0 International');
    expect(content).toContain('https://creativecommons.org/licenses/by/4.0/legalcode');
    const cff = yamlFile('CITATION.cff');
    expect(cff).toMatchObject({ 'cff-version': '1.2.0', type: 'dataset', license: 'CC-BY-4.0' });
    expect(String(cff.version)).toMatch(/^\d+\.\d+\.\d+$/);
    expect(String(cff['date-released'])).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const changelog = readFileSync('CHANGELOG.md', 'utf8');
    expect(changelog.indexOf(CHANGELOG_START)).toBeGreaterThan(0);
    expect(changelog.indexOf(CHANGELOG_END)).toBeGreaterThan(changelog.indexOf(CHANGELOG_START));
  });
});
