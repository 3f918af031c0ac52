/**
 * "Cite this" for a standard page and for one mapping, built from CITATION.cff (who to credit, the
 * licence) and the data version, so a citation names the exact state of the data it came from. Pure and
 * browser-safe; the page passes its own URL. Also points to the body's document: the crosswalk's
 * summary and mapping are ours, the standard's text is the body's.
 */
import { parse } from 'yaml';
import type { AccreditorData, CharacteristicData, EditionData, MappingData, StandardData } from './crosswalk.ts';

export interface CitationMeta {
  title: string;
  /** Display names: a person as "Family, Given", an organisation or group by its name. */
  authors: string[];
  license: string;
  version?: string;
  dateReleased?: string;
  url?: string;
  doi?: string;
}

export class CitationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CitationError';
  }
}

/** Read the fields a citation needs from CITATION.cff text; CitationError names a missing field. */
export function parseCitationCff(text: string): CitationMeta {
  let data: unknown;
  try {
    data = parse(text);
  } catch (e) {
    throw new CitationError(`CITATION.cff is not valid YAML: ${(e as Error).message.split('\n')[0]}`);
  }
  if (!data || typeof data !== 'object') throw new CitationError('CITATION.cff holds no fields');
  const d = data as Record<string, unknown>;
  const str = (k: string) =>
    typeof d[k] === 'string' && (d[k] as string).trim() ? (d[k] as string).trim() : undefined;
  const title = str('title');
  if (!title) throw new CitationError('CITATION.cff: `title` is missing; expected the title to cite');
  if (!Array.isArray(d.authors) || d.authors.length === 0)
    throw new CitationError('CITATION.cff: `authors` is missing; expected a list with at least one `name:` entry');
  const authors = d.authors.map((a, i) => {
    const r = (a ?? {}) as Record<string, unknown>;
    if (typeof r.name === 'string' && r.name.trim()) return r.name.trim();
    if (typeof r['family-names'] === 'string')
      return [r['family-names'], r['given-names']].filter((x) => typeof x === 'string' && x).join(', ');
    throw new CitationError(`CITATION.cff: authors[${i}] has no \`name\` or \`family-names\``);
  });
  const license = Array.isArray(d.license) ? d.license.map(String).join(' OR ') : str('license');
  if (!license) throw new CitationError('CITATION.cff: `license` is missing; expected an SPDX ID such as CC-BY-4.0');
  const version = typeof d.version === 'number' ? String(d.version) : str('version');
  const dateReleased = str('date-released');
  const url = str('url') ?? str('repository-code');
  const doi = str('doi');
  return {
    title,
    authors,
    license,
    ...(version && { version }),
    ...(dateReleased && { dateReleased }),
    ...(url && { url }),
    ...(doi && { doi }),
  };
}

const LICENSE_NAME: Record<string, string> = { 'CC-BY-4.0': 'CC BY 4.0', MIT: 'MIT' };

export interface Citation {
  /** One paragraph to copy. */
  text: string;
  bibtex: string;
  /** Where the standard's own text is, to cite alongside. */
  source: string;
}

export interface CiteInput {
  standard: StandardData;
  edition: EditionData;
  accreditor: AccreditorData;
  /** The data version the page was built from. */
  dataVersion: string;
  /** The page's full URL (for a mapping, the URL of its place on the standard page). */
  url: string;
  /** YYYY-MM-DD */
  accessed?: string;
}

function yearOf(meta: CitationMeta, dataVersion: string): string {
  return /^\d{4}/.exec(dataVersion)?.[0] ?? meta.dateReleased?.slice(0, 4) ?? 'n.d.';
}

function authorsText(authors: readonly string[]): string {
  if (authors.length <= 2) return authors.join(' & ');
  return `${authors.slice(0, -1).join(', ')}, & ${authors[authors.length - 1]}`;
}

const bodyLabel = (a: AccreditorData) => (a as { label?: string }).label ?? a.abbreviation;

/** "LCME 3.5 Learning Environment/Professionalism" */
function standardName(s: StandardData, a: AccreditorData): string {
  return `${bodyLabel(a)} ${s.code}${s.title ? ` ${s.title}` : ''}`;
}

function bib(value: string): string {
  return value.replace(/[\\{}]/g, (c) => `\\${c}`).replace(/[%&$#_]/g, (c) => `\\${c}`);
}

function build(meta: CitationMeta, input: CiteInput, what: string, key: () => string): Citation {
  const year = yearOf(meta, input.dataVersion);
  const license = LICENSE_NAME[meta.license] ?? meta.license;
  const accessed = input.accessed ? ` (accessed ${input.accessed})` : '';
  const text =
    `${authorsText(meta.authors)} (${year}). ${what}. In ${meta.title} (data version ${input.dataVersion}). ` +
    `${license}. ${input.url}${accessed}.`;
  const e = input.edition;
  return {
    text,
    // Made when read: a standard page cites each of its mappings in text only (40,000 at the benchmark's size).
    get bibtex() {
      const fields = [
        `  author = {${meta.authors.map((a) => `{${bib(a)}}`).join(' and ')}}`,
        `  title = {{${bib(what)}}}`,
        `  howpublished = {${bib(meta.title)}, data version ${bib(input.dataVersion)}}`,
        `  year = {${year}}`,
        `  url = {${input.url}}`,
        `  note = {${bib(license)}${input.accessed ? `; accessed ${input.accessed}` : ''}}`,
      ];
      return `@misc{${key()},\n${fields.join(',\n')}\n}`;
    },
    source: `${bodyLabel(input.accreditor)}, ${e.title} (${e.edition}), ${input.standard.code}: ${input.standard.sourceUrl ?? e.sourceUrl}`,
  };
}

const bibKey = (...parts: string[]) => `ipcle-${parts.join('-').replace(/[^a-z0-9]+/gi, '-')}`.toLowerCase();

/** "Cite this" for a standard page: our summary and mappings of the standard. */
export function citeStandard(meta: CitationMeta, input: CiteInput): Citation {
  const e = input.edition;
  const what = `${standardName(input.standard, input.accreditor)}, ${e.title} (${e.edition}): summary and mappings to IP-CLE characteristics`;
  return build(meta, input, what, () => bibKey(input.standard.id));
}

const REVIEW_TEXT: Record<MappingData['review'], string> = {
  reviewed: 'reviewed by two professions',
  proposed: 'proposed, not yet reviewed by two professions',
  disputed: 'disputed by a reviewer',
};

/** "Cite this" for one mapping: says its strength and review status, as the page does. */
export function citeMapping(
  meta: CitationMeta,
  input: CiteInput & { characteristic: CharacteristicData; mapping: MappingData },
): Citation {
  const what =
    `Mapping of ${standardName(input.standard, input.accreditor)} (${input.edition.edition}) to ` +
    `“${input.characteristic.name}” (${input.mapping.strength}; ${REVIEW_TEXT[input.mapping.review]})`;
  return build(meta, input, what, () => bibKey(input.standard.id, input.characteristic.id));
}
