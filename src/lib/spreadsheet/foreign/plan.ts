/**
 * Planning the import of a foreign sheet: every row gets a fate (new, matched, conflict, skipped) and
 * a reason; new standards and mappings are proposals (secondary, unreviewed). Nothing here writes;
 * `files.ts` turns the proposals into file texts and checks the content as it would be.
 */
import type { ExceptionsSource } from '../../check/exceptions.ts';
import type { Content, SourceFile, StandardEntry } from '../../content.ts';
import type { Standard } from '../../../schemas/standard.ts';
import type { Mapping } from '../../../schemas/mapping.ts';
import { mirrorHost } from '../../check/rules/sources.ts';
import type { RawSheet, RawWorkbook } from '../read.ts';
import { matchBody, norm } from './bodies.ts';
import { slugifyCode } from '../../ids.ts';
import { canonicalCode, nearCode, parseCode } from './codes.ts';
import { foreignSheet, MapError, FOREIGN_FIELDS, type ForeignField, type ForeignMap } from './map.ts';
import { buildFiles, type ForeignFile } from './files.ts';

export type Fate = 'new' | 'matched' | 'conflict' | 'skipped';

export interface RowFate {
  /** Spreadsheet row number (1-based, as Excel shows it). */
  row: number;
  fate: Fate;
  /** The standard the row is about (`edition/slug`), when known. */
  standard?: string;
  why: string;
  /** Bodies the row could mean, when it was skipped for its body. */
  candidates?: string[];
}

/** A standard the import would create or add mappings to. */
export interface Proposal {
  edition: string;
  code: string;
  existing?: StandardEntry;
  data: Partial<Standard> & { mappings: Mapping[] };
  summary?: string;
  rows: number[];
}

export interface ForeignPlan {
  sheet: string;
  rows: RowFate[];
  files: ForeignFile[];
  /** Problems that stop `--write` (conflicts, and check errors the proposals would cause). */
  errors: string[];
  counts: Record<Fate, number>;
}

export interface ForeignOptions {
  today?: string;
  /** content/exceptions.yaml, so the content as it would be is checked as `npm run check` checks it. */
  exceptions?: ExceptionsSource;
}

/** Plan the import of `workbook` read through `map`, against clean `content` read from `sources`. */
export function planForeign(
  sources: readonly SourceFile[],
  content: Content,
  workbook: RawWorkbook,
  map: ForeignMap,
  options: ForeignOptions = {},
): ForeignPlan {
  const sheet = foreignSheet(workbook, map);
  if (!sheet)
    throw new MapError(
      `${workbook.file}: no sheet "${map.sheet}"; sheets: ${workbook.sheets.map((s) => s.name).join(', ')}`,
    );
  const col = columnsOf(sheet, map, workbook.file);
  // The sheet is named by its file name: a path on one computer means nothing in the content.
  const where = `"${workbook.file.replace(/^.*[\\/]/, '')}"${workbook.sheets.length > 1 ? `, sheet "${sheet.name}"` : ''}`;
  const proposals = new Map<string, Proposal>();
  const rows: RowFate[] = [];
  for (let i = map.headerRow; i < sheet.rows.length; i++) {
    const cell = (f: ForeignField) => (col[f] === undefined ? '' : (sheet.rows[i]![col[f]!]?.text ?? '').trim());
    rows.push(planRow(i + 1, cell, content, map, proposals, { where, sheetUrl: map.sheetUrl, today: options.today }));
  }
  const built = buildFiles(sources, [...proposals.values()], options);
  const errors = [...rows.filter((r) => r.fate === 'conflict').map((r) => `row ${r.row}: ${r.why}`), ...built.errors];
  const counts = { new: 0, matched: 0, conflict: 0, skipped: 0 };
  for (const r of rows) counts[r.fate]++;
  return { sheet: sheet.name, rows, files: errors.length ? [] : built.files, errors, counts };
}

/** Column index per mapped field; a header the map names but the sheet lacks is a map error. */
function columnsOf(sheet: RawSheet, map: ForeignMap, file: string): Partial<Record<ForeignField, number>> {
  const header = (sheet.rows[map.headerRow - 1] ?? []).map((c) => c.text.trim());
  const out: Partial<Record<ForeignField, number>> = {};
  for (const f of FOREIGN_FIELDS) {
    const name = map.columns[f];
    if (!name) continue;
    const i =
      header.findIndex((h) => h === name) >= 0 ? header.indexOf(name) : header.findIndex((h) => norm(h) === norm(name));
    if (i < 0)
      throw new MapError(
        `${file}: the map's columns.${f} is "${name}", but row ${map.headerRow} of sheet "${sheet.name}" has no such header; its headers: ${header
          .filter(Boolean)
          .map((h) => `"${h}"`)
          .join(', ')}`,
      );
    out[f] = i;
  }
  return out;
}

