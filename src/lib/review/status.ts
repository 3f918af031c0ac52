/** What still needs a reviewer of each profession, and who has reviewed (as they asked to be credited). */
import { PROFESSIONS, type Profession } from '../../schemas/index.ts';
import { reviewStatus, type ReviewStatus } from '../crosswalk.ts';
import type { ReviewedMapping } from './records.ts';

export interface ProfessionNeed {
  profession: Profession;
  /** Mappings not yet reviewed (proposed or disputed) that no reviewer of this profession has judged. */
  awaiting: number;
  /** Of those, the mappings of bodies that accredit this profession. */
  ownBodies: number;
  /** Mappings a reviewer of this profession has judged. */
  reviewed: number;
}

export interface ReviewerCredit {
  reviewer: string;
  professions: Profession[];
  reviews: number;
  agree: number;
  dissent: number;
  first: string;
  last: string;
}

export interface ReviewStatusSummary {
  counts: Record<ReviewStatus, number>;
  needs: ProfessionNeed[];
  reviewers: ReviewerCredit[];
}

/** `bodyProfessions` maps a body ID to the professions it accredits. */
export function reviewSummary(
  mappings: readonly ReviewedMapping[],
  bodyProfessions: ReadonlyMap<string, readonly string[]>,
): ReviewStatusSummary {
  const counts: Record<ReviewStatus, number> = { reviewed: 0, proposed: 0, disputed: 0 };
  const open: ReviewedMapping[] = [];
  for (const m of mappings) {
    const s = reviewStatus(m.reviews).status;
    counts[s]++;
    if (s !== 'reviewed') open.push(m);
  }
  const needs = PROFESSIONS.map((p) => {
    const lacking = open.filter((m) => !m.reviews.some((r) => r.profession === p));
    return {
      profession: p,
      awaiting: lacking.length,
      ownBodies: lacking.filter((m) => bodyProfessions.get(m.accreditor)?.includes(p)).length,
      reviewed: mappings.filter((m) => m.reviews.some((r) => r.profession === p)).length,
    };
  });
  return { counts, needs, reviewers: credits(mappings) };
}

/** One line per reviewer name (the check's identity: trimmed, case-insensitive), most reviews first. */
function credits(mappings: readonly ReviewedMapping[]): ReviewerCredit[] {
  const byName = new Map<string, ReviewerCredit>();
  for (const r of mappings.flatMap((m) => m.reviews)) {
    const k = r.reviewer.trim().toLowerCase();
    const c = byName.get(k) ?? {
      reviewer: r.reviewer.trim(),
      professions: [],
      reviews: 0,
      agree: 0,
      dissent: 0,
      first: r.date,
      last: r.date,
    };
    if (!c.professions.includes(r.profession)) c.professions.push(r.profession);
    c.reviews++;
    c[r.verdict]++;
    if (r.date < c.first) c.first = r.date;
    if (r.date > c.last) c.last = r.date;
    byName.set(k, c);
  }
  return [...byName.values()].sort((a, b) => b.reviews - a.reviews || a.reviewer.localeCompare(b.reviewer));
}
