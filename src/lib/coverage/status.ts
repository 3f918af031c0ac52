/** Cell statuses, evidence qualifiers, support weights and severities: the constants every output shows. */
import type { Bindingness, Strength } from '../../schemas/index.ts';

export const STATUSES = ['covered', 'partial', 'opportunity', 'gap', 'not-reviewed'] as const;
export type Status = (typeof STATUSES)[number];

export const STATUS_LABEL: Record<Status, string> = {
  covered: 'Covered',
  partial: 'Partial',
  opportunity: 'Opportunity',
  gap: 'Gap',
  'not-reviewed': 'Not reviewed',
};
/** Symbols used wherever status is shown, so it is never conveyed by colour alone. */
export const STATUS_SYMBOL: Record<Status, string> = {
  covered: '●',
  partial: '◐',
  opportunity: '◇',
  gap: '○',
  'not-reviewed': '–',
};
/** What each status means, in one clause: the legend and method text of every output are built from it. */
export const STATUS_MEANING: Record<Status, string> = {
  covered: 'at least one standard requires it in so many words (an explicit mapping)',
  partial: 'a standard requires part of it, or requires it in one setting only; none requires it in full',
  opportunity:
    'the body does not ask for it, but it could serve as evidence for meeting a standard (implicit mappings only): an integration opportunity, not coverage',
  gap: 'the edition was reviewed for it and no standard bears on it',
  'not-reviewed': 'no one has yet checked this edition for it; this is not a gap',
};

/**
 * Evidence qualifiers: a cell whose support rests only on weaker evidence carries a numbered note,
 * like caniuse's. Each is computed over the standards that give the cell its status.
 */
export const QUALIFIERS = ['secondary-only', 'guidance-only', 'proposed-only'] as const;
export type Qualifier = (typeof QUALIFIERS)[number];
export const QUALIFIER_NOTE: Record<Qualifier, { mark: string; text: string }> = {
  'secondary-only': {
    mark: '1',
    text: "rests only on standards not verified in the body's own text of this edition (secondary or unverified)",
  },
  'guidance-only': { mark: '2', text: 'rests only on non-binding guidance' },
  'proposed-only': {
    mark: '3',
    text: 'rests only on proposed mappings that reviewers of two professions have not yet agreed',
  },
};

/**
 * Support weights: how much a mapping counts, by its strength and the standard's bindingness.
 * A characteristic found only in guidance is weaker coverage than one in a required standard.
 */
export const STRENGTH_WEIGHT: Record<Strength, number> = { explicit: 1, partial: 0.6, implicit: 0.3 };
export const BINDING_WEIGHT: Record<Bindingness, number> = { required: 1, expected: 0.75, guidance: 0.4 };

export type StatusCounts = Record<Status, number>;
export const zeroCounts = (): StatusCounts => ({ covered: 0, partial: 0, opportunity: 0, gap: 0, 'not-reviewed': 0 });

export const SEVERITIES = ['high', 'medium', 'low', 'none', 'unknown'] as const;
export type Severity = (typeof SEVERITIES)[number];
export const SEVERITY_TEXT: Record<Severity, string> = {
  high: 'High: reviewed gaps, and no required standard demands it even in part (opportunities do not count)',
  medium: 'Medium: coverage is only partial, an opportunity, or in non-binding guidance',
  low: 'Low: required explicitly by some bodies, a gap, partial or an opportunity at others',
  none: 'None: covered explicitly at every selected body, each of them reviewed',
  unknown: 'Unknown: too few of the selected bodies were reviewed to tell; a gap may be hidden',
};
