/**
 * Everything the site pages read, computed once per build from the validated content: the loaded
 * crosswalk, rendered Markdown bodies, coverage in force on the build date, and per-page lookups.
 * All computation is delegated to src/lib (coverage.ts, report/); nothing here is page-specific.
 */
import { readFileSync } from 'node:fs';
import { renderMarkdown } from '../lib/markdown-html.ts';
import { splitProse } from '../lib/prose.ts';
import { parseCitationCff, type CitationMeta } from '../lib/citation.ts';
import type { Entry, StandardEntry } from '../lib/content.ts';
import { computeCoverage, editionOn, everything as allSelection, type Coverage } from '../lib/coverage.ts';
import type { EditionData, StandardData } from '../lib/crosswalk.ts';
import { loadCrosswalk, oncePerContent, siteToday, type Loaded } from '../lib/node/crosswalk.ts';
import { buildReport } from '../lib/report/build.ts';
import type { GapReport } from '../lib/report/schema.ts';

export interface Site {
  loaded: Loaded;
  contentDir: string;
  /** The date editions in force are computed for (build date; CROSSWALK_TODAY pins it in tests). */
  today: string;
  /** Markdown body of an entity, rendered to HTML (raw HTML is refused by the check, escaped here), without its sourcing notes. */
  html(kind: string, id: string): string;
  /** The entity's sourcing notes rendered to HTML, or '' when it has none. */
  notesHtml(kind: string, id: string): string;
  /** Coverage of every body's edition in force today. */
  coverage: Coverage;
  /** The all-bodies gap report in force today (the default report). */
  report: GapReport;
  entries: {
    characteristics: Map<string, Entry<'characteristic'>>;
    accreditors: Map<string, Entry<'accreditor'>>;
    editions: Map<string, Entry<'edition'>>;
    standards: Map<string, StandardEntry>;
    initiatives: Map<string, Entry<'initiative'>>;
    recommendations: Map<string, Entry<'recommendation'>>;
  };
  /** Who to credit and under which licence, from CITATION.cff. */
  citation: CitationMeta;
  /** Repository path of an entity's file, for edit links. */
  filePath(kind: string, id: string): string;
  /** Editions of a body, newest first, and the one in force today. */
  editionsOf(accreditorId: string): { all: EditionData[]; current?: EditionData | undefined };
  /**
   * Standards of other professions' bodies (edition in force today) that map the same characteristic
   * explicitly or in part: "related standards" on a standard page. At most `limit` per characteristic.
   */
  related(standard: StandardData, limit?: number): Map<string, StandardData[]>;
  figures: {
    bodies: number;
    editions: number;
    standards: number;
    mappings: number;
    verified: number;
    secondary: number;
    reviewedMappings: number;
    cells: number;
    reviewedCells: number;
  };
}

export { allSelection };

/** The site's view model, built once per content state: checked content, coverage in force today, the default report. */
export const getSite = oncePerContent(buildSite);

/** Read and check the content, then assemble the view model from its named parts. */
function buildSite(): Site {
  const contentDir = process.env.CROSSWALK_CONTENT ?? 'content';
  const today = siteToday();
  const loaded = loadCrosswalk(contentDir, { today });
  const entries = entriesById(loaded.check.content);
  const coverage = computeCoverage(loaded.index, allSelection(today));
  return {
    loaded,
    contentDir,
    citation: parseCitationCff(readFileSync('CITATION.cff', 'utf8')),
    today,
    coverage,
    report: buildReport(loaded.index, allSelection(today), today),
    entries,
    ...bodies(entries),
    ...editionsInForce(loaded, today),
    figures: figures(loaded.data, coverage),
  };
}

/** Every entity by ID, one map per kind. */
function entriesById(c: Loaded['check']['content']): Site['entries'] {
  return {
    characteristics: new Map(c.characteristics.map((e) => [e.id, e])),
    accreditors: new Map(c.accreditors.map((e) => [e.id, e])),
    editions: new Map(c.editions.map((e) => [e.id, e])),
    standards: new Map(c.standards.map((e) => [e.id, e])),
    initiatives: new Map(c.initiatives.map((e) => [e.id, e])),
    recommendations: new Map(c.recommendations.map((e) => [e.id, e])),
  };
}

