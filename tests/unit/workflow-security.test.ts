/** Workflow security invariants (issue 12, item 10): pinned actions, no write token near PR code, split deploy rights. */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
}
interface Job {
  steps: Step[];
  permissions?: Record<string, string> | string;
  needs?: string | string[];
}
interface Workflow {
  on: Record<string, unknown> | string | string[];
  permissions?: Record<string, string> | string;
  jobs: Record<string, Job>;
}

const DIR = '.github/workflows';
const files = readdirSync(DIR).filter((f) => /\.ya?ml$/.test(f));
const text = (f: string) => readFileSync(`${DIR}/${f}`, 'utf8');
const wf = (f: string) => parse(text(f)) as Workflow;
const triggers = (w: Workflow) => (typeof w.on === 'string' ? [w.on] : Array.isArray(w.on) ? w.on : Object.keys(w.on));

/** The scopes a job may write with: its own permissions, else the workflow's (GitHub's default is write-all). */
function writeScopes(w: Workflow, job: Job): string[] {
  const p = job.permissions ?? w.permissions ?? 'write-all';
  if (typeof p === 'string') return p === 'read-all' || p === '{}' ? [] : ['*'];
  return Object.entries(p)
    .filter(([, v]) => v === 'write')
    .map(([k]) => k);
}
/** A shell line that runs code from the repository or its dependencies: a package manager, node, a script file. */
const runsProjectCode = (line: string) =>
  /\b(npm|npx|node|pnpm|yarn|tsx)\b|(^|\s)\.{0,2}\/[\w./-]+\.(sh|js|ts)\b/.test(line);
/** A job runs the branch's code when it checks out the repository or runs anything (npm, scripts). */
const runsRepoCode = (job: Job) => job.steps.some((s) => s.uses?.startsWith('actions/checkout') || s.run);

