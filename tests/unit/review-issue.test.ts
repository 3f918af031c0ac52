/** The "Review a mapping" issue form: conversion to a review record, its refusals, the template and the workflow. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadFiles } from '../../src/lib/content.ts';
import { readContentDir } from '../../src/lib/node/content-dir.ts';
import {
  CONFIRM_TEXT,
  FORM,
  issueToReview,
  reviewIssueUrl,
  VERDICT_OPTIONS,
  type FiledIssue,
} from '../../src/lib/review/issue-form.ts';
import { PROFESSIONS, STRENGTHS } from '../../src/schemas/index.ts';
import { FIXTURES } from '../helpers.ts';

const standards = loadFiles(readContentDir(FIXTURES)).standards;
const G3 = 'The fixture criterion asks for team training for clinical staff but not for learners.';

/** An issue body exactly as GitHub writes a filled form: `### Label`, blank line, value. */
function body(over: Partial<Record<keyof typeof FORM, string>> = {}): string {
  const values: Record<keyof typeof FORM, string> = {
    mapping: 'gamma-2025/g-3#teams-and-teamwork',
    source: '_No response_',
    strength: 'partial',
    rationale: G3,
    verdict: VERDICT_OPTIONS.agree,
    suggested: '_No response_',
    profession: 'nursing',
    name: 'Jane Doe, RN',
    comment: '_No response_',
    confirm: `- [X] ${CONFIRM_TEXT}`,
    ...over,
  };
  return (Object.keys(FORM) as (keyof typeof FORM)[]).map((k) => `### ${FORM[k].label}\n\n${values[k]}`).join('\n\n');
}
const issue = (b: string | null, extra: Partial<FiledIssue> = {}): FiledIssue => ({
  body: b,
  author: 'janedoe',
  authorType: 'User',
  createdAt: '2026-11-20T10:00:00Z',
  ...extra,
});
const errorsOf = (i: FiledIssue) => {
  const r = issueToReview(i, standards);
  if (r.ok) throw new Error('expected a refusal');
  return r.errors.join('\n');
};

describe('issue form → review record', () => {
  it('turns a filled form into the record, dated the day the issue was filed', () => {
    expect(issueToReview(issue(body()), standards)).toEqual({
      ok: true,
      standard: 'gamma-2025/g-3',
      characteristic: 'teams-and-teamwork',
      review: { reviewer: 'Jane Doe, RN', profession: 'nursing', date: '2026-11-20', verdict: 'agree' },
    });
  });
  it('records a disagreement and a suggested strength as dissents with the reason', () => {
    const d = issueToReview(
      issue(body({ verdict: VERDICT_OPTIONS.disagree, comment: 'Staff only, not learners.' })),
      standards,
    );
    expect(d.ok && d.review).toMatchObject({ verdict: 'dissent', note: 'Staff only, not learners.' });
    const s = issueToReview(issue(body({ verdict: VERDICT_OPTIONS.strength, suggested: 'implicit' })), standards);
    // The suggestion is its own field (no note needed); a comment becomes the note.
    expect(s.ok && s.review).toEqual({
      reviewer: 'Jane Doe, RN',
      profession: 'nursing',
      date: '2026-11-20',
      verdict: 'dissent',
      suggestedStrength: 'implicit',
    });
    const c = issueToReview(
      issue(body({ verdict: VERDICT_OPTIONS.strength, suggested: 'implicit', comment: 'Staff only.' })),
      standards,
    );
    expect(c.ok && c.review).toMatchObject({ suggestedStrength: 'implicit', note: 'Staff only.' });
  });
  it('refuses malformed forms, saying what to fix', () => {
    expect(errorsOf(issue(null))).toContain('the section "### Mapping" is missing');
    expect(errorsOf(issue('Please add my review: agree.'))).toContain('"Review a mapping" form');
    expect(errorsOf(issue(body({ name: '_No response_' })))).toContain('"Name to credit" is empty');
    expect(errorsOf(issue(`${body()}\n\n### Mapping\n\nbeta-2024/b-2#teams-and-teamwork`))).toContain('appears twice');
    expect(errorsOf(issue(body({ mapping: 'G 3 teamwork' })))).toContain('is not a mapping key');
    expect(errorsOf(issue(body({ verdict: 'Maybe' })))).toContain('"Maybe" is not one of the verdicts');
    expect(errorsOf(issue(body({ verdict: VERDICT_OPTIONS.disagree })))).toContain('a disagreement needs a comment');
    expect(errorsOf(issue(body({ verdict: VERDICT_OPTIONS.strength })))).toContain(
      'must be one of explicit, partial, implicit',
    );
    expect(errorsOf(issue(body({ verdict: VERDICT_OPTIONS.strength, suggested: 'partial' })))).toContain(
      'already partial',
    );
  });
  it('refuses an unknown mapping, with a hint', () => {
    expect(errorsOf(issue(body({ mapping: 'gamma-2025/g-4#teams-and-teamwork' })))).toContain(
      'no standard `gamma-2025/g-4` in the crosswalk; did you mean `gamma-2025/g-3`?',
    );
    expect(errorsOf(issue(body({ mapping: 'gamma-2025/g-3#psychological-safety' })))).toContain(
      'has no mapping to `psychological-safety` (it maps `teams-and-teamwork`)',
    );
  });
  it('refuses a review of a claim that has changed since the form was filled', () => {
    expect(errorsOf(issue(body({ rationale: 'An older rationale.' })))).toContain('rationale changed');
    expect(errorsOf(issue(body({ strength: 'explicit' })))).toContain('the mapping is now partial, not explicit');
  });
  it('refuses a duplicate review by the same reviewer (the check’s identity: trimmed, any case)', () => {
    const e = errorsOf(
      issue(
        body({
          mapping: 'beta-2024/b-1-1#interprofessional-learning-experiences',
          strength: 'explicit',
          rationale: 'The fixture element expects pharmacy students to learn alongside other health professions.',
          name: ' reviewer two (FIXTURE) ',
        }),
      ),
    );
    expect(e).toContain('has already reviewed beta-2024/b-1-1#interprofessional-learning-experiences');
  });
  it('refuses a profession outside the controlled list', () => {
    expect(errorsOf(issue(body({ profession: 'nursng' })))).toContain(
      'profession "nursng" is not in the controlled list; did you mean `nursing`?',
    );
    expect(errorsOf(issue(body({ profession: 'astrology' })))).toContain(
      'profession "astrology" is not in the controlled list',
    );
  });
  it('refuses a review on someone else’s behalf', () => {
    expect(errorsOf(issue(body({ confirm: `- [ ] ${CONFIRM_TEXT}` })))).toContain('not ticked');
    expect(errorsOf(issue(body({ name: 'Sam Lee (@samlee)' })))).toContain(
      'names @samlee, but the issue was filed by @janedoe',
    );
    expect(errorsOf(issue(body({ name: 'Sam Lee, on behalf of Jane Doe' })))).toContain('on someone else’s behalf');
    expect(errorsOf(issue(body({ comment: 'Filed on behalf of our committee chair.' })))).toContain(
      'on someone else’s behalf',
    );
    expect(errorsOf(issue(body(), { author: 'review-bot[bot]', authorType: 'Bot' }))).toContain('filed by a bot');
    // Naming oneself is fine.
    expect(issueToReview(issue(body({ name: 'Jane Doe (@JaneDoe)' })), standards).ok).toBe(true);
  });
  it('refuses text over the schema’s limits', () => {
    expect(errorsOf(issue(body({ name: 'J'.repeat(201) })))).toMatch(/reviewer: .*at most 200/);
  });
});

