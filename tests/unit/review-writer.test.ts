/** The review writer: one record added in place, nothing else touched, checked before it is written. */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { type SourceFile } from '../../src/lib/content.ts';
import { readContentDir } from '../../src/lib/node/content-dir.ts';
import { recordReview, startReviewServer } from '../../src/lib/node/review.ts';
import { insertedLines, planReview, ReviewWriteError } from '../../src/lib/review/writer.ts';
import type { MappingReview } from '../../src/schemas/index.ts';
import { FIXTURES, TODAY } from '../helpers.ts';

const sources = readContentDir(FIXTURES);
const G3 = `${FIXTURES}/standards/gamma-2025/g-3.md`;
const B2 = `${FIXTURES}/standards/beta-2024/b-2.md`;
const B11 = `${FIXTURES}/standards/beta-2024/b-1-1.md`;
const review: MappingReview = { reviewer: 'Jane Doe, RN', profession: 'nursing', date: '2026-11-20', verdict: 'agree' };
const frontmatter = (text: string) => parse(text.split('---\n')[1]!) as { mappings: { reviews?: MappingReview[] }[] };

describe('planReview', () => {
  it('creates the reviews list of an unreviewed mapping, in house style, adding lines only', () => {
    const plan = planReview(
      sources,
      B2,
      'interprofessional-learning-experiences',
      { ...review, verdict: 'dissent', note: 'Staff only: "learners" are not named.' },
      { today: TODAY },
    );
    expect(plan.added).toEqual([
      '    reviews:',
      '      - reviewer: "Jane Doe, RN"',
      '        profession: nursing',
      '        date: "2026-11-20"',
      '        verdict: dissent',
      '        note: "Staff only: \\"learners\\" are not named."',
    ]);
    expect(insertedLines(plan.before, plan.after)).toEqual(plan.added);
    expect(frontmatter(plan.after).mappings[1]!.reviews).toHaveLength(1);
    expect(plan.after.endsWith('---\nFixture summary of B-2.\n')).toBe(true);
  });
  it('writes a suggested strength as its own field, in schema order, and refuses one equal to the mapping’s', () => {
    const suggestion: MappingReview = { ...review, verdict: 'dissent', suggestedStrength: 'implicit' };
    const plan = planReview(sources, B2, 'interprofessional-learning-experiences', suggestion, { today: TODAY });
    expect(plan.added.slice(-2)).toEqual(['        verdict: dissent', '        suggestedStrength: implicit']);
    expect(frontmatter(plan.after).mappings[1]!.reviews).toEqual([suggestion]);
    expect(() =>
      planReview(
        sources,
        B2,
        'interprofessional-learning-experiences',
        { ...suggestion, suggestedStrength: 'partial' },
        { today: TODAY },
      ),
    ).toThrow(/the check then fails:\n.*the suggested strength is the mapping's own \(partial\)/);
  });
  it('appends to an existing list after the other records', () => {
    const plan = planReview(sources, B11, 'interprofessional-learning-experiences', review, { today: TODAY });
    expect(plan.added[0]).toBe('      - reviewer: "Jane Doe, RN"');
    expect(frontmatter(plan.after).mappings[0]!.reviews!.map((r) => r.reviewer)).toEqual([
      'Reviewer One (fixture)',
      'Reviewer Two (fixture)',
      'Jane Doe, RN',
    ]);
  });
  it('refuses a second review by the same reviewer, an unknown mapping, and a record the check rejects', () => {
    expect(() =>
      planReview(
        sources,
        B11,
        'interprofessional-learning-experiences',
        { ...review, reviewer: 'REVIEWER TWO (fixture)' },
        { today: TODAY },
      ),
    ).toThrow(/already reviewed this mapping/);
    expect(() => planReview(sources, G3, 'psychological-safety', review, { today: TODAY })).toThrow(
      /has no mapping to `psychological-safety`/,
    );
    expect(() =>
      planReview(sources, G3, 'teams-and-teamwork', { ...review, date: '2027-01-01' }, { today: TODAY }),
    ).toThrow(/the check then fails:\n.*review date is not a real past date/);
  });
  it('turns an empty `reviews: []` into the list holding the record, changing no other line', () => {
    const empty: SourceFile[] = sources.map((s) =>
      s.path === G3
        ? {
            ...s,
            bytes: new TextEncoder().encode(
              new TextDecoder().decode(s.bytes).replace('learners."\n', 'learners."\n    reviews: []\n'),
            ),
          }
        : s,
    );
    const plan = planReview(empty, G3, 'teams-and-teamwork', review, { today: TODAY });
    expect(plan.added[0]).toBe('    reviews:');
    expect(plan.after).not.toContain('reviews: []');
    expect(plan.after.replace(plan.added.join('\n') + '\n', '')).toBe(
      new TextDecoder().decode(empty.find((s) => s.path === G3)!.bytes).replace('    reviews: []\n', ''),
    );
  });
  it('refuses to write when the file’s layout cannot be kept (CRLF line endings)', () => {
    const crlf: SourceFile[] = sources.map((s) =>
      s.path === G3
        ? { ...s, bytes: new TextEncoder().encode(new TextDecoder().decode(s.bytes).replace(/\n/g, '\r\n')) }
        : s,
    );
    expect(() => planReview(crlf, G3, 'teams-and-teamwork', review, { today: TODAY })).toThrow(ReviewWriteError);
  });
});

describe('insertedLines', () => {
  it('finds one inserted block, and nothing when a line changed or was removed', () => {
    expect(insertedLines('a\nb\nc', 'a\nx\ny\nb\nc')).toEqual(['x', 'y']);
    expect(insertedLines('a\nb', 'a\nb\nc')).toEqual(['c']);
    expect(insertedLines('a\nb\nc', 'a\nB\nc')).toBeUndefined();
    expect(insertedLines('a\nb\nc', 'a\nc\nx')).toBeUndefined();
    expect(insertedLines('a\nb', 'a')).toBeUndefined();
  });
});

describe('recording on disk and the local review server', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'review-'));
    cpSync(FIXTURES, dir, { recursive: true });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the record, and the file then holds exactly the planned text', () => {
    const plan = recordReview(dir, 'gamma-2025/g-3', 'teams-and-teamwork', review, TODAY);
    expect(readFileSync(join(dir, 'standards/gamma-2025/g-3.md'), 'utf8')).toBe(plan.after);
  });

  const post = (url: string, body: string, headers: Record<string, string> = {}) =>
    new Promise<{ status: number; location?: string }>((resolve, reject) => {
      const u = new URL(url);
      const req = request(
        {
          host: u.hostname,
          port: u.port,
          path: u.pathname,
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
        },
        (res) => {
          res.resume();
          resolve({ status: res.statusCode!, ...(res.headers.location && { location: res.headers.location }) });
        },
      );
      req.on('error', reject);
      req.end(body);
    });

  it('refuses posts from other sites, other host names and old sessions, and writes nothing', async () => {
    const server = await startReviewServer({
      contentDir: dir,
      reviewer: 'Jane Doe',
      profession: 'nursing',
      today: TODAY,
    });
    try {
      const before = readFileSync(join(dir, 'standards/alpha-2020/a-2.md'), 'utf8');
      const form = 'token=wrong&key=alpha-2020%2Fa-2%23shared-interprofessional-onboarding&decision=agree';
      expect((await post(`${server.url}decide`, form, { origin: 'https://evil.example' })).status).toBe(403);
      expect((await post(`${server.url}decide`, form, { host: 'evil.example' })).status).toBe(421);
      expect((await post(`${server.url}decide`, form)).status).toBe(303);
      const page = await (await fetch(server.url)).text();
      expect(page).toContain('Not recorded: this form is from an older session');
      expect(readFileSync(join(dir, 'standards/alpha-2020/a-2.md'), 'utf8')).toBe(before);
      // The real token records the decision, and the mapping leaves the list.
      const token = /name="token" value="([0-9a-f]+)"/.exec(page)![1]!;
      expect(page).toContain('data-key="alpha-2020/a-2#shared-interprofessional-onboarding"');
      expect((await post(`${server.url}decide`, form.replace('wrong', token))).status).toBe(303);
      const after = await (await fetch(server.url)).text();
      expect(after).toContain('Recorded: alpha-2020/a-2 → shared-interprofessional-onboarding: agree');
      expect(after).not.toContain('data-key="alpha-2020/a-2#shared-interprofessional-onboarding"');
      expect(readFileSync(join(dir, 'standards/alpha-2020/a-2.md'), 'utf8')).toContain('reviewer: "Jane Doe"');
    } finally {
      await server.close();
    }
  });

  it('plans from the file as it is on disk at the moment of the decision, so an edit made meanwhile is kept', () => {
    const path = join(dir, 'standards/gamma-2025/g-3.md');
    const original = readFileSync(path, 'utf8');
    writeFileSync(path, original.replace('Fixture summary of G 3.', 'Edited meanwhile.'));
    const plan = recordReview(dir, 'gamma-2025/g-3', 'teams-and-teamwork', review, TODAY);
    expect(plan.after).toContain('Edited meanwhile.');
  });
});

describe('review page', () => {
  it('shows other reviewers’ suggested strengths beside their verdicts', async () => {
    const { reviewPage } = await import('../../src/lib/review/page.ts');
    const html = reviewPage({
      reviewer: 'Jane',
      profession: 'nursing',
      token: 't',
      bodyLabel: (id) => id,
      characteristicName: (id) => id,
      recorded: [],
      pending: [
        {
          key: 'e/a#c',
          standard: 'e/a',
          code: 'A',
          edition: 'e',
          accreditor: 'b',
          characteristic: 'c',
          strength: 'explicit',
          rationale: 'r',
          summary: 's',
          reviews: [{ ...review, profession: 'pharmacy', verdict: 'dissent', suggestedStrength: 'partial' }],
        },
      ],
    });
    expect(html).toContain('Other reviews: Jane Doe, RN (pharmacy): dissent, suggests partial');
  });
});
