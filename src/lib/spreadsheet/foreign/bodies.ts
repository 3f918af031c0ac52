/**
 * Which of our bodies a foreign row means. Full names and declared aliases decide; an abbreviation
 * alone is only a candidate, refused when the row's profession or a full name in it disagrees (ACPE
 * is the pharmacy accreditor and also the Association for Clinical Pastoral Education). Never a guess.
 */
import type { Content, Entry } from '../../content.ts';
import { PROFESSIONS, type Profession } from '../../../schemas/common.ts';
import type { ForeignMap } from './map.ts';

export type BodyMatch =
  | { kind: 'matched'; id: string }
  | { kind: 'unknown' | 'ambiguous' | 'declined'; reason: string; candidates: string[] };

/** Case, accents, punctuation and "the" do not distinguish names. */
export const norm = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, ' ')
    .replace(/^the /, '')
    .trim();

interface Names {
  entry: Entry<'accreditor'>;
  /** Full names: the name, and aliases longer than one word. */
  full: Set<string>;
  /** Abbreviations, labels and one-word aliases: candidates only. */
  short: Set<string>;
}

function namesOf(e: Entry<'accreditor'>): Names {
  const full = new Set([norm(e.data.name)]);
  const short = new Set([norm(e.data.abbreviation), norm(e.id)]);
  if (e.data.label) short.add(norm(e.data.label));
  for (const a of e.data.aliases ?? []) {
    // An alias like "Full Name (ABBR)" is a full name too.
    const n = norm(a);
    (n.includes(' ') ? full : short).add(n);
    const bare = norm(a.replace(/\([^)]*\)/g, ''));
    if (bare.includes(' ')) full.add(bare);
  }
  return { entry: e, full, short };
}

/** The names in a body cell: "ACPE (Association for Clinical Pastoral Education)" holds two. */
function partsOf(cell: string): string[] {
  const inner = [...cell.matchAll(/\(([^)]*)\)/g)].map((m) => m[1]!);
  const outer = cell.replace(/\([^)]*\)/g, ' ');
  return [outer, ...inner].map(norm).filter((p) => p !== '');
}

/** A profession cell as our controlled value; undefined when the text is none of them. */
export function professionOf(text: string, map: ForeignMap): Profession | null | undefined {
  if (text in map.professions) return map.professions[text];
  const n = norm(text).replace(/ /g, '-');
  const direct = PROFESSIONS.find((p) => p === n);
  if (direct) return direct;
  const stem = (s: string) => s.replace(/(ists?|y|ies|ing|e)$/, '');
  return PROFESSIONS.find((p) => !p.includes('-') && stem(p) === stem(n.split('-')[0]!));
}

/** Match one row's body cell (with its profession cell) against the content's bodies. */
export function matchBody(
  cell: string,
  professionCell: string | undefined,
  content: Content,
  map: ForeignMap,
  documentCell?: string,
): BodyMatch {
  const all = content.accreditors.map(namesOf);
  const declared = Object.hasOwn(map.bodies, cell) ? map.bodies[cell] : undefined;
  if (declared === null)
    return { kind: 'declined', reason: 'the map says this body is not in the crosswalk', candidates: [] };
  const parts = partsOf(cell);
  const fullHits = all.filter((b) => parts.some((p) => b.full.has(p)));
  const shortHits = all.filter((b) => parts.some((p) => b.short.has(p)));
  // Any part that reads as a full name must name the same body as the rest.
  const fullParts = parts.filter((p) => p.split(' ').length >= 3);
  let candidates = declared ? all.filter((b) => b.entry.id === declared) : fullHits.length ? fullHits : shortHits;
  if (declared && candidates.length === 0)
    return {
      kind: 'unknown',
      reason: `the map names \`${declared}\`, which is no body in the content`,
      candidates: [],
    };
  const ids = () => candidates.map((b) => b.entry.id);
  if (candidates.length === 0)
    return {
      kind: 'unknown',
      reason: `no body is named or aliased "${cell}"`,
      candidates: all.filter((b) => parts.some((p) => [...b.full].some((f) => f.includes(p)))).map((b) => b.entry.id),
    };
  const disagreements: string[] = [];
  const unnamed = fullParts.filter((p) => !candidates.some((b) => b.full.has(p)));
  if (unnamed.length && !declared)
    disagreements.push(`the cell names "${unnamed.join('", "')}", which is not ${ids().join(' or ')}`);
  // A full name decides on its own; an abbreviation (or a map entry for one) must agree with the profession.
  if (professionCell && (declared || fullHits.length === 0)) {
    const prof = professionOf(professionCell, map);
    const fits = candidates.filter((b) => prof && b.entry.data.professions.includes(prof));
    if (fits.length === 0)
      disagreements.push(
        `the row's profession "${professionCell}" is not ${candidates.map((b) => `${b.entry.id}'s (${b.entry.data.professions.join(', ')})`).join(' or ')}`,
      );
    else candidates = fits;
  }
  if (disagreements.length)
    return {
      kind: 'declined',
      reason: `"${cell}" matches ${ids().join(', ')} by ${fullHits.length ? 'name' : declared ? 'the map' : 'abbreviation'}, but ${disagreements.join('; and ')}`,
      candidates: ids(),
    };
  // Bodies sharing a name (or one body's several lines) may be told apart by the document's title.
  if (candidates.length > 1 && documentCell) {
    const doc = norm(documentCell);
    const titles = (id: string) =>
      content.editions.filter((e) => e.data.accreditor === id).map((e) => norm(e.data.title));
    const byDoc = candidates.filter((b) => titles(b.entry.id).some((t) => t.includes(doc) || doc.includes(t)));
    if (byDoc.length === 1) candidates = byDoc;
  }
  if (candidates.length > 1)
    return { kind: 'ambiguous', reason: `"${cell}" could be any of ${ids().join(', ')}`, candidates: ids() };
  return { kind: 'matched', id: candidates[0]!.entry.id };
}