/** An entity's Markdown body as HTML (each rendered once), its sourcing notes and its file path. */
function bodies(entries: Site['entries']): Pick<Site, 'html' | 'notesHtml' | 'filePath'> {
  const byKind: Record<string, Map<string, { file: { body: string; path: string } }>> = {
    characteristic: entries.characteristics,
    accreditor: entries.accreditors,
    edition: entries.editions,
    standard: entries.standards,
    initiative: entries.initiatives,
    recommendation: entries.recommendations,
  };
  const rendered = new Map<string, string>();
  return {
    html(kind, id) {
      const key = `${kind}:${id}`;
      let html = rendered.get(key);
      if (html === undefined) {
        html = renderMarkdown(splitProse(byKind[kind]?.get(id)?.file.body ?? '').main);
        rendered.set(key, html);
      }
      return html;
    },
    notesHtml(kind, id) {
      const notes = splitProse(byKind[kind]?.get(id)?.file.body ?? '').notes;
      return notes === undefined ? '' : renderMarkdown(notes);
    },
    filePath(kind, id) {
      return byKind[kind]?.get(id)?.file.path ?? '';
    },
  };
}

/** Each body's editions and the one in force today; other professions' standards mapping the same characteristic. */
function editionsInForce({ index: crosswalk, data }: Loaded, today: string): Pick<Site, 'editionsOf' | 'related'> {
  const current = new Map<string, EditionData | undefined>();
  for (const a of data.accreditors) current.set(a.id, editionOn(crosswalk, a.id, today));
  const strongByCharacteristic = new Map<string, StandardData[]>();
  const strongInCurrent = (characteristic: string): StandardData[] => {
    let list = strongByCharacteristic.get(characteristic);
    if (list) return list;
    list = [];
    for (const a of data.accreditors) {
      const edition = current.get(a.id);
      if (!edition) continue;
      for (const hit of crosswalk.mappingsByCell.get(edition.id)?.get(characteristic) ?? []) {
        if (hit.mapping.strength !== 'implicit') list.push(hit.standard);
      }
    }
    strongByCharacteristic.set(characteristic, list);
    return list;
  };
  const accreditorOf = (s: StandardData) => crosswalk.accreditors.get(crosswalk.editions.get(s.edition)!.accreditor)!;
  const relatedCandidates = new Map<string, StandardData[]>();
  return {
    editionsOf(accreditorId) {
      const all = [...(crosswalk.editionsByAccreditor.get(accreditorId) ?? [])].reverse();
      return { all, current: current.get(accreditorId) };
    },
    related(standard, limit = 6) {
      const own = crosswalk.editions.get(standard.edition);
      const professions = own ? (crosswalk.accreditors.get(own.accreditor)?.professions ?? []) : [];
      const professionsKey = [...professions].sort().join(' ');
      const out = new Map<string, StandardData[]>();
      for (const m of standard.mappings) {
        if (m.strength === 'implicit') continue;
        // The first limit + 1 candidates of these professions, shared by every standard of them:
        // dropping the standard itself still leaves `limit`.
        const key = `${m.characteristic}\u0000${professionsKey}\u0000${limit}`;
        let candidates = relatedCandidates.get(key);
        if (!candidates) {
          candidates = [];
          for (const s of strongInCurrent(m.characteristic)) {
            if (accreditorOf(s).professions.some((p) => professions.includes(p))) continue;
            candidates.push(s);
            if (candidates.length > limit) break;
          }
          relatedCandidates.set(key, candidates);
        }
        const others = candidates.filter((s) => s.id !== standard.id).slice(0, limit);
        if (others.length) out.set(m.characteristic, others);
      }
      return out;
    },
  };
}

/** The counts on the home and data pages. */
function figures(data: Loaded['data'], coverage: Coverage): Site['figures'] {
  let verified = 0;
  let secondary = 0;
  let mappings = 0;
  let reviewedMappings = 0;
  for (const s of data.standards) {
    if (s.verification === 'verified') verified++;
    if (s.verification === 'secondary') secondary++;
    mappings += s.mappings.length;
    for (const m of s.mappings) if (m.review === 'reviewed') reviewedMappings++;
  }
  return {
    bodies: data.accreditors.length,
    editions: data.editions.length,
    standards: data.standards.length,
    mappings,
    verified,
    secondary,
    reviewedMappings,
    cells: coverage.bodies.length * coverage.rows.length,
    reviewedCells: coverage.rows.reduce((n, r) => n + r.cells.filter((x) => x.status !== 'not-reviewed').length, 0),
  };
}
