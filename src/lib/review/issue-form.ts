/**
 * The "Review a mapping" GitHub issue form: its fields (the template in .github/ISSUE_TEMPLATE is tested
 * against them), the prefilled link, and the conversion of a filed issue into a review record. Pure:
 * the workflow's script reads the event and writes the file.
 */
import {
  mappingReviewSchema,
  PROFESSIONS,
  STRENGTHS,
  type MappingReview,
  type Profession,
  type Strength,
} from '../../schemas/index.ts';
import { didYouMean } from '../suggest.ts';
import { parseMappingKey, reviewRecord, sameReviewer, DecisionError, type Decision } from './records.ts';

export const REVIEW_TEMPLATE = 'review-mapping.yml';

/** Field IDs (query parameters) and labels (the `### Label` headings GitHub writes into the issue body). */
export const FORM = {
  mapping: { id: 'mapping', label: 'Mapping' },
  source: { id: 'source', label: 'Official source of the standard' },
  strength: { id: 'strength', label: 'Strength as mapped' },
  rationale: { id: 'rationale', label: 'Our rationale' },
  verdict: { id: 'verdict', label: 'Your verdict' },
  suggested: { id: 'suggested-strength', label: 'Suggested strength' },
  profession: { id: 'profession', label: 'Your profession' },
  name: { id: 'name', label: 'Name to credit' },
  comment: { id: 'comment', label: 'Comment' },
  confirm: { id: 'confirm', label: 'Your own review' },
} as const;

/** Dropdown texts of the verdict field, in template order. */
export const VERDICT_OPTIONS = {
  agree: 'Agree: the mapping is right',
  disagree: 'Disagree: the standard does not bear on the characteristic this way',
  strength: 'Agree it bears on it, but with another strength',
} as const;

export const CONFIRM_TEXT =
  'I am the person named above, and this review is my own judgment, not made on anyone else’s behalf.';

/** GitHub writes this for an optional field left empty. */
const NO_RESPONSE = '_No response_';