interface RowContext {
  where: string;
  sheetUrl: string | undefined;
  today: string | undefined;
}

/** One row's fate, adding what it proposes to `proposals`. */
function planRow(
  row: number,
  cell: (f: ForeignField) => string,
  content: Content,
  map: ForeignMap,
  proposals: Map<string, Proposal>,
  rc: RowContext,
): RowFate {
  const found = resolveRow(row, cell, content, map);
  if ('fate' in found) return found;
  return proposeRow(row, cell, found, content, map, proposals, rc);
}

interface Resolved {
  edition: { id: string; sourceUrl: string };
  parsed: NonNullable<ReturnType<typeof parseCode>>;
  characteristic: string | undefined;
}

/** Which body, edition, code and characteristic the row means; or why it is skipped or in conflict. */
function resolveRow(
  row: number,
  cell: (f: ForeignField) => string,
  content: Content,
  map: ForeignMap,
): Resolved | RowFate {
  if (FOREIGN_FIELDS.every((f) => cell(f) === '')) return { row, fate: 'skipped', why: 'empty row' };
  const bodyText = cell('body');
  if (!bodyText) return { row, fate: 'skipped', why: 'no body given' };
  const body = matchBody(bodyText, cell('profession') || undefined, content, map, cell('document') || undefined);
  if (body.kind !== 'matched')
    return {
      row,
      fate: 'skipped',
      why: `${body.kind} body: ${body.reason}${body.candidates.length ? ` (candidates: ${body.candidates.join(', ')})` : ''}; if the row is one of ours, name the body under \`bodies:\` in the map`,
      candidates: body.candidates,
    };
  const edition = editionOf(body.id, cell('edition'), content);
  if ('why' in edition) return { row, fate: 'skipped', why: edition.why };
  const parsed = parseCode(cell('code'));
  if (!parsed) return { row, fate: 'skipped', why: cell('code') ? `no code in "${cell('code')}"` : 'no code given' };
  const charResult = characteristicOf(cell('characteristic'), content, map);
  if ('skip' in charResult) return { row, fate: 'skipped', why: charResult.skip };
  if ('conflict' in charResult) return { row, fate: 'conflict', why: charResult.conflict };
  return { edition, parsed, characteristic: charResult.id };
}

/** Match the resolved row with the content and the earlier rows, and add what it proposes. */
function proposeRow(
  row: number,
  cell: (f: ForeignField) => string,
  { edition, parsed, characteristic }: Resolved,
  content: Content,
  map: ForeignMap,
  proposals: Map<string, Proposal>,
  rc: RowContext,
): RowFate {
  const sameEdition = content.standards.filter((s) => s.edition === edition.id);
  const near = nearCode(
    parsed.code,
    sameEdition.map((s) => s.data.code),
  );
  const existing = near?.same ? sameEdition.find((s) => s.data.code === near.code) : undefined;
  const code = existing?.data.code ?? parsed.code;
  const key = `${edition.id}\n${canonicalCode(code)}`;
  const title = cell('title');
  let p = proposals.get(key);
  const standard = existing ? existing.id : `${edition.id}/${slugifyCode(code)}`;
  if (!p) {
    if (existing) p = { edition: edition.id, code, existing, data: { mappings: [] }, rows: [] };
    else {
      const level = parsed.level ?? map.defaults.level ?? undefined;
      const bindingness = map.defaults.bindingness ?? undefined;
      if (!level || !bindingness)
        return {
          row,
          fate: 'conflict',
          standard,
          why: `new standard ${code} needs a ${!level ? 'level' : 'bindingness'}: set \`defaults.${!level ? 'level' : 'bindingness'}\` in the map`,
        };
      p = {
        edition: edition.id,
        code,
        data: newStandard(parsed, level, bindingness, cell, edition.sourceUrl, rc, row, map),
        rows: [],
      };
      if (map.titleIs === 'paraphrase' && title) p.summary = `Paraphrase in ${rc.where}: ${title}`;
    }
    proposals.set(key, p);
  }
  p.rows.push(row);
  const knownTitle = existing?.data.title ?? p.data.title;
  if (map.titleIs === 'title' && title && knownTitle && norm(title) !== norm(knownTitle))
    return { row, fate: 'conflict', standard, why: `the sheet's title "${title}" differs from "${knownTitle}"` };
  const spelled = existing && parsed.code !== existing.data.code ? ` (written "${parsed.code}" in the sheet)` : '';
  const hint =
    !existing && near && !near.same ? `; close to ${near.code} of the same edition: check it is not that standard` : '';
  if (characteristic === undefined) {
    const unmapped = cell('characteristic')
      ? `characteristic "${cell('characteristic')}" left unmapped by the map`
      : 'no characteristic';
    return existing || p.rows.length > 1
      ? { row, fate: 'matched', standard, why: `standard exists${spelled}; ${unmapped}` }
      : { row, fate: 'new', standard, why: `new proposed standard (secondary); ${unmapped}${hint}` };
  }
  const had = [...(existing?.data.mappings ?? []), ...p.data.mappings].some((m) => m.characteristic === characteristic);
  if (had) return { row, fate: 'matched', standard, why: `mapping to ${characteristic} exists${spelled}` };
  const strength = (cell('strength').toLowerCase() || map.defaults.strength) as Mapping['strength'] | null | undefined;
  if (strength !== 'explicit' && strength !== 'partial' && strength !== 'implicit')
    return {
      row,
      fate: 'conflict',
      standard,
      why: `strength "${strength ?? ''}" is not explicit, partial or implicit: fill the strength column or \`defaults.strength\` in the map`,
    };
  p.data.mappings.push({ characteristic, strength, rationale: rationaleFor(cell, row, rc), reviews: [] });
  const what = existing
    ? `proposed mapping to ${characteristic} (${strength}) on the existing standard${spelled}`
    : `proposed mapping to ${characteristic} (${strength})${p.rows.length === 1 ? ' on a new proposed standard (secondary)' : ''}`;
  return { row, fate: 'new', standard, why: `${what}${hint}` };
}

