/** The recommendation rules on an inline fixture, with their message wording locked by inline snapshots. */
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/lib/check/rules/index.ts';
import { indexCrosswalk, toCrosswalkData } from '../../src/lib/crosswalk.ts';
import { baseSet, check } from '../helpers.ts';

const REC = 'recommendations/alpha-teamwork.md';

/**
 * Alpha 2020 (in force, reviewed for both characteristics) is silent on psychological safety (a gap)
 * and only implies teamwork (an opportunity); Beta requires both; Alpha 2027 supersedes 2020.
 */
function world(): Record<string, string> {
  const base = baseSet();
  return {
    'characteristics/psychological-safety.md': base['characteristics/psychological-safety.md']!,
    'characteristics/teamwork.md': base['characteristics/psychological-safety.md']!.replace(
      /name: .*\n/,
      'name: Teamwork\n',
    ).replace('https://example.org/s', 'https://example.org/teamwork-evidence'),
    'accreditors/alpha.md': base['accreditors/alpha.md']!,
    'accreditors/beta.md': base['accreditors/alpha.md']!.replace('Alpha Council', 'Beta Board')
      .replace('abbreviation: AC', 'abbreviation: BB')
      .replace('example.org/alpha', 'example.org/beta'),
    'editions/alpha-2020.md': base['editions/alpha-2020.md']!.replace(
      'textRead: full\n',
      'textRead: full\nreviews:\n  - reviewer: Team\n    date: "2024-01-01"\n    characteristics: [psychological-safety, teamwork]\n    scope: Whole text.\n',
    ),
    'editions/alpha-2027.md': `---
accreditor: alpha
title: Alpha Standards
edition: "2027"
effectiveFrom: "2027-01-01"
supersedes: alpha-2020
sourceUrl: https://example.org/alpha/2027
copyright: Alpha.
textRead: full
---
`,
    'editions/beta-2024.md': base['editions/alpha-2020.md']!.replace('accreditor: alpha', 'accreditor: beta')
      .replace('Alpha Standards', 'Beta Standards')
      .replace('"2020"', '"2024"')
      .replace('2020-07-01', '2024-01-01')
      .replace('example.org/alpha/2020', 'example.org/beta/2024'),
    'standards/alpha-2020/a-9.md': standard('A-9', 'alpha/2020', 'teamwork', 'implicit'),
    'standards/alpha-2027/a-1.md': standard('A-1', 'alpha/2027', 'teamwork', 'explicit').replace(
      'verification:',
      'continues: [A-9]\nverification:',
    ),
    'standards/beta-2024/b-1.md': standard('B-1', 'beta/2024', 'teamwork', 'explicit'),
    'standards/beta-2024/b-2.md': standard('B-2', 'beta/2024', 'psychological-safety', 'implicit'),
    [REC]: recommendation(),
  };
}

function standard(code: string, at: string, characteristic: string, strength: string): string {
  return `---
code: ${code}
title: Fixture ${code}
level: standard
bindingness: required
sourceUrl: https://example.org/${at}#${code.toLowerCase()}
verification: verified
mappings:
  - characteristic: ${characteristic}
    strength: ${strength}
    rationale: The fixture standard bears on ${characteristic} in a way a reviewer can check quickly.
---
Summary.
`;
}

const HISTORY = `history:
  - status: draft
    date: "2025-01-10"
`;
function recommendation(patch: { history?: string; top?: string } = {}): string {
  return `---
title: Require teamwork for learners
accreditor: ${/accreditor: (\S+)/.exec(patch.top ?? '')?.[1] ?? 'alpha'}
edition: ${/edition: (\S+)/.exec(patch.top ?? '')?.[1] ?? 'alpha-2020'}
proposedBy: IP-CLE Crosswalk project (draft)
addresses:
  - characteristic: teamwork
    cell: opportunity
proposal: Learners of every profession train and work in teams during placements.
modelLanguage:
  - standard: beta-2024/b-1
    note: Beta requires teamwork of learners.
evidence:
  - characteristic: teamwork
    url: https://example.org/teamwork-evidence
${patch.history ?? HISTORY}---
Why this matters.
`;
}

const run = (patch: Record<string, string> = {}) => check({ ...world(), ...patch });
const findings = (r: ReturnType<typeof check>, prefix = 'recommendation-') =>
  r.diagnostics
    .filter((d) => d.rule.startsWith(prefix))
    .map(
      (d) =>
        `${d.rule} ${d.severity} ${d.line}:${d.column} ${d.path} | ${d.message} | found ${d.found} | expected ${d.expected} | fix ${d.fix}`,
    );
