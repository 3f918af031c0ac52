/**
 * Browser tests of reviewing: `npm run review` on a temporary copy of the fixture content (two
 * decisions, a refused one, reload, quit; the files then differ from the fixtures only by the added
 * review records), and the review-status page of the built fixture site.
 */
import AxeBuilder from '@axe-core/playwright';
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { useBrowser } from './pages.ts';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { parse } from 'yaml';
import { insertedLines } from '../../src/lib/review/writer.ts';
import { FIXTURES } from '../helpers.ts';

let context: BrowserContext;
useBrowser(async (browser) => {
  context = await browser.newContext();
});

/** Every file under a folder, by relative path. */
function files(dir: string): Map<string, string> {
  return new Map(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => {
        const p = join(e.parentPath, e.name);
        return [p.slice(dir.length + 1), readFileSync(p, 'utf8')] as const;
      }),
  );
}

/** Start `npm run review` and wait for the URL it prints. */
function startReview(dir: string): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  const child = spawn(
    'npm',
    ['run', '-s', 'review', '--', '--content', dir, '--reviewer', 'E2E Nurse', '--profession', 'nursing'],
    { env: { ...process.env, CROSSWALK_TODAY: '2026-11-25' }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no URL printed:\n${out}`)), 30_000);
    child.stdout!.on('data', () => {
      const m = /review page: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, url: m[1]!, output: () => out });
      }
    });
    child.on('exit', (code) => reject(new Error(`npm run review exited ${code}:\n${out}`)));
  });
}

describe('npm run review', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'review-e2e-'));
    cpSync(FIXTURES, dir, { recursive: true });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('records two decisions at once, refuses an incomplete one, and quitting loses nothing', async () => {
    const { child, url, output } = await startReview(dir);
    const page = await context.newPage();
    try {
      await page.goto(url);
      await expect
        .poll(() => page.locator('#pending-count').textContent())
        .toBe('4 mappings still lack a nursing review.');
      const article = (key: string) => page.locator(`article[data-key="${key}"]`);

      // A disagreement without a reason is refused and writes nothing.
      const g3 = article('gamma-2025/g-3#teams-and-teamwork');
      await g3.getByRole('radio', { name: 'Disagree', exact: true }).check();
      await g3.getByRole('button', { name: 'Record my review' }).click();
      await expect
        .poll(() => page.locator('[role=status]').textContent())
        .toContain('Not recorded: say why you disagree');
      expect(files(dir)).toEqual(files(FIXTURES));

      const a1 = article('alpha-2020/a-1#psychological-safety');
      await expect.poll(() => a1.textContent()).toContain('speak up without fear');
      await a1.getByRole('radio', { name: 'Agree', exact: true }).check();
      await a1.getByRole('textbox', { name: /^Comment/ }).fill('Matches our climate survey work.');
      await a1.getByRole('button', { name: 'Record my review' }).click();
      await expect.poll(() => page.locator('[role=status]').textContent()).toContain('Recorded: alpha-2020/a-1');

      await g3.getByRole('radio', { name: 'Another strength', exact: true }).check();
      await g3.getByRole('combobox', { name: 'Suggested strength' }).selectOption('implicit');
      await g3.getByRole('textbox', { name: /^Comment/ }).fill('Staff training only.');
      await g3.getByRole('button', { name: 'Record my review' }).click();
      await expect.poll(() => page.locator('[role=status]').textContent()).toContain('Recorded: gamma-2025/g-3');

      await page.reload();
      await expect
        .poll(() => page.locator('#pending-count').textContent())
        .toBe('2 mappings still lack a nursing review.');
      expect(
        await page.locator('article[data-key]').evaluateAll((a) => a.map((x) => x.getAttribute('data-key'))),
      ).toEqual([
        'alpha-2020/a-2#shared-interprofessional-onboarding',
        'beta-2024/b-2#interprofessional-learning-experiences',
      ]);
      const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
      expect(axe.violations.map((v) => v.id)).toEqual([]);
    } finally {
      await page.close();
      process.kill(-child.pid!, 'SIGINT');
      await new Promise((r) => child.once('exit', r));
    }
    expect(output()).toContain('recorded agree on alpha-2020/a-1 → psychological-safety');
  });

  it('leaves the files differing from the fixtures only by the two added review records', () => {
    const before = files(FIXTURES);
    const after = files(dir);
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    const changed = [...after].filter(([p, t]) => before.get(p) !== t).map(([p]) => p);
    expect(changed.sort()).toEqual(['standards/alpha-2020/a-1.md', 'standards/gamma-2025/g-3.md']);
    const added = (p: string) => insertedLines(before.get(p)!, after.get(p)!);
    expect(added('standards/alpha-2020/a-1.md')).toEqual([
      '    reviews:',
      '      - reviewer: "E2E Nurse"',
      '        profession: nursing',
      '        date: "2026-11-25"',
      '        verdict: agree',
      '        note: "Matches our climate survey work."',
    ]);
    expect(added('standards/gamma-2025/g-3.md')).toEqual([
      '    reviews:',
      '      - reviewer: "E2E Nurse"',
      '        profession: nursing',
      '        date: "2026-11-25"',
      '        verdict: dissent',
      '        suggestedStrength: implicit',
      '        note: "Staff training only."',
    ]);
    const g3 = parse(after.get('standards/gamma-2025/g-3.md')!.split('---\n')[1]!) as {
      mappings: { reviews: unknown[] }[];
    };
    expect(g3.mappings[0]!.reviews).toHaveLength(1);
  });
});

describe('review-status page', () => {
  const base = inject('baseUrl');
  it('shows what needs each profession, agreement with kappa and its base, dissents and reviewers', async () => {
    const page = await context.newPage();
    await page.goto(new URL('reviews/', base).href, { waitUntil: 'networkidle' });
    const text = (await page.locator('main').innerText()).replace(/\s+/g, ' ');
    expect(text).toContain('Of 7 mappings, 1 reviewed, 4 proposed, 2 disputed.');
    const row = async (table: string, name: string) =>
      (await page.locator(`${table} tr`, { has: page.locator(`th:text-is("${name}")`) }).innerText()).split('\t');
    expect(await row('#needs-table', 'Nursing')).toEqual(['Nursing', '4', '2', '3']);
    // Nursing and pharmacy rated three mappings: (agree, agree), (dissent, agree), (dissent, dissent): kappa 0.4.
    expect(await row('table', 'Nursing and Pharmacy')).toEqual(['Nursing and Pharmacy', '6', '50%', '0.40', '3']);
    expect(await row('table', 'BPB')).toEqual(['BPB', '4', '75%', '-0.33', '2']);
    expect(await row('table', 'ANC')).toEqual([
      'ANC',
      '2',
      '0%',
      'none yet (needs 2 mappings rated twice or more)',
      '1',
    ]);
    expect(text).toContain(
      'Reviewer One (fixture) (Pharmacy), 2025-02-01: Fixture dissent: the standard concerns individual practice.',
    );
    expect(text).toContain(
      'Reviewer Two (fixture) (Nursing): 3 reviews (2 agree, 1 dissent), 2025-02-03 to 2025-03-02',
    );
    const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(axe.violations.map((v) => v.id)).toEqual([]);
    // Each dissent links to its mapping on the standard page, which offers the prefilled review form.
    await page.getByRole('link', { name: 'BPB B-2' }).click();
    const link = page.locator('#m-teams-and-teamwork').getByRole('link', { name: 'Review this mapping' });
    const href = new URL((await link.getAttribute('href'))!);
    expect(href.searchParams.get('template')).toBe('review-mapping.yml');
    expect(href.searchParams.get('mapping')).toBe('beta-2024/b-2#teams-and-teamwork');
    expect(href.searchParams.get('strength')).toBe('implicit');
    await page.close();
  });
});