/** The edition a row names; with no edition cell, the body's only edition. */
function editionOf(body: string, text: string, content: Content): { id: string; sourceUrl: string } | { why: string } {
  const editions = content.editions.filter((e) => e.data.accreditor === body);
  const list = editions.map((e) => `${e.id} ("${e.data.edition}")`).join(', ');
  if (!text) {
    if (editions.length === 1) return { id: editions[0]!.id, sourceUrl: editions[0]!.data.sourceUrl };
    return { why: `no edition given and ${body} has ${editions.length} editions (${list}): map an edition column` };
  }
  const t = norm(text);
  const hits = editions.filter(
    (e) => norm(e.data.edition) === t || e.id === text || norm(e.data.edition).split(' ').includes(t),
  );
  if (hits.length === 1) return { id: hits[0]!.id, sourceUrl: hits[0]!.data.sourceUrl };
  return {
    why: `edition "${text}" is ${hits.length ? 'ambiguous' : 'unknown'} for ${body}; its editions: ${list || 'none'} (add the edition first, with npm run new)`,
  };
}

type CharResult = { id: string | undefined } | { skip: string } | { conflict: string };

/** A characteristic cell as an ID: the map's list first, then IDs and names. */
function characteristicOf(text: string, content: Content, map: ForeignMap): CharResult {
  if (!text) return { id: undefined };
  const ids = new Set(content.characteristics.map((c) => c.id));
  if (Object.hasOwn(map.characteristics, text)) {
    const id = map.characteristics[text];
    if (id === null) return { id: undefined };
    return ids.has(id!)
      ? { id: id! }
      : { conflict: `the map sends "${text}" to \`${id}\`, which is no characteristic` };
  }
  const hit = content.characteristics.find((c) => c.id === text || norm(c.data.name) === norm(text));
  if (hit) return { id: hit.id };
  return {
    skip: `characteristic "${text}" is not one of ours: list it under \`characteristics:\` in the map (an ID, or null to leave it unmapped)`,
  };
}

function newStandard(
  parsed: NonNullable<ReturnType<typeof parseCode>>,
  level: Standard['level'],
  bindingness: Standard['bindingness'],
  cell: (f: ForeignField) => string,
  editionUrl: string,
  rc: RowContext,
  row: number,
  map: ForeignMap,
): Proposal['data'] {
  const link = cell('sourceLink');
  const official = link && /^https?:\/\//.test(link) && !mirrorHost(link) ? link : undefined;
  const mirror = link && !official ? `; the sheet links a copy at ${link}, not used as the official source` : '';
  const title = map.titleIs === 'title' ? cell('title') : '';
  return {
    code: parsed.code,
    ...(title && { title }),
    level,
    ...(parsed.parent && { parent: parsed.parent }),
    bindingness,
    sourceUrl: official ?? editionUrl,
    ...(rc.sheetUrl && { readUrl: rc.sheetUrl, ...(rc.today && { readDate: rc.today }) }),
    verification: 'secondary',
    verificationNote: `Code${title ? ' and title' : ''} read in the third-party sheet ${rc.where}, row ${row}${rc.sheetUrl ? '' : ' (the sheet is not online, so there is no readUrl)'}${mirror}; not yet checked against the body's own text.`,
    mappings: [],
  };
}

function rationaleFor(cell: (f: ForeignField) => string, row: number, rc: RowContext): string {
  const notes = cell('notes');
  if (notes) return notes;
  return `Proposed from ${rc.where}, row ${row}, which links this standard to the characteristic; a reviewer must check it against the standard's text.`;
}
