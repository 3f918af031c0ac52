/**
 * Mapping reviews as the review tools see them: one row per mapping with its body, edition, claim and
 * review records, plus the decisions a reviewer can take and how each becomes a review record.
 */
import { type MappingReview, type Profession, type Strength } from '../../schemas/index.ts';
import type { Content } from '../content.ts';

/** A mapping's key in links, forms and the review page: `<standard-id>#<characteristic>`. */
export function mappingKey(standardId: string, characteristic: string): string {
  return `${standardId}#${characteristic}`;
}

const KEY = /^([a-z0-9-]+\/[a-z0-9-]+)#([a-z0-9-]+)$/;

/** The parts of a mapping key, or undefined when it is not one. */
export function parseMappingKey(key: string): { standard: string; characteristic: string } | undefined {
  const m = KEY.exec(key.trim());
  return m ? { standard: m[1]!, characteristic: m[2]! } : undefined;
}

export interface ReviewedMapping {
  key: string;
  standard: string;
  code: string;
  title?: string;
  edition: string;
  accreditor: string;
  characteristic: string;
  strength: Strength;
  rationale: string;
  quote?: string;
  sourceUrl?: string;
  /** The standard's summary (Markdown body without sourcing notes is the caller's concern). */
  summary: string;
  reviews: MappingReview[];
}

/** Every mapping of the content with its review records, in standard then mapping order. */
export function reviewedMappings(content: Content): ReviewedMapping[] {
  const accreditorOf = new Map(content.editions.map((e) => [e.id, e.data.accreditor]));
  return [...content.standards]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .flatMap((s) =>
      s.data.mappings.map((m) => ({
        key: mappingKey(s.id, m.characteristic),
        standard: s.id,
        code: s.data.code,
        ...(s.data.title !== undefined && { title: s.data.title }),
        edition: s.edition,
        accreditor: accreditorOf.get(s.edition) ?? '',
        characteristic: m.characteristic,
        strength: m.strength,
        rationale: m.rationale,
        ...(m.quote !== undefined && { quote: m.quote }),
        ...(s.data.sourceUrl !== undefined && { sourceUrl: s.data.sourceUrl }),
        summary: s.file.body,
        reviews: m.reviews,
      })),
    );
}

/** The identity the check uses for "one review per reviewer" (rules/reviews.ts). */
export function sameReviewer(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/** Mappings that no reviewer of `profession` has reviewed yet. */
export function lackingProfession(mappings: readonly ReviewedMapping[], profession: Profession): ReviewedMapping[] {
  return mappings.filter((m) => !m.reviews.some((r) => r.profession === profession));
}

/** What a reviewer decides about one mapping. */
export type Decision =
  | { kind: 'agree'; comment?: string }
  | { kind: 'disagree'; comment: string }
  | { kind: 'strength'; strength: Strength; comment?: string };

export const DECISION_KINDS = ['agree', 'disagree', 'strength'] as const;

/** A review's verdict as people read it: "agree", "dissent", or "dissent, suggests partial". */
export function verdictText(r: Pick<MappingReview, 'verdict' | 'suggestedStrength'>): string {
  return r.suggestedStrength ? `${r.verdict}, suggests ${r.suggestedStrength}` : r.verdict;
}

/** A decision that cannot become a valid review record; the message says what to change. */
export class DecisionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DecisionError';
  }
}

/** The review record for a decision; key order is the schema's, so the written YAML reads like the rest. */
export function reviewRecord(
  who: { reviewer: string; profession: Profession },
  date: string,
  mapped: Strength,
  d: Decision,
): MappingReview {
  const comment = d.comment?.trim() || undefined;
  const base = { reviewer: who.reviewer.trim(), profession: who.profession, date };
  switch (d.kind) {
    case 'agree':
      return { ...base, verdict: 'agree', ...(comment && { note: comment }) };
    case 'disagree':
      if (!comment) throw new DecisionError('a disagreement needs a comment saying why');
      return { ...base, verdict: 'dissent', note: comment };
    case 'strength':
      if (d.strength === mapped)
        throw new DecisionError(`the mapping is already ${mapped}: choose another strength, or agree`);
      return { ...base, verdict: 'dissent', suggestedStrength: d.strength, ...(comment && { note: comment }) };
    default:
      return d satisfies never;
  }
}
