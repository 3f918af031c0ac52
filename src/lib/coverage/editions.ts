/** Editions in force on a date, transitions between editions, and reissue cycles. */
import { startKey, type CrosswalkIndex, type EditionData } from '../crosswalk.ts';
import { endOf } from '../dates.ts';
import { cellFor } from './cells.ts';
import type { Status } from './status.ts';

/** Whether an edition is in force on a date; a successor's start ends an edition with no end date. */
export function inForce(crosswalk: CrosswalkIndex, e: EditionData, on: string): boolean {
  if (startKey(e) > on) return false;
  if (e.effectiveTo !== undefined) return endOf(e.effectiveTo) >= on;
  const successors = crosswalk.data.editions.filter((x) => x.supersedes === e.id);
  return !successors.some((s) => s.effectiveFrom !== undefined && startKey(s) <= on);
}

/**
 * When a body reissues on a known cycle and no successor is recorded, the date from which a newer
 * edition may exist (the edition's start plus the cycle), if that date has come; else undefined.
 */
export function newerMayExistSince(crosswalk: CrosswalkIndex, e: EditionData, on: string): string | undefined {
  const years = crosswalk.accreditors.get(e.accreditor)?.reissueEveryYears;
  if (years === undefined || e.effectiveFrom === undefined) return undefined;
  if (crosswalk.data.editions.some((x) => x.supersedes === e.id)) return undefined;
  const start = startKey(e);
  const since = `${String(Number(start.slice(0, 4)) + years).padStart(4, '0')}${start.slice(4)}`;
  return since <= on ? since : undefined;
}

/** The edition of a body in force on a date: the latest-starting one in force, if any. */
export function editionOn(crosswalk: CrosswalkIndex, accreditorId: string, on: string): EditionData | undefined {
  const list = crosswalk.editionsByAccreditor.get(accreditorId) ?? [];
  let best: EditionData | undefined;
  for (const e of list) if (inForce(crosswalk, e, on) && (!best || startKey(e) >= startKey(best))) best = e;
  return best;
}

export interface Transition {
  from: EditionData;
  to: EditionData;
  /** When the newer edition takes (or took) effect; undefined if no source gives it. */
  startsOn?: string;
  note?: string;
  /** Characteristics whose status differs between the two editions. */
  changes: { characteristic: string; from: Status; to: Status }[];
}

/**
 * A body is in transition on a date when a newer edition that supersedes the one in force has been
 * published but is not yet the only one in force: it starts later, or both are in force at once.
 */
export function transitionOn(
  crosswalk: CrosswalkIndex,
  accreditorId: string,
  on: string,
  characteristics: readonly string[],
): Transition | undefined {
  const current = editionOn(crosswalk, accreditorId, on);
  if (!current) return undefined;
  const list = crosswalk.editionsByAccreditor.get(accreditorId) ?? [];
  let from: EditionData | undefined;
  let to: EditionData | undefined;
  const next = list.find((e) => e.supersedes === current.id && startKey(e) > on);
  if (next) {
    from = current;
    to = next;
  } else if (current.supersedes) {
    const prev = crosswalk.editions.get(current.supersedes);
    if (prev && inForce(crosswalk, prev, on)) {
      from = prev;
      to = current;
    }
  }
  if (!from || !to) return undefined;
  const changes = characteristics.flatMap((c) => {
    const a = cellFor(crosswalk, from.id, c).status;
    const b = cellFor(crosswalk, to.id, c).status;
    return a === b ? [] : [{ characteristic: c, from: a, to: b }];
  });
  return {
    from,
    to,
    ...(to.effectiveFrom !== undefined && { startsOn: to.effectiveFrom }),
    ...(to.transitionNote !== undefined && { note: to.transitionNote }),
    changes,
  };
}
