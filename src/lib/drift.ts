/**
 * Drift between editions: which mapped standards of the superseded edition have a decision in the
 * newer one (continued by a new code, or dropped with a reason), and each standard's lineage.
 */
import type { Strength } from '../schemas/index.ts';
import { compareCodes } from './coverage.ts';
import type { CrosswalkIndex, EditionData, StandardData } from './crosswalk.ts';
import { mdText } from './markdown-text.ts';

export type DriftDecision = 'continued' | 'dropped' | 'pending';

export interface DriftItem {
  /** The mapped standard of the superseded edition. */
  standard: string;
  code: string;
  title?: string;
  mappings: { characteristic: string; strength: Strength }[];
  decision: DriftDecision;
  /** Codes in the newer edition that continue it. */
  continuedBy: string[];
  /** Why its mappings do not continue (dropped only). */
  reason?: string;
}

export interface DriftWorklist {
  edition: EditionData;
  previous: EditionData;
  items: DriftItem[];
  pending: number;
}

/** The worklist for an edition: every mapped standard of the edition it supersedes, with its decision. */
export function driftWorklist(crosswalk: CrosswalkIndex, editionId: string): DriftWorklist | undefined {
  const edition = crosswalk.editions.get(editionId);
  const previous = edition?.supersedes === undefined ? undefined : crosswalk.editions.get(edition.supersedes);
  if (!edition || !previous) return undefined;
  const continuedBy = new Map<string, string[]>();
  for (const s of crosswalk.standardsByEdition.get(edition.id) ?? [])
    for (const code of s.continues) continuedBy.set(code, [...(continuedBy.get(code) ?? []), s.code]);
  const dropped = new Map(edition.dropped.map((d) => [d.code, d.reason]));
  const items = (crosswalk.standardsByEdition.get(previous.id) ?? [])
    .filter((s) => s.mappings.length > 0)
    .sort((a, b) => compareCodes(a.code, b.code))
    .map((s): DriftItem => {
      const by = continuedBy.get(s.code) ?? [];
      const reason = dropped.get(s.code);
      return {
        standard: s.id,
        code: s.code,
        ...(s.title !== undefined && { title: s.title }),
        mappings: s.mappings.map((m) => ({ characteristic: m.characteristic, strength: m.strength })),
        decision: by.length > 0 ? 'continued' : reason !== undefined ? 'dropped' : 'pending',
        continuedBy: by,
        ...(reason !== undefined && { reason }),
      };
    });
  return { edition, previous, items, pending: items.filter((i) => i.decision === 'pending').length };
}

/** Worklists for every edition of a body that supersedes another, newest first. */
export function driftForAccreditor(crosswalk: CrosswalkIndex, accreditorId: string): DriftWorklist[] {
  return (crosswalk.editionsByAccreditor.get(accreditorId) ?? [])
    .map((e) => driftWorklist(crosswalk, e.id))
    .filter((w): w is DriftWorklist => w !== undefined)
    .reverse();
}

export interface Lineage {
  /** Standards of the superseded edition that this one continues. */
  continues: StandardData[];
  /** Standards of newer editions that continue this one. */
  continuedBy: StandardData[];
}

/** A standard's neighbours across editions, from the `continues` links. */
export function lineageOf(crosswalk: CrosswalkIndex, standardId: string): Lineage {
  const s = crosswalk.standards.get(standardId);
  if (!s) return { continues: [], continuedBy: [] };
  const edition = crosswalk.editions.get(s.edition);
  const prev = edition?.supersedes;
  const continues =
    prev === undefined
      ? []
      : (crosswalk.standardsByEdition.get(prev) ?? []).filter((p) => s.continues.includes(p.code));
  const continuedBy = crosswalk.data.editions
    .filter((e) => e.supersedes === s.edition)
    .flatMap((e) => (crosswalk.standardsByEdition.get(e.id) ?? []).filter((n) => n.continues.includes(s.code)));
  return { continues, continuedBy };
}

/** The worklist as Markdown, for a reviewer re-reading the newer edition. */
export function driftMarkdown(crosswalk: CrosswalkIndex, lists: readonly DriftWorklist[]): string {
  const out: string[] = [];
  for (const w of lists) {
    const body = crosswalk.accreditors.get(w.edition.accreditor)?.label ?? w.edition.accreditor;
    out.push(`# ${cell(body)}: ${cell(w.previous.edition)} → ${cell(w.edition.edition)}`, '');
    out.push(
      `${w.items.length} mapped standards in ${cell(w.previous.edition)}; ${w.pending} waiting for a decision in ${cell(w.edition.edition)}.`,
      '',
    );
    if (w.items.length === 0) continue;
    out.push('| Code | Title | Maps | Decision |', '| --- | --- | --- | --- |');
    for (const i of w.items) {
      const decision =
        i.decision === 'continued'
          ? `continued by ${cell(i.continuedBy.join(', '))}`
          : i.decision === 'dropped'
            ? `dropped: ${cell(i.reason ?? '')}`
            : '**pending**: re-read and continue, change or drop';
      const maps = cell(i.mappings.map((m) => `${m.characteristic} (${m.strength})`).join('; '));
      out.push(`| ${cell(i.code)} | ${cell(i.title ?? '')} | ${maps} | ${decision} |`);
    }
    out.push('');
  }
  return out.join('\n');
}

/** Content in the worklist renders as text: HTML, links and emphasis stay literal. */
const cell = mdText;
