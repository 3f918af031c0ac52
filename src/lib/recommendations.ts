/**
 * The evaluation phase: where recommendations stand, how many bodies adopted them, how long adoption
 * took, and how coverage of the targeted cells moved from the edition before to the edition after.
 */
import { RECOMMENDATION_STATUSES, type RecommendationStatus } from '../schemas/recommendation.ts';
import { cellFor } from './coverage/cells.ts';
import type { Status } from './coverage/status.ts';
import { startKey, type CrosswalkIndex, type EditionData, type RecommendationData } from './crosswalk.ts';

export const RECOMMENDATION_STATUS_LABEL: Record<RecommendationStatus, string> = {
  draft: 'Draft',
  endorsed: 'Endorsed',
  submitted: 'Submitted',
  'under-consideration': 'Under consideration',
  adopted: 'Adopted',
  'partly-adopted': 'Partly adopted',
  declined: 'Declined',
};

/** Statuses that mean the body has the recommendation in hand (or had it). */
const REACHED_BODY: readonly RecommendationStatus[] = [
  'submitted',
  'under-consideration',
  'adopted',
  'partly-adopted',
  'declined',
];

export interface Movement {
  recommendation: string;
  characteristic: string;
  before: { edition: string; status: Status };
  /** The edition after: the adopting standard's edition, else the edition that superseded the target. */
  after?: { edition: string; status: Status };
}

export interface Adoption {
  recommendation: string;
  status: 'adopted' | 'partly-adopted';
  submitted: string;
  decided: string;
  days: number;
}

export interface Tracker {
  total: number;
  byStatus: Record<RecommendationStatus, RecommendationData[]>;
  /** Recommendations that reached the body (submitted at some point). */
  submitted: number;
  /** Of those, the ones the body decided on (adopted, partly adopted or declined). */
  decided: number;
  /** Adopted in full or in part. */
  adopted: number;
  /** adopted / submitted, or undefined when nothing was submitted. */
  adoptionRate?: number;
  adoptions: Adoption[];
  /** Median days from submission to adoption, or undefined with no adoption. */
  medianDays?: number;
  movements: Movement[];
}

/** Whole days between two YYYY-MM-DD dates. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** The edition whose coverage shows what became of the recommendation, if there is one yet. */
export function editionAfter(crosswalk: CrosswalkIndex, r: RecommendationData): EditionData | undefined {
  const adopting = [...r.history].reverse().find((h) => h.standard !== undefined)?.standard;
  const viaStandard = adopting ? crosswalk.standards.get(adopting)?.edition : undefined;
  if (viaStandard) return crosswalk.editions.get(viaStandard);
  const target = crosswalk.editions.get(r.edition);
  if (!target) return undefined;
  const later = (crosswalk.editionsByAccreditor.get(r.accreditor) ?? []).filter(
    (e) => e.supersedes === target.id || (e.id !== target.id && startKey(e) > startKey(target)),
  );
  return later.find((e) => e.supersedes === target.id) ?? later[0];
}

/** The adoption step of a recommendation and the submission it answers, if it was adopted. */
function adoptionOf(r: RecommendationData): Adoption | undefined {
  const i = r.history.findLastIndex((h) => h.status === 'adopted' || h.status === 'partly-adopted');
  if (i < 0) return undefined;
  const sub = r.history.slice(0, i).findLast((h) => h.status === 'submitted');
  if (!sub) return undefined;
  const step = r.history[i]!;
  return {
    recommendation: r.id,
    status: step.status as Adoption['status'],
    submitted: sub.date,
    decided: step.date,
    days: daysBetween(sub.date, step.date),
  };
}

export function trackRecommendations(
  crosswalk: CrosswalkIndex,
  list: readonly RecommendationData[] = crosswalk.data.recommendations,
): Tracker {
  const byStatus = Object.fromEntries(RECOMMENDATION_STATUSES.map((s) => [s, [] as RecommendationData[]])) as Record<
    RecommendationStatus,
    RecommendationData[]
  >;
  let submitted = 0;
  let decided = 0;
  let adopted = 0;
  const adoptions: Adoption[] = [];
  const movements: Movement[] = [];
  for (const r of list) {
    byStatus[r.status].push(r);
    if (r.history.some((h) => REACHED_BODY.includes(h.status))) submitted++;
    if (r.status === 'adopted' || r.status === 'partly-adopted' || r.status === 'declined') decided++;
    if (r.status === 'adopted' || r.status === 'partly-adopted') adopted++;
    const a = adoptionOf(r);
    if (a) adoptions.push(a);
    const after = editionAfter(crosswalk, r);
    for (const { characteristic } of r.addresses) {
      movements.push({
        recommendation: r.id,
        characteristic,
        before: { edition: r.edition, status: cellFor(crosswalk, r.edition, characteristic).status },
        ...(after && { after: { edition: after.id, status: cellFor(crosswalk, after.id, characteristic).status } }),
      });
    }
  }
  const medianDays = median(adoptions.map((a) => a.days));
  return {
    total: list.length,
    byStatus,
    submitted,
    decided,
    adopted,
    ...(submitted > 0 && { adoptionRate: adopted / submitted }),
    adoptions,
    ...(medianDays !== undefined && { medianDays }),
    movements,
  };
}
