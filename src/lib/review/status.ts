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

/**
 * `bodyProfessions` maps a body ID to the professions it accredits. One pass over the mappings: per
 * profession, the open mappings it has judged are counted and taken from all open ones (a filter per
 * profession over every mapping took half a second at 40,000 mappings).
 */
export function reviewSummary(
  mappings: readonly ReviewedMapping[],
  bodyProfessions: ReadonlyMap<string, readonly string[]>,
): ReviewStatusSummary {
  const counts: Record<ReviewStatus, number> = { reviewed: 0, proposed: 0, disputed: 0 };
  const tally = () => new Map<string, number>();
  const add = (m: Map<string, number>, p: string) => m.set(p, (m.get(p) ?? 0) + 1);
  /** Mappings judged by a reviewer of the profession; open ones; open ones of bodies accrediting it. */
  const reviewed = tally();
  const openJudged = tally();
  const openOwn = tally();
  const openOwnJudged = tally();
  let open = 0;
  const judged = new Set<string>();
  const own = new Map<string, ReadonlySet<string>>();
  const ownOf = (body: string) => {
    let set = own.get(body);
    if (!set) own.set(body, (set = new Set(bodyProfessions.get(body) ?? [])));
    return set;
  };
  for (const m of mappings) {
    const s = reviewStatus(m.reviews).status;
    counts[s]++;
    judged.clear();
    for (const r of m.reviews) judged.add(r.profession);
    for (const p of judged) add(reviewed, p);
    if (s === 'reviewed') continue;
    open++;
    for (const p of judged) add(openJudged, p);
    for (const p of ownOf(m.accreditor)) {
      add(openOwn, p);
      if (judged.has(p)) add(openOwnJudged, p);
    }
  }
  const needs = PROFESSIONS.map((p) => ({
    profession: p,
    awaiting: open - (openJudged.get(p) ?? 0),
    ownBodies: (openOwn.get(p) ?? 0) - (openOwnJudged.get(p) ?? 0),
    reviewed: reviewed.get(p) ?? 0,
  }));
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
