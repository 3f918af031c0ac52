/**
 * The mappings as an SSSOM mapping set (https://mapping-commons.github.io/sssom/): a TSV whose
 * commented YAML header holds the set's metadata, so ontology and terminology tools read the crosswalk
 * as they read any other mapping set. Subject = standard, object = characteristic.
 */
import type { Content } from '../../content.ts';
import type { Strength } from '../../../schemas/mapping.ts';
import { neutraliseFormulaCell } from '../../csv.ts';
import { houseStyleYaml } from '../../frontmatter-edit.ts';

/**
 * The SKOS predicate for each strength. A standard is never the same concept as a characteristic, so
 * exactMatch is not used: explicit = the standard asks for the characteristic itself (closeMatch);
 * partial = it asks for part of it or one setting (the standard is narrower: broadMatch, the object is
 * broader); implicit = the characteristic can serve as evidence for the standard (relatedMatch).
 */
export const PREDICATE_FOR_STRENGTH = {
  explicit: 'skos:closeMatch',
  partial: 'skos:broadMatch',
  implicit: 'skos:relatedMatch',
} as const satisfies Record<Strength, string>;

export const MANUAL_CURATION = 'semapv:ManualMappingCuration';
export const CC_BY_4 = 'https://creativecommons.org/licenses/by/4.0/';
/** Per-mapping authorship lives in the git history; the set credits its contributors as a whole. */
export const AUTHOR_LABEL = 'IP-CLE Crosswalk contributors';

/** The SSSOM columns written, in order (slot names of the SSSOM schema). */
export const SSSOM_COLUMNS = [
  'subject_id',
  'subject_label',
  'predicate_id',
  'object_id',
  'object_label',
  'mapping_justification',
  'author_label',
  'reviewer_label',
  'subject_source',
  'comment',
] as const;

export interface SssomOptions {
  version: string;
  /** Absolute URL of the set itself (its mapping_set_id). */
  setUrl: string;
  /** Absolute URL prefixes of the standard and characteristic pages, ending in "/". */
  standardPrefix: string;
  characteristicPrefix: string;
  editionPrefix: string;
}

/**
 * TSV cells hold no tab or line break; SSSOM lists are separated by "|". A TSV opens in spreadsheets
 * too, so a text that a spreadsheet would run as a formula is neutralised as in our CSV files.
 */
const cell = (s: string) => neutraliseFormulaCell(s.replace(/[\t\r\n]+/g, ' ').trim());
const list = (items: readonly string[]) => items.map((s) => cell(s).replace(/\|/g, '/')).join('|');

export function renderSssom(content: Content, o: SssomOptions): string {
  const names = new Map(content.characteristics.map((c) => [c.id, c.data.name]));
  const editions = new Map(content.editions.map((e) => [e.id, e.data]));
  const bodies = new Map(content.accreditors.map((a) => [a.id, a.data]));
  const meta = {
    curie_map: {
      ipcle: o.characteristicPrefix,
      ipclestd: o.standardPrefix,
      ipcleed: o.editionPrefix,
    },
    mapping_set_id: o.setUrl,
    mapping_set_version: o.version,
    mapping_set_title:
      'IP-CLE Crosswalk: accreditation standards mapped to characteristics of an optimal interprofessional clinical learning environment',
    mapping_set_description:
      `Predicates by strength: explicit = ${PREDICATE_FOR_STRENGTH.explicit}, partial = ${PREDICATE_FOR_STRENGTH.partial}, implicit = ${PREDICATE_FOR_STRENGTH.implicit}. ` +
      'A mapping is proposed until reviewers of two professions agree; reviewer_label lists those who agreed. The comment is our rationale, in our own words. ' +
      'A text cell that a spreadsheet would run as a formula starts with a single quote, which is not part of the value.',
    license: CC_BY_4,
    creator_label: [AUTHOR_LABEL],
    subject_type: 'skos concept',
    object_type: 'skos concept',
  };
  const header = houseStyleYaml(meta)
    .trimEnd()
    .split('\n')
    .map((l) => `#${l}`);
  const rows: string[] = [];
  for (const s of [...content.standards].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    const ed = editions.get(s.edition);
    const body = ed && bodies.get(ed.accreditor);
    const label = `${body ? `${body.label ?? body.abbreviation} ` : ''}${s.data.code}${s.data.title ? ` ${s.data.title}` : ''}`;
    for (const m of s.data.mappings) {
      const agreed = m.reviews.filter((r) => r.verdict === 'agree').map((r) => r.reviewer);
      const values: Record<(typeof SSSOM_COLUMNS)[number], string> = {
        subject_id: `ipclestd:${s.id}`,
        subject_label: cell(label),
        predicate_id: PREDICATE_FOR_STRENGTH[m.strength],
        object_id: `ipcle:${m.characteristic}`,
        object_label: cell(names.get(m.characteristic) ?? m.characteristic),
        mapping_justification: MANUAL_CURATION,
        author_label: AUTHOR_LABEL,
        reviewer_label: list(agreed),
        subject_source: `ipcleed:${s.edition}`,
        comment: cell(m.rationale),
      };
      rows.push(SSSOM_COLUMNS.map((c) => values[c]).join('\t'));
    }
  }
  return `${[...header, SSSOM_COLUMNS.join('\t'), ...rows].join('\n')}\n`;
}
