/** Each rule on an inline fixture, with its message wording locked by an inline snapshot. */
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/lib/check/rules/index.ts';
import { sameText } from '../../src/lib/check/rules/mappings.ts';
import { baseSet, check } from '../helpers.ts';

const STD = 'standards/alpha-2020/a-1.md';
const ED = 'editions/alpha-2020.md';
const set = (patch: Record<string, string>) => check({ ...baseSet(), ...patch });
const byRule = (r: ReturnType<typeof check>, rule: string) =>
  r.diagnostics
    .filter((d) => d.rule === rule)
    .map(
      (d) =>
        `${d.file}:${d.line}:${d.column} ${d.path} | ${d.message} | found ${d.found} | expected ${d.expected} | fix ${d.fix}`,
    );
const std = (f: (s: string) => string) => ({ [STD]: f(baseSet()[STD]!) });
const ed = (f: (s: string) => string) => ({ [ED]: f(baseSet()[ED]!) });

describe('check rules', () => {
  it('the base set is clean', () => {
    const r = check(baseSet());
    expect(r.diagnostics).toEqual([]);
    expect(r.summary).toBe(
      'checked 4 files: 1 characteristics, 1 accreditors, 1 editions, 1 standards, 1 mappings, 0 initiatives: 0 errors, 0 warnings',
    );
  });

  it('registry ids are unique and described', () => {
    const ids = RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of RULES) expect(r.description.length).toBeGreaterThan(10);
  });

  it('file-name: standard file must be the slug of its code', () => {
    const r = set({ 'standards/alpha-2020/a1.md': baseSet()[STD]! });
    expect(byRule(r, 'file-name')).toMatchInlineSnapshot(`
      [
        "content/standards/alpha-2020/a1.md:2:7 code | file name does not match the standard code | found file \`a1.md\` for code "A-1" | expected \`a-1.md\` (the code in lowercase, other characters as hyphens) | fix rename the file to \`a-1.md\`, or correct \`code\`",
      ]
    `);
  });

  it('unique-ids: two files with one code in an edition name both files', () => {
    const r = set({ 'standards/alpha-2020/a-1-copy.md': baseSet()[STD]! });
    expect(byRule(r, 'unique-ids')).toMatchInlineSnapshot(`
      [
        "content/standards/alpha-2020/a-1-copy.md:2:7 code | code "A-1" appears twice in edition \`alpha-2020\` | found content/standards/alpha-2020/a-1-copy.md and content/standards/alpha-2020/a-1.md | expected each code once per edition | fix merge the mappings into one file and delete the other",
      ]
    `);
  });

  it('unique-ids: IDs differing only by case collide', () => {
    const r = set({ 'accreditors/Alpha.md': baseSet()['accreditors/alpha.md']! });
    expect(byRule(r, 'unique-ids')).toHaveLength(1);
    expect(r.diagnostics.find((d) => d.rule === 'unique-ids')!.found).toContain('content/accreditors/alpha.md');
  });

  it('references: edition to accreditor, supersedes, review records, standards folder, stubs', () => {
    const r = set({
      ...ed((s) =>
        s
          .replace('accreditor: alpha', 'accreditor: alpah')
          .replace(
            'copyright:',
            'supersedes: alpha-2019\nreviews:\n  - reviewer: T\n    date: "2025-01-01"\n    characteristics: [psychological-safty]\n    scope: All.\ncopyright:',
          ),
      ),
      'standards/beta-2020/a-1.md': baseSet()[STD]!,
      'characteristics/old-safety.md': '---\nreplacedBy: psych-safety\n---\n',
    });
    expect(byRule(r, 'references')).toMatchInlineSnapshot(`
      [
        "content/characteristics/old-safety.md:2:13 replacedBy | replacedBy names a characteristic that does not exist | found \`psych-safety\` | expected the ID of a file in content/characteristics/ | fix correct the ID",
        "content/editions/alpha-2020.md:2:13 accreditor | refers to an accreditor that does not exist | found \`alpah\` | expected the ID of a file in content/accreditors/ | fix did you mean \`alpha\`?",
        "content/editions/alpha-2020.md:7:13 supersedes | refers to an edition that does not exist | found \`alpha-2019\` | expected the ID of a file in content/editions/ | fix did you mean \`alpha-2020\`?",
        "content/editions/alpha-2020.md:11:23 reviews[0].characteristics[0] | refers to a characteristic that does not exist | found \`psychological-safty\` | expected the ID of a file in content/characteristics/ | fix did you mean \`psychological-safety\`?",
        "content/standards/beta-2020/a-1.md:1:1  | standards folder \`beta-2020\` matches no edition | found content/standards/beta-2020/ | expected a folder named after a file in content/editions/ | fix create content/editions/beta-2020.md or move the standards",
      ]
    `);
  });

  it('references: a mapping to a replaced characteristic is a warning naming the successor', () => {
    const r = set({
      'characteristics/safety.md': '---\nreplacedBy: psychological-safety\n---\n',
      ...std((s) => s.replace('characteristic: psychological-safety', 'characteristic: safety')),
    });
    expect(r.errors).toBe(0);
    expect(byRule(r, 'references')).toMatchInlineSnapshot(`
      [
        "content/standards/alpha-2020/a-1.md:9:21 mappings[0].characteristic | refers to characteristic \`safety\`, which was replaced | found \`safety\` | expected the current ID \`psychological-safety\` | fix change it to \`psychological-safety\`",
      ]
    `);
  });

  it('references: a file with a schema error still has its references checked, so one run reports both', () => {
    const r = set({
      ...std((s) =>
        s
          .replace('bindingness: required', 'bindingness: mandatory')
          .replace('characteristic: psychological-safety', 'characteristic: psychological-safty'),
      ),
      ...ed((s) =>
        s.replace('accreditor: alpha', 'accreditor: alpah').replace('copyright:', 'colour: red\ncopyright:'),
      ),
    });
    expect(r.diagnostics.map((d) => `${d.file}:${d.line} ${d.rule} ${d.path} | ${d.fix ?? ''}`)).toEqual([
      'content/editions/alpha-2020.md:2 references accreditor | did you mean `alpha`?',
      expect.stringMatching(/^content\/editions\/alpha-2020\.md:\d+ schema colour \| /),
      expect.stringMatching(/^content\/standards\/alpha-2020\/a-1\.md:5 schema bindingness \| /),
      'content/standards/alpha-2020/a-1.md:9 references mappings[0].characteristic | did you mean `psychological-safety`?',
    ]);
    // A field the schema refuses is not reported again as a reference.
    const upper = set(std((s) => s.replace('characteristic: psychological-safety', 'characteristic: Psych_Safety')));
    expect(upper.diagnostics.map((d) => `${d.rule} ${d.path}`)).toEqual(['schema mappings[0].characteristic']);
    // A file that exists but fails its schema is not also "missing" for every file that names it.
    const badTarget = set({
      'characteristics/psychological-safety.md': baseSet()['characteristics/psychological-safety.md']!.replace(
        'level: micro',
        'level: nano',
      ),
    });
    expect(badTarget.diagnostics.map((d) => `${d.rule} ${d.file} ${d.path}`)).toEqual([
      'schema content/characteristics/psychological-safety.md level',
    ]);
  });

  it('editions: a title at a level the edition lists as untitled is an error; untitled standards there pass', () => {
    const untitled = (levels: string) => ed((s) => s.replace('copyright:', `untitledLevels: [${levels}]\ncopyright:`));
    expect(byRule(set(untitled('standard')), 'editions')).toMatchInlineSnapshot(`
      [
        "content/standards/alpha-2020/a-1.md:3:8 title | has a title, but its edition says the body publishes no heading at the standard level | found title "Safe Climate" on a standard | expected no title, or \`standard\` removed from the edition's \`untitledLevels\` | fix check the body's document: remove the title if it is ours, or correct the edition's \`untitledLevels\`",
      ]
    `);
    expect(byRule(set(untitled('element')), 'editions')).toEqual([]);
    const noTitle = std((s) => s.replace('title: Safe Climate\n', ''));
    expect(set({ ...untitled('standard'), ...noTitle }).diagnostics).toEqual([]);
  });

  it('editions: dates, supersede direction and cycles', () => {
    const edition = baseSet()[ED]!;
    const alpha2021 = edition
      .replace('"2020-07-01"', '"2021"')
      .replace('copyright:', 'supersedes: alpha-2020\ncopyright:');
    const r = set({
      ...ed((s) => s.replace('copyright:', 'effectiveTo: "2019"\nsupersedes: alpha-2021\ncopyright:')),
      'editions/alpha-2021.md': alpha2021,
    });
    expect(byRule(r, 'editions')).toMatchInlineSnapshot(`
      [
        "content/editions/alpha-2020.md:7:14 effectiveTo | edition ends before it starts | found effectiveFrom "2020-07-01", effectiveTo "2019" | expected effectiveTo on or after effectiveFrom | fix correct one of the two dates from the source",
        "content/editions/alpha-2020.md:8:13 supersedes | supersedes an edition that does not start earlier | found this edition from "2020-07-01", \`alpha-2021\` from "2021" | expected the superseded edition to take effect first | fix check the effective dates, or swap which edition supersedes which",
        "content/editions/alpha-2020.md:8:13 supersedes | supersedes chain loops back on itself | found alpha-2020 → alpha-2021 → alpha-2020 | expected a chain from newest to oldest that ends | fix remove \`supersedes\` from the oldest edition in the loop",
      ]
    `);
  });

  it('one-mapping-per-characteristic', () => {
    const r = set(
      std((s) =>
        s.replace(
          '---\nSummary',
          '  - characteristic: psychological-safety\n    strength: partial\n    rationale: Also partly about speaking up in clinical teams.\n---\nSummary',
        ),
      ),
    );
    expect(byRule(r, 'one-mapping-per-characteristic')).toMatchInlineSnapshot(`
      [
        "content/standards/alpha-2020/a-1.md:12:21 mappings[1].characteristic | characteristic \`psychological-safety\` is mapped twice | found mappings[0] and mappings[1] | expected one mapping per characteristic | fix merge the two mappings into one (keep the stronger supported strength and both reasons)",
      ]
    `);
  });

  it('rationale: not a copy of the title, not too short', () => {
    const a = set(std((s) => s.replace(/rationale: .*/, 'rationale: Safe climate')));
    expect(byRule(a, 'rationale')).toMatchInlineSnapshot(`
      [
        "content/standards/alpha-2020/a-1.md:11:16 mappings[0].rationale | rationale repeats the standard instead of explaining the mapping | found "Safe climate" | expected why this standard bears on the characteristic, in our own words | fix say what in the standard supports \`psychological-safety\` and how strongly",
      ]
    `);
    const b = set(std((s) => s.replace(/rationale: .*/, 'rationale: Learners speak up.')));
    expect(byRule(b, 'rationale')).toMatchInlineSnapshot(`
      [
        "content/standards/alpha-2020/a-1.md:11:16 mappings[0].rationale | rationale is too short to be checked | found 3 word(s): "Learners speak up." | expected one or two sentences (at least 6 words) | fix name the part of the standard that supports the mapping and why",
      ]
    `);
  });

  it('quote-length', () => {
    const r = set(std((s) => s.replace(/(rationale: .*)/, `$1\n    quote: "${'word '.repeat(26).trim()}"`)));
    expect(byRule(r, 'quote-length')).toMatchInlineSnapshot(`
      [
        "content/standards/alpha-2020/a-1.md:12:12 mappings[0].quote | quote is too long | found 26 words | expected at most 25 words | fix quote only the decisive phrase and say the rest in the rationale, in our own words",
      ]
    `);
  });

  it('verification-source: verified needs a URL; unverified without one warns', () => {
    const a = set(std((s) => s.replace(/sourceUrl: .*\n/, '')));
    expect(byRule(a, 'verification-source')).toMatchInlineSnapshot(`
      [
        "content/standards/alpha-2020/a-1.md:6:15 verification | \`verification: verified\` without a sourceUrl | found no \`sourceUrl\` | expected the URL where the code and title were seen | fix add \`sourceUrl:\`, or set \`verification: unverified\`",
      ]
    `);
    const b = set(
      std((s) => s.replace(/sourceUrl: .*\n/, '').replace('verification: verified', 'verification: unverified')),
    );
    expect(b.errors).toBe(0);
    expect(b.warnings).toBe(1);
  });

  it('https-urls, however deep', () => {
    const r = set({
      'characteristics/psychological-safety.md': baseSet()['characteristics/psychological-safety.md']!.replace(
        'https://example.org/s',
        'http://example.org/s',
      ),
    });
    expect(byRule(r, 'https-urls')).toMatchInlineSnapshot(`
      [
        "content/characteristics/psychological-safety.md:10:10 sources[0].url | URL is not https | found "http://example.org/s" | expected a URL starting with https:// | fix use "https://example.org/s" if the site serves it",
      ]
    `);
  });

  it('markdown-html: raw HTML and script in bodies, with the body line', () => {
    const r = set(std((s) => `${s}\nMore text.\n\n<script>alert(1)</script>\n\n<div>box</div>\n`));
    expect(byRule(r, 'markdown-html')).toMatchInlineSnapshot(`
      [
        "content/standards/alpha-2020/a-1.md:17:1  | script or embedded content in the Markdown body | found "<script>alert(1)</script>" | expected plain Markdown (paragraphs, lists, *emphasis*, [links](https://...)) | fix remove the HTML tag; use Markdown syntax instead",
        "content/standards/alpha-2020/a-1.md:19:1  | raw HTML in the Markdown body | found "<div>box</div>" | expected plain Markdown (paragraphs, lists, *emphasis*, [links](https://...)) | fix remove the HTML tag; use Markdown syntax instead",
      ]
    `);
    const ok = set(std((s) => `${s}\nA link <https://example.org> and 3 < 4.\n`));
    expect(byRule(ok, 'markdown-html')).toEqual([]);
  });

  it('review-consistency: future dates, double reviewers, dissent without note', () => {
    const reviews = `\n    reviews:\n      - reviewer: Ann\n        profession: nursing\n        date: "2030-01-01"\n        verdict: agree\n      - reviewer: ann\n        profession: pharmacy\n        date: "2025-01-01"\n        verdict: dissent`;
    const r = set(std((s) => s.replace(/(rationale: .*)/, `$1${reviews}`)));
    expect(byRule(r, 'review-consistency')).toMatchInlineSnapshot(`
      [
        "content/standards/alpha-2020/a-1.md:15:15 mappings[0].reviews[0].date | review date is not a real past date | found "2030-01-01" | expected a calendar date on or before 2026-11-25 | fix write the date the review was actually made",
        "content/standards/alpha-2020/a-1.md:17:9 mappings[0].reviews[1].note | a dissent needs a note | found no \`note\` | expected why the reviewer disagrees | fix add \`note:\` with the reason for dissent",
        "content/standards/alpha-2020/a-1.md:17:19 mappings[0].reviews[1].reviewer | ann reviewed this mapping twice | found two reviews by one reviewer | expected one review per reviewer | fix keep the latest review and delete the older one",
      ]
    `);
  });

  it('review-consistency: a suggested strength goes with a dissent, differs from the mapping and needs no note', () => {
    const review = (verdict: string, suggested: string) =>
      `\n    reviews:\n      - reviewer: Ann\n        profession: nursing\n        date: "2025-01-01"\n        verdict: ${verdict}\n        suggestedStrength: ${suggested}`;
    const withReview = (verdict: string, suggested: string) =>
      set(std((s) => s.replace(/(rationale: .*)/, `$1${review(verdict, suggested)}`)));
    expect(byRule(withReview('dissent', 'partial'), 'review-consistency')).toEqual([]);
    expect(byRule(withReview('agree', 'partial'), 'review-consistency')).toMatchInlineSnapshot(`
      [
        "content/standards/alpha-2020/a-1.md:16:18 mappings[0].reviews[0].verdict | a suggested strength goes with a dissent | found verdict \`agree\` with suggestedStrength \`partial\` | expected verdict \`dissent\` (the reviewer would rate it differently) | fix set \`verdict: dissent\`, or delete \`suggestedStrength\` if the reviewer agrees",
      ]
    `);
    expect(byRule(withReview('dissent', 'explicit'), 'review-consistency')).toMatchInlineSnapshot(`
      [
        "content/standards/alpha-2020/a-1.md:17:28 mappings[0].reviews[0].suggestedStrength | the suggested strength is the mapping's own (explicit) | found suggestedStrength \`explicit\` | expected a strength other than explicit | fix correct \`suggestedStrength\`, or make the review \`verdict: agree\` without it",
      ]
    `);
    expect(byRule(withReview('dissent', 'strong'), 'schema')).toHaveLength(1);
  });

  it('summary-present warns on an empty standard body', () => {
    const r = set(std((s) => s.replace('Summary.\n', '')));
    expect(r.warnings).toBe(1);
    expect(byRule(r, 'summary-present')[0]).toContain('no own-words summary');
  });

  it('schema: unknown nested field and bad enum inside a mapping', () => {
    const r = set(std((s) => s.replace('strength: explicit', 'strength: explict\n    strenght: x')));
    expect(byRule(r, 'schema')).toMatchInlineSnapshot(`
      [
        "content/standards/alpha-2020/a-1.md:10:15 mappings[0].strength | value is not one of the allowed values | found "explict" | expected one of: explicit, partial, implicit | fix did you mean \`explicit\`?",
        "content/standards/alpha-2020/a-1.md:11:5 mappings[0].strenght | unknown field \`strenght\` | found \`strenght\` | expected one of: characteristic, strength, rationale, quote, reviews | fix did you mean \`strength\`?",
      ]
    `);
  });
});

describe('sameText (rationale copies)', () => {
  it('ignores case, punctuation and spacing but not words', () => {
    expect(sameText('Safe climate', 'safe  climate.')).toBe(true);
    expect(sameText('  -- Psychological safety, for all! ', 'psychological safety for all')).toBe(true);
    expect(sameText('ab c', 'abc')).toBe(false);
    expect(sameText('abc', 'abd')).toBe(false);
    expect(sameText('Safe climate', 'Safe climate and teams')).toBe(false);
    expect(sameText('Safe climate', undefined)).toBe(false);
    expect(sameText('A', 'a')).toBe(true);
    expect(sameText('!!', '')).toBe(true);
  });
});