describe('the prefilled link and the template agree with the conversion', () => {
  const template = parse(readFileSync('.github/ISSUE_TEMPLATE/review-mapping.yml', 'utf8')) as {
    body: { type: string; id?: string; attributes: { label?: string; options?: (string | { label: string })[] } }[];
  };
  const fields = template.body.filter((f) => f.type !== 'markdown');
  it('has the fields, labels and options the converter reads', () => {
    expect(fields.map((f) => [f.id, f.attributes.label])).toEqual(Object.values(FORM).map((f) => [f.id, f.label]));
    const options = (id: string) => fields.find((f) => f.id === id)!.attributes.options!;
    expect(options('profession')).toEqual([...PROFESSIONS]);
    expect(options('suggested-strength')).toEqual([...STRENGTHS]);
    expect(options('verdict')).toEqual(Object.values(VERDICT_OPTIONS));
    expect(options('confirm')).toEqual([{ label: CONFIRM_TEXT, required: true }]);
  });
  it('prefills the mapping, source, strength and rationale through query parameters', () => {
    const u = new URL(
      reviewIssueUrl('https://github.com/o/r/', {
        standard: 'gamma-2025/g-3',
        characteristic: 'teams-and-teamwork',
        strength: 'partial',
        rationale: G3,
        label: 'GC G 3',
      }),
    );
    expect(u.origin + u.pathname).toBe('https://github.com/o/r/issues/new');
    expect(u.searchParams.get('template')).toBe('review-mapping.yml');
    expect(u.searchParams.get('mapping')).toBe('gamma-2025/g-3#teams-and-teamwork');
    expect(u.searchParams.get('rationale')).toBe(G3);
    expect(u.searchParams.get('strength')).toBe('partial');
  });
});

describe('review-to-pr workflow', () => {
  const text = readFileSync('.github/workflows/review-to-pr.yml', 'utf8');
  const wf = parse(text) as {
    on: Record<string, { types: string[] }>;
    permissions: unknown;
    jobs: Record<
      string,
      {
        if: string;
        steps: { uses?: string; run?: string; with?: Record<string, unknown>; env?: Record<string, string> }[];
      }
    >;
  };
  const steps = Object.values(wf.jobs).flatMap((j) => j.steps);
  it('runs only when an issue is labelled, with the maintainers’ label, and checks the labeller', () => {
    expect(wf.on).toEqual({ issues: { types: ['labeled'] } });
    expect(Object.values(wf.jobs)[0]!.if).toContain("github.event.label.name == 'review-accepted'");
    expect(steps[0]!.run).toContain('collaborators/$SENDER/permission');
  });
  it('pins every action by commit SHA and keeps no token in the checkout', () => {
    for (const s of steps.filter((x) => x.uses)) expect(s.uses).toMatch(/@[0-9a-f]{40}$/);
    expect(steps.find((s) => s.uses?.startsWith('actions/checkout'))!.with).toMatchObject({
      'persist-credentials': false,
    });
    expect(text).not.toMatch(/pull_request_target|workflow_run/);
  });
  it('never puts issue text into a shell line, and gives the token only to steps that run no project code', () => {
    for (const s of steps) expect(s.run ?? '').not.toContain('${{');
    for (const s of steps.filter((x) => Object.values(x.env ?? {}).some((v) => v.includes('github.token'))))
      expect(s.run ?? '').not.toMatch(/\bnpm\b|\bnode\b/);
    expect(wf.permissions).toEqual({});
  });
});