const withRec = (f: (s: string) => string) => ({ [REC]: f(recommendation()) });

describe('recommendation rules', () => {
  it('a well-formed recommendation is clean, and its world has the cells the tests rely on', () => {
    const r = run();
    expect(r.diagnostics).toEqual([]);
    expect(r.content.recommendations.map((x) => x.id)).toEqual(['alpha-teamwork']);
    const crosswalk = indexCrosswalk(toCrosswalkData(r.content, 'test'));
    expect(crosswalk.data.recommendations[0]).toMatchObject({ id: 'alpha-teamwork', status: 'draft' });
    expect(
      crosswalk.recommendationsByCell
        .get('alpha-2020')
        ?.get('teamwork')
        ?.map((x) => x.id),
    ).toEqual(['alpha-teamwork']);
    expect(RULES.map((x) => x.id).filter((id) => id.startsWith('recommendation-'))).toEqual([
      'recommendation-target',
      'recommendation-cells',
      'recommendation-model-language',
      'recommendation-evidence',
      'recommendation-history',
    ]);
  });

  it('recommendation-target: the body and edition exist and belong together', () => {
    expect(findings(run(withRec((s) => s.replace('accreditor: alpha', 'accreditor: alpah'))))).toMatchInlineSnapshot(`
      [
        "recommendation-target error 3:13 accreditor | the recommendation is addressed to a body that does not exist | found \`alpah\` | expected the ID of a file in content/accreditors/ | fix did you mean \`alpha\`?",
        "recommendation-target error 4:10 edition | edition \`alpha-2020\` belongs to \`alpha\`, not to the body the recommendation is addressed to | found \`alpha-2020\` (of \`alpha\`) | expected an edition of \`alpah\` | fix name an edition of \`alpah\`, or change \`accreditor\` to \`alpha\`",
      ]
    `);
    expect(findings(run(withRec((s) => s.replace('edition: alpha-2020', 'edition: alpha-2002')))))
      .toMatchInlineSnapshot(`
      [
        "recommendation-target error 4:10 edition | the edition it would change does not exist | found \`alpha-2002\` | expected the ID of a file in content/editions/ (an edition of \`alpha\`) | fix did you mean \`alpha-2020\`?",
      ]
    `);
    expect(findings(run(withRec((s) => s.replace('edition: alpha-2020', 'edition: beta-2024')))))
      .toMatchInlineSnapshot(`
      [
        "recommendation-target error 4:10 edition | edition \`beta-2024\` belongs to \`beta\`, not to the body the recommendation is addressed to | found \`beta-2024\` (of \`beta\`) | expected an edition of \`alpha\` | fix name an edition of \`alpha\`, or change \`accreditor\` to \`beta\`",
      ]
    `);
  });

  it('recommendation-cells: existing characteristics, named once, whose cell really is a gap or an opportunity', () => {
    expect(
      findings(
        run(
          withRec((s) => s.replace('  - characteristic: teamwork\n    cell', '  - characteristic: teamwrok\n    cell')),
        ),
      ),
    ).toMatchInlineSnapshot(`
      [
        "recommendation-cells error 7:21 addresses[0].characteristic | refers to a characteristic that does not exist | found \`teamwrok\` | expected the ID of a file in content/characteristics/ | fix did you mean \`teamwork\`?",
        "recommendation-evidence error 7:21 addresses[0].characteristic | no evidence is cited for \`teamwrok\` | found no \`evidence\` entry for it | expected at least one \`evidence\` entry citing one of its sources | fix add \`- characteristic: teamwrok\` with \`url:\` one of its sources to \`evidence\`",
        "recommendation-model-language warning 11:15 modelLanguage[0].standard | \`beta-2024/b-1\` does not map any addressed characteristic explicitly or in part | found teamwork (explicit) | expected an explicit or partial mapping to \`teamwrok\` | fix cite a standard that already requires the characteristic, or add and review that mapping first",
        "recommendation-evidence error 14:21 evidence[0].characteristic | evidence for \`teamwork\`, which the recommendation does not address | found \`teamwork\` | expected one of the addressed characteristics: \`teamwrok\` | fix name an addressed characteristic, or add this one to \`addresses\`",
      ]
    `);
    // teamwork is an opportunity in alpha-2020, not a gap: a warning that says what the cell is.
    expect(findings(run(withRec((s) => s.replace('cell: opportunity', 'cell: gap'))))).toMatchInlineSnapshot(`
      [
        "recommendation-cells warning 8:11 addresses[0].cell | \`teamwork\` is not a gap in \`alpha-2020\`: its cell there is opportunity | found gap (the crosswalk computes opportunity) | expected the cell's computed status in \`alpha-2020\`: gap or opportunity | fix change \`cell\` to opportunity",
      ]
    `);
    // psychological safety is a gap there (reviewed, no mapping): correct as a gap, twice is an error.
    const twice = withRec((s) =>
      s
        .replace(
          'addresses:\n',
          'addresses:\n  - characteristic: psychological-safety\n    cell: gap\n  - characteristic: psychological-safety\n    cell: gap\n',
        )
        .replace(
          'evidence:\n',
          'evidence:\n  - characteristic: psychological-safety\n    url: https://example.org/s\n',
        ),
    );
    expect(findings(run(twice))).toMatchInlineSnapshot(`
      [
        "recommendation-cells error 9:21 addresses[1].characteristic | characteristic \`psychological-safety\` is addressed twice | found \`psychological-safety\` twice | expected each characteristic once | fix delete the repeated entry",
      ]
    `);
    // In the 2027 edition teamwork is required (covered); psychological safety was never reviewed there.
    const in2027 = (cells: string) =>
      withRec((s) =>
        s
          .replace('edition: alpha-2020', 'edition: alpha-2027')
          .replace('addresses:\n  - characteristic: teamwork\n    cell: opportunity\n', `addresses:\n${cells}`),
      );
    expect(findings(run(in2027('  - characteristic: teamwork\n    cell: gap\n')))).toMatchInlineSnapshot(`
      [
        "recommendation-cells warning 8:11 addresses[0].cell | \`teamwork\` is not a gap in \`alpha-2027\`: its cell there is covered | found gap (the crosswalk computes covered) | expected the cell's computed status in \`alpha-2027\`: gap or opportunity | fix the body already asks for it (at least in part): address a gap or opportunity instead",
      ]
    `);
    const unreviewed = in2027(
      '  - characteristic: teamwork\n    cell: gap\n  - characteristic: psychological-safety\n    cell: gap\n',
    );
    expect(findings(run(unreviewed)).filter((f) => f.includes('addresses[1].cell'))).toMatchInlineSnapshot(`
      [
        "recommendation-cells warning 10:11 addresses[1].cell | \`psychological-safety\` is not a gap in \`alpha-2027\`: its cell there is not-reviewed | found gap (the crosswalk computes not-reviewed) | expected the cell's computed status in \`alpha-2027\`: gap or opportunity | fix review the edition for this characteristic first (an edition review record), or address another cell",
      ]
    `);
  });

  it('recommendation-model-language: existing standards of other bodies that map what is addressed', () => {
    expect(findings(run(withRec((s) => s.replace('standard: beta-2024/b-1', 'standard: beta-2024/b-11')))))
      .toMatchInlineSnapshot(`
      [
        "recommendation-model-language error 11:15 modelLanguage[0].standard | model language names a standard that does not exist | found \`beta-2024/b-11\` | expected the ID of a standard: <edition-id>/<file name without .md> of a file in content/standards/ | fix did you mean \`beta-2024/b-1\`?",
      ]
    `);
    expect(findings(run(withRec((s) => s.replace('standard: beta-2024/b-1', 'standard: alpha-2027/a-1')))))
      .toMatchInlineSnapshot(`
      [
        "recommendation-model-language error 11:15 modelLanguage[0].standard | model language must come from another body: this standard is the targeted body’s own | found \`alpha-2027/a-1\` (of \`alpha\`) | expected a standard of a body other than \`alpha\` | fix cite another body's standard that already requires the characteristic",
      ]
    `);
    // b-2 maps psychological safety (implicitly), not teamwork: a warning.
    expect(findings(run(withRec((s) => s.replace('standard: beta-2024/b-1', 'standard: beta-2024/b-2')))))
      .toMatchInlineSnapshot(`
      [
        "recommendation-model-language warning 11:15 modelLanguage[0].standard | \`beta-2024/b-2\` does not map any addressed characteristic explicitly or in part | found psychological-safety (implicit) | expected an explicit or partial mapping to \`teamwork\` | fix cite a standard that already requires the characteristic, or add and review that mapping first",
      ]
    `);
    // A malformed ID is refused by the schema, at the field.
    const bad = run(withRec((s) => s.replace('standard: beta-2024/b-1', 'standard: B-1')));
    expect(bad.diagnostics.map((d) => `${d.rule} ${d.path} ${d.message}`)).toMatchInlineSnapshot(`
      [
        "schema modelLanguage[0].standard value has the wrong form",
      ]
    `);
  });

  it("recommendation-evidence: each addressed characteristic's own sources, and only for addressed ones", () => {
    expect(
      findings(
        run(
          withRec((s) => s.replace('url: https://example.org/teamwork-evidence', 'url: https://example.org/elsewhere')),
        ),
      ),
    ).toMatchInlineSnapshot(`
      [
        "recommendation-evidence error 15:10 evidence[0].url | not one of the sources of characteristic \`teamwork\` | found "https://example.org/elsewhere" | expected one of: https://example.org/teamwork-evidence | fix cite one of those, or add this source to content/characteristics/teamwork.md first",
      ]
    `);
    expect(
      findings(
        run(
          withRec((s) =>
            s.replace('evidence:\n  - characteristic: teamwork', 'evidence:\n  - characteristic: psychological-safety'),
          ),
        ),
      ),
    ).toMatchInlineSnapshot(`
      [
        "recommendation-evidence error 7:21 addresses[0].characteristic | no evidence is cited for \`teamwork\` | found no \`evidence\` entry for it | expected at least one \`evidence\` entry citing one of its sources | fix add \`- characteristic: teamwork\` with \`url:\` one of its sources to \`evidence\`",
        "recommendation-evidence error 14:21 evidence[0].characteristic | evidence for \`psychological-safety\`, which the recommendation does not address | found \`psychological-safety\` | expected one of the addressed characteristics: \`teamwork\` | fix name an addressed characteristic, or add this one to \`addresses\`",
      ]
    `);
    const empty = run(withRec((s) => s.replace(/evidence:\n(?: {2,}.*\n)+/, 'evidence: []\n')));
    expect(empty.diagnostics.map((d) => `${d.rule} ${d.path} ${d.message}`)).toMatchInlineSnapshot(`
      [
        "schema evidence value is empty",
      ]
    `);
  });

  it('recommendation-history: dated, in order, starting with draft, allowed transitions only', () => {
    const h = (lines: string) => ({ [REC]: recommendation({ history: `history:\n${lines}` }) });
    const step = (status: string, date: string, extra = '') => `  - status: ${status}\n    date: "${date}"\n${extra}`;
    expect(findings(run(h(step('submitted', '2025-01-10'))))).toMatchInlineSnapshot(`
      [
        "recommendation-history error 17:13 history[0].status | the history must start with draft | found submitted | expected draft | fix add a first entry \`- status: draft\` with the date the recommendation was drafted",
      ]
    `);
    expect(findings(run(h(step('draft', '2025-02-10') + step('submitted', '2025-01-10'))))).toMatchInlineSnapshot(`
      [
        "recommendation-history error 20:11 history[1].date | history is out of order: submitted on 2025-01-10 comes before draft on 2025-02-10 | found 2025-01-10 | expected a date on or after 2025-02-10 | fix list the statuses oldest first, each with the date it was reached",
      ]
    `);
    // A date after today (the check's date is injected: 2026-11-25 in tests).
    expect(findings(run(h(step('draft', '2025-02-03') + step('endorsed', '2027-01-01'))))).toMatchInlineSnapshot(`
      [
        "recommendation-history error 20:11 history[1].date | status date is not a real past date | found "2027-01-01" | expected a calendar date on or before 2026-11-25 | fix write the date the status was actually reached",
      ]
    `);
    expect(
      findings(run(h(step('draft', '2025-01-10') + step('adopted', '2025-03-01', '    standard: alpha-2027/a-1\n')))),
    ).toMatchInlineSnapshot(`
      [
        "recommendation-history error 19:13 history[1].status | a recommendation cannot go from draft to adopted | found draft -> adopted | expected after draft: endorsed, submitted | fix record the steps in between (e.g. endorsed), or correct the status",
      ]
    `);
    expect(
      findings(
        run(
          h(
            step('draft', '2025-01-10') +
              step('submitted', '2025-02-01') +
              step('declined', '2025-06-01') +
              step('submitted', '2025-07-01') +
              step('adopted', '2025-09-01', '    standard: alpha-2027/a-1\n'),
          ),
        ),
      ),
    ).toEqual([]);
    expect(
      findings(
        run(
          h(
            step('draft', '2025-01-10') +
              step('submitted', '2025-02-01') +
              step('adopted', '2025-09-01') +
              step('submitted', '2025-10-01'),
          ),
        ),
      ),
    ).toMatchInlineSnapshot(`
      [
        "recommendation-history error 21:13 history[2].status | adopted needs the standard that adopted it | found no \`standard\` | expected \`standard:\` the ID of a standard of a later edition of \`alpha\` | fix add \`standard: <edition-id>/<code-slug>\` to this entry",
        "recommendation-history error 23:13 history[3].status | a recommendation cannot go from adopted to submitted | found adopted -> submitted | expected nothing after adopted | fix adopted is final: start a new recommendation for anything further",
      ]
    `);
    expect(findings(run(h(step('draft', '2025-01-10', '    standard: alpha-2027/a-1\n'))))).toMatchInlineSnapshot(`
      [
        "recommendation-history error 19:15 history[0].standard | only adopted and partly-adopted name an adopting standard, not draft | found \`alpha-2027/a-1\` | expected no \`standard\` on this entry | fix delete \`standard\`, or correct the status",
      ]
    `);
  });

  it('recommendation-history: adoption names a standard of a LATER edition of the SAME body', () => {
    const adopted = (standard: string) => ({
      [REC]: recommendation({
        history: `${HISTORY}  - status: submitted\n    date: "2025-02-01"\n  - status: partly-adopted\n    date: "2026-01-05"\n    standard: ${standard}\n`,
      }),
    });
    expect(findings(run(adopted('alpha-2027/a-1')))).toEqual([]);
    expect(findings(run(adopted('alpha-2027/a-2')))).toMatchInlineSnapshot(`
      [
        "recommendation-history error 23:15 history[2].standard | names a standard that does not exist | found \`alpha-2027/a-2\` | expected the ID of a standard (<edition-id>/<code-slug>) of a later edition of \`alpha\` | fix did you mean \`alpha-2027/a-1\`?",
      ]
    `);
    expect(findings(run(adopted('beta-2024/b-1')))).toMatchInlineSnapshot(`
      [
        "recommendation-history error 23:15 history[2].standard | \`beta-2024/b-1\` is a standard of \`beta\`, not of \`alpha\` | found \`beta-2024/b-1\` (edition \`beta-2024\`) | expected a standard of an edition of \`alpha\` that supersedes or starts after \`alpha-2020\` | fix name the standard of the later edition of \`alpha\` that adopted it",
      ]
    `);
    // The targeted edition's own standard is not an adoption: it was there before.
    expect(findings(run(adopted('alpha-2020/a-9')))).toMatchInlineSnapshot(`
      [
        "recommendation-history error 23:15 history[2].standard | \`alpha-2020/a-9\` is not in an edition later than \`alpha-2020\` | found \`alpha-2020/a-9\` (edition \`alpha-2020\`) | expected a standard of an edition of \`alpha\` that supersedes or starts after \`alpha-2020\` | fix adoption shows in a later edition: add that edition (with \`supersedes\`) and name its standard",
      ]
    `);
    // An older edition, by date, when there is no supersedes chain either.
    const older = {
      ...adopted('alpha-2027/a-1'),
      [REC]: recommendation({
        top: 'edition: alpha-2027',
        history: `${HISTORY}  - status: submitted\n    date: "2025-02-01"\n  - status: adopted\n    date: "2026-01-05"\n    standard: alpha-2020/a-9\n`,
      }),
    };
    expect(findings(run(older)).filter((f) => f.includes('history'))).toMatchInlineSnapshot(`
      [
        "recommendation-history error 23:15 history[2].standard | \`alpha-2020/a-9\` is not in an edition later than \`alpha-2027\` | found \`alpha-2020/a-9\` (edition \`alpha-2020\`) | expected a standard of an edition of \`alpha\` that supersedes or starts after \`alpha-2027\` | fix name the standard of the later edition of \`alpha\` that adopted it",
      ]
    `);
  });
});