/** The issue body's sections: heading label → text (trimmed; empty for `_No response_`). */
export function formSections(body: string): { sections: Map<string, string>; duplicates: string[] } {
  const sections = new Map<string, string>();
  const duplicates: string[] = [];
  const parts = body.replace(/\r\n?/g, '\n').split(/^### +(.+?) *$/m);
  for (let i = 1; i < parts.length; i += 2) {
    const label = parts[i]!;
    const text = parts[i + 1]!.trim();
    if (sections.has(label)) duplicates.push(label);
    sections.set(label, text === NO_RESPONSE ? '' : text);
  }
  return { sections, duplicates };
}

/** What the conversion needs to know about one standard (a StandardEntry fits). */
export interface KnownStandard {
  id: string;
  data: {
    mappings: readonly {
      characteristic: string;
      strength: Strength;
      rationale: string;
      reviews: readonly MappingReview[];
    }[];
  };
}

export interface FiledIssue {
  body: string | null;
  /** The GitHub login of the issue's author: the only person the record may credit. */
  author: string;
  /** The author's account type; bots cannot review. */
  authorType?: string;
  /** When the issue was filed (ISO timestamp): the review's date. */
  createdAt: string;
}

export type Conversion =
  { ok: true; standard: string; characteristic: string; review: MappingReview } | { ok: false; errors: string[] };

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
const ON_BEHALF = /\b(?:on behalf of|for and on behalf|obo|c\/o|per pro|p\.\s?p\.)\b/i;

/** Turn a filed review issue into a review record, or say everything that is wrong with it. */
export function issueToReview(issue: FiledIssue, standards: readonly KnownStandard[]): Conversion {
  const errors: string[] = [];
  const { sections, duplicates } = formSections(issue.body ?? '');
  for (const d of duplicates) errors.push(`the section "### ${d}" appears twice; keep one`);
  const field = (f: { label: string }, required: boolean): string => {
    const v = sections.get(f.label);
    if (v === undefined)
      errors.push(`the section "### ${f.label}" is missing: file the review with the "Review a mapping" form`);
    else if (required && v === '') errors.push(`"${f.label}" is empty: fill it in`);
    return v ?? '';
  };
  const key = field(FORM.mapping, true);
  const mappedStrength = field(FORM.strength, true);
  const rationale = field(FORM.rationale, true);
  const verdictText = field(FORM.verdict, true);
  const suggested = field(FORM.suggested, false);
  const profession = field(FORM.profession, true);
  const name = field(FORM.name, true);
  const comment = field(FORM.comment, false);
  const confirm = field(FORM.confirm, true);
  if (errors.length) return { ok: false, errors };

  const target = findMapping(key, standards, errors);
  if (target && squash(target.mapping.rationale) !== squash(rationale))
    errors.push(
      `the mapping's rationale changed since this form was filled (or the prefilled text was edited): review the current rationale with a new form`,
    );
  if (target && target.mapping.strength !== mappedStrength.trim())
    errors.push(
      `the mapping is now ${target.mapping.strength}, not ${mappedStrength}: review the current mapping with a new form`,
    );
  if (!(PROFESSIONS as readonly string[]).includes(profession)) {
    const hint = didYouMean(profession, PROFESSIONS);
    errors.push(
      `profession "${profession}" is not in the controlled list${hint ? `; ${hint}` : ''} (see CONTRIBUTING.md, field reference)`,
    );
  }
  onBehalfErrors(issue, name, comment, confirm, errors);
  if (target && target.mapping.reviews.some((r) => sameReviewer(r.reviewer, name)))
    errors.push(
      `${name.trim()} has already reviewed ${key}; one review per reviewer (edit the existing record to change it)`,
    );
  const decision = decisionOf(verdictText, suggested, comment, errors);
  if (errors.length || !target || !decision) return { ok: false, errors };

  let review: MappingReview;
  try {
    review = reviewRecord(
      { reviewer: name, profession: profession as Profession },
      issue.createdAt.slice(0, 10),
      target.mapping.strength,
      decision,
    );
  } catch (e) {
    if (e instanceof DecisionError) return { ok: false, errors: [e.message] };
    throw e;
  }
  const valid = mappingReviewSchema.safeParse(review);
  if (!valid.success)
    return { ok: false, errors: valid.error.issues.map((i) => `${i.path.join('.') || 'review'}: ${i.message}`) };
  return { ok: true, standard: target.standard, characteristic: target.mapping.characteristic, review: valid.data };
}

function findMapping(key: string, standards: readonly KnownStandard[], errors: string[]) {
  const parsed = parseMappingKey(key);
  if (!parsed) {
    errors.push(
      `"${key}" is not a mapping key: expected <edition>/<code>#<characteristic>, as the "Review this mapping" link fills it in`,
    );
    return undefined;
  }
  const standard = standards.find((s) => s.id === parsed.standard);
  if (!standard) {
    const hint = didYouMean(
      parsed.standard,
      standards.map((s) => s.id),
    );
    errors.push(`no standard \`${parsed.standard}\` in the crosswalk${hint ? `; ${hint}` : ''}`);
    return undefined;
  }
  const mapping = standard.data.mappings.find((m) => m.characteristic === parsed.characteristic);
  if (!mapping) {
    const chars = standard.data.mappings.map((m) => m.characteristic);
    errors.push(
      `standard \`${standard.id}\` has no mapping to \`${parsed.characteristic}\` (it maps ${chars.map((c) => `\`${c}\``).join(', ') || 'nothing'})`,
    );
    return undefined;
  }
  return { standard: standard.id, mapping };
}

/** Reviews come from real people, each for themselves: refuse anything that looks like a proxy review. */
function onBehalfErrors(issue: FiledIssue, name: string, comment: string, confirm: string, errors: string[]): void {
  if (issue.authorType === 'Bot' || /\[bot\]$/i.test(issue.author))
    errors.push(`the issue was filed by a bot (${issue.author}); reviews come from people`);
  if (!/^- \[[xX]\] /m.test(confirm))
    errors.push('the confirmation that this is your own review is not ticked; only the reviewer can file their review');
  for (const m of name.matchAll(/@([A-Za-z0-9-]+)/g))
    if (m[1]!.toLowerCase() !== issue.author.toLowerCase())
      errors.push(
        `"${name}" names @${m[1]}, but the issue was filed by @${issue.author}: each reviewer files their own review`,
      );
  if (ON_BEHALF.test(name) || ON_BEHALF.test(comment))
    errors.push('the review is made on someone else’s behalf; ask that person to file their own review');
}

function decisionOf(verdictText: string, suggested: string, comment: string, errors: string[]): Decision | undefined {
  const c = comment.trim() || undefined;
  const strength = suggested.trim();
  if (verdictText === VERDICT_OPTIONS.agree) {
    if (strength)
      errors.push('a suggested strength goes with the third verdict ("… with another strength"), not with agree');
    return { kind: 'agree', ...(c && { comment: c }) };
  }
  if (verdictText === VERDICT_OPTIONS.disagree) {
    if (!c) errors.push('a disagreement needs a comment saying why');
    return c ? { kind: 'disagree', comment: c } : undefined;
  }
  if (verdictText === VERDICT_OPTIONS.strength) {
    if (!(STRENGTHS as readonly string[]).includes(strength)) {
      errors.push(`"${FORM.suggested.label}" must be one of ${STRENGTHS.join(', ')} for this verdict`);
      return undefined;
    }
    return { kind: 'strength', strength: strength as Strength, ...(c && { comment: c }) };
  }
  errors.push(`"${verdictText}" is not one of the verdicts the form offers`);
  return undefined;
}

/** The link that opens the form prefilled for one mapping (GitHub issue forms read `?template=&<field-id>=`). */
export function reviewIssueUrl(
  repoUrl: string,
  m: {
    standard: string;
    characteristic: string;
    strength: Strength;
    rationale: string;
    sourceUrl?: string | undefined;
    label: string;
  },
): string {
  const q = new URLSearchParams({
    template: REVIEW_TEMPLATE,
    title: `Review: ${m.label} → ${m.characteristic}`,
    [FORM.mapping.id]: `${m.standard}#${m.characteristic}`,
    [FORM.source.id]: m.sourceUrl ?? '',
    [FORM.strength.id]: m.strength,
    [FORM.rationale.id]: m.rationale,
  });
  return `${repoUrl.replace(/\/$/, '')}/issues/new?${q.toString()}`;
}