describe('workflow security invariants', () => {
  it('every action is pinned to a full commit SHA with its version in a comment', () => {
    let n = 0;
    for (const f of files)
      for (const line of text(f).split('\n')) {
        const m = /^\s*(?:-\s+)?uses:\s*(\S+)(.*)$/.exec(line);
        if (!m) continue;
        n++;
        expect(m[1], `${f}: ${line.trim()}`).toMatch(/^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/);
        expect(m[2], `${f}: ${line.trim()} needs "# vX.Y.Z"`).toMatch(/^\s+#\s*v\d+(\.\d+)*\b/);
      }
    expect(n).toBeGreaterThanOrEqual(10);
  });

  it('an action referenced by tag or branch is caught', () => {
    // The same pattern the test above applies, on lines that must fail it.
    for (const bad of ['actions/checkout@v4', 'actions/checkout@main', 'actions/checkout@11bd719'])
      expect(bad).not.toMatch(/^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/);
  });

  it('no job that runs pull-request code holds a token with write scope', () => {
    const prWorkflows = files.filter((f) => triggers(wf(f)).some((t) => t.startsWith('pull_request')));
    expect(prWorkflows).toContain('ci.yml');
    for (const f of prWorkflows) {
      const w = wf(f);
      // pull_request_target runs with a write token: it must never check out or run the branch.
      for (const [name, job] of Object.entries(w.jobs)) {
        if (runsRepoCode(job)) expect(writeScopes(w, job), `${f} job ${name}`).toEqual([]);
        if (writeScopes(w, job).length) {
          expect(
            job.steps.filter((s) => s.run || s.uses?.startsWith('actions/checkout')),
            `${f} job ${name}`,
          ).toEqual([]);
        }
      }
    }
  });

  it('checkouts keep no token in .git/config', () => {
    for (const f of files)
      for (const job of Object.values(wf(f).jobs))
        for (const s of job.steps.filter((x) => x.uses?.startsWith('actions/checkout')))
          expect(s.with, f).toMatchObject({ 'persist-credentials': false });
  });

  it('the deploy build job holds no pages or id-token write; only the deploy job does', () => {
    const w = wf('deploy.yml');
    expect(w.permissions).toEqual({ contents: 'read' });
    expect(writeScopes(w, w.jobs.build!)).toEqual([]);
    expect(w.jobs.deploy!.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
    expect(runsRepoCode(w.jobs.deploy!)).toBe(false);
    for (const [name, job] of Object.entries(w.jobs))
      if (name !== 'deploy') expect(writeScopes(w, job), name).toEqual([]);
  });

  it('ci.yml holds no write scope at all, and uploads the site preview from a read-only job', () => {
    const w = wf('ci.yml');
    for (const [name, job] of Object.entries(w.jobs)) expect(writeScopes(w, job), name).toEqual([]);
    const upload = Object.values(w.jobs)
      .flatMap((j) => j.steps)
      .find((s) => s.uses?.startsWith('actions/upload-artifact') && s.with?.name === 'site-preview');
    expect(upload?.with?.path).toBe('dist');
  });

  it('a workflow_run job that may write runs no code: no checkout, no shell, only artifact download and github-script', () => {
    const runWorkflows = files.filter((f) => triggers(wf(f)).includes('workflow_run'));
    expect(runWorkflows).toContain('pr-comment.yml');
    for (const f of runWorkflows) {
      const w = wf(f);
      expect(w.permissions, f).toEqual({});
      for (const [name, job] of Object.entries(w.jobs)) {
        if (writeScopes(w, job).length === 0) continue;
        expect(runsRepoCode(job), `${f} job ${name}`).toBe(false);
        for (const s of job.steps)
          expect(s.uses, `${f} job ${name}`).toMatch(/^actions\/(download-artifact|github-script)@/);
        expect(writeScopes(w, job), `${f} job ${name}`).toEqual(['pull-requests']);
      }
    }
  });

  it('review-to-pr: npm test runs without a write token; the writing jobs run no project code and apply only content', () => {
    const w = wf('review-to-pr.yml');
    const projectCode = (run: string) =>
      run
        .split('\n')
        .filter((l) => !/^\s*echo\b/.test(l))
        .some(runsProjectCode);
    const tester = Object.entries(w.jobs).filter(([, j]) =>
      j.steps.some((s) => /^\s*if npm test\b/m.test(s.run ?? '')),
    );
    expect(tester.map(([n]) => n)).toEqual(['record']);
    for (const [name, job] of Object.entries(w.jobs)) {
      if (job.steps.some((s) => projectCode(s.run ?? ''))) expect(writeScopes(w, job), name).toEqual([]);
      if (writeScopes(w, job).length) {
        expect(
          job.steps.filter((s) => projectCode(s.run ?? '')),
          name,
        ).toEqual([]);
        expect(
          job.steps.filter((s) => s.uses && !/^actions\/(checkout|download-artifact)@/.test(s.uses)),
          name,
        ).toEqual([]);
      }
    }
    expect(writeScopes(w, w.jobs['open-pr']!).sort()).toEqual(['contents', 'pull-requests', 'statuses']);
    // The optional token that lets CI start is seen only by the job that runs no project code.
    for (const [name, job] of Object.entries(w.jobs))
      if (name !== 'open-pr') expect(JSON.stringify(job), name).not.toContain('secrets.');
    expect(JSON.stringify(w.jobs['open-pr'])).toContain('secrets.REVIEW_PR_TOKEN');
    // The pushing job applies the read-only job's patch only after refusing any path outside content/standards.
    const push = w.jobs['open-pr']!.steps.find((s) => s.run?.includes('git push'))!.run!;
    const guard = push.indexOf("grep -Ev '^content/standards/");
    expect(guard).toBeGreaterThan(-1);
    expect(guard).toBeLessThan(push.indexOf('git apply "$DIR/review.patch"'));
    // The test result reaches the pull request: its text, and a commit status on the pushed commit.
    expect(w.jobs.record!.steps.find((s) => s.run?.includes('if npm test'))!.run).toContain('>> pr-body.md');
    expect(push).toMatch(/statuses\/\$\(git rev-parse HEAD\)" -f state="\$TESTS"/);
  });

  it('the project-code detector catches package managers, node and scripts, not git or gh', () => {
    for (const bad of ['npm test', 'npx vitest', 'node scripts/x.ts', './scripts/run.sh', 'tsx a.ts'])
      expect(runsProjectCode(bad), bad).toBe(true);
    for (const ok of ['git apply "$DIR/review.patch"', 'gh pr create --body-file "$DIR/pr-body.md"'])
      expect(runsProjectCode(ok), ok).toBe(false);
  });
});

/** Run the comment script of pr-comment.yml against a fake GitHub, with `files` as the artifact. */
async function comment(files: Record<string, string>, prHead = 'abc1234def') {
  const job = wf('pr-comment.yml').jobs.comment!;
  const script = String(job.steps.find((s) => s.uses?.startsWith('actions/github-script'))!.with!.script);
  const posted: string[] = [];
  let failed = '';
  const github = {
    paginate: async () => [],
    rest: {
      issues: { listComments: {}, createComment: async (a: { body: string }) => void posted.push(a.body) },
      pulls: { get: async () => ({ data: { head: { sha: prHead } } }) },
      actions: {
        listWorkflowRunArtifacts: async () => ({ data: { artifacts: [{ name: 'site-preview', id: 77 }] } }),
      },
    },
  };
  const context = {
    repo: { owner: 'o', repo: 'r' },
    serverUrl: 'https://github.com',
    payload: { workflow_run: { id: 5, head_sha: 'abc1234def' } },
  };
  const core = { setFailed: (m: string) => void (failed = m) };
  const require = (m: string) => {
    expect(m).toBe('node:fs');
    return { existsSync: (f: string) => f in files, readFileSync: (f: string) => files[f] };
  };
  const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (
    ...args: string[]
  ) => (...a: unknown[]) => Promise<void>;
  await new AsyncFunction('require', 'github', 'context', 'core', script)(require, github, context, core);
  return { posted, failed };
}

describe('the pull-request comment (pr-comment.yml)', () => {
  const evil =
    '# Diff\n![x](https://evil.example/t.png) [click](https://evil.example) <img src=x onerror=alert(1)> https://evil.example';

  it('neutralises images, links and HTML from the branch, and links the preview artifact of the run', async () => {
    const { posted } = await comment({
      'crosswalk-diff.md': evil,
      'crosswalk-diff.pr': '12\n',
      'crosswalk-diff.pages': 'standards/alpha-2020/a-1/\nmatrix/\n](https://evil.example)/\n../../etc/\n`x`/\n',
    });
    expect(posted).toHaveLength(1);
    const [head, ...rest] = posted[0]!.split('**Preview:**');
    expect(head).toMatch(/^<!-- crosswalk-diff -->\n/);
    const diff = head!.slice(head!.indexOf('\n') + 1);
    expect(diff).not.toMatch(/!\[|\]\(|<|:\/\//);
    expect(diff).toContain('evil.example');
    const preview = rest.join('');
    expect(preview).toContain('(https://github.com/o/r/actions/runs/5/artifacts/77)');
    expect(preview).toContain('- `standards/alpha-2020/a-1/index.html`\n- `matrix/index.html`');
    expect(preview).not.toContain('evil');
    expect(preview).not.toContain('..');
  });

  it('posts nothing when the pull-request number in the artifact names a pull request at another commit', async () => {
    const r = await comment({ 'crosswalk-diff.md': 'ok', 'crosswalk-diff.pr': '13' }, 'fffffff000');
    expect(r.posted).toEqual([]);
    expect(r.failed).toContain('is not at abc1234def');
    expect((await comment({ 'crosswalk-diff.md': 'ok', 'crosswalk-diff.pr': '13; rm -rf' })).posted).toEqual([]);
  });
});
