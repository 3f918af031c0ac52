/**
 * What changed in the crosswalk between two states of the data: entities, mappings (added, removed,
 * strength or rationale changed), review records, and how coverage moved. Pure: the CLI loads the two
 * states from git refs; the same diff feeds the PR comment (Markdown), tools (JSON) and the data
 * changelog of each release.
 */
import {
  computeCoverage,
  everything,
  cellFor,
  STATUS_LABEL,
  STATUS_SYMBOL,
  STATUSES,
  type Status,
  type StatusCounts,
  zeroCounts,
} from './coverage.ts';
import {
  indexCrosswalk,
  type CrosswalkData,
  type CrosswalkIndex,
  type MappingRec,
  type ReviewStatus,
  type StandardRec,
} from './crosswalk.ts';

export type EntityKindName = 'characteristic' | 'accreditor' | 'edition' | 'standard' | 'initiative';
export type ChangeKind = 'added' | 'removed' | 'changed';

export interface FieldDiff {
  field: string;
  from?: unknown;
  to?: unknown;
}

export interface EntityChange {
  kind: EntityKindName;
  id: string;
  /** Human label, e.g. "LCME 3.5 Learning Environment/Professionalism". */
  label: string;
  change: ChangeKind;
  fields: FieldDiff[];
}

export interface MappingChange {
  standard: string;
  /** e.g. "LCME 3.5" */
  label: string;
  characteristic: string;
  change: ChangeKind;
  strength: { from?: MappingRec['strength']; to?: MappingRec['strength'] };
  rationale?: { from?: string; to?: string };
  quote?: { from?: string; to?: string };
  review?: { from?: ReviewStatus; to?: ReviewStatus };
  agreedBy?: { from: string[]; to: string[] };
}

export interface ReviewRecordChange {
  edition: string;
  label: string;
  /** Characteristics a review record now says were checked against the edition (and no longer). */
  added: string[];
  removed: string[];
}

export interface CoverageMove {
  edition: string;
  label: string;
  characteristic: string;
  from: Status;
  to: Status;
}

export interface CoverageTotals {
  /** Coverage of every body's edition in force on this date (YYYY-MM-DD). */
  on: string;
  before: StatusCounts;
  after: StatusCounts;
}

export interface CrosswalkDiff {
  base: { label: string; version: string };
  head: { label: string; version: string };
  entities: EntityChange[];
  mappings: MappingChange[];
  reviews: ReviewRecordChange[];
  coverage: { moves: CoverageMove[]; totals: CoverageTotals };
  /** True when nothing in the data changed. */
  empty: boolean;
}

export const EMPTY_CROSSWALK: CrosswalkData = {
  version: 'none',
  characteristics: [],
  accreditors: [],
  editions: [],
  standards: [],
  initiatives: [],
};

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function fieldDiffs(a: object, b: object, skip: readonly string[]): FieldDiff[] {
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => !skip.includes(k)).sort();
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  return keys.flatMap((k) =>
    same(ra[k], rb[k])
      ? []
      : [{ field: k, ...(ra[k] !== undefined && { from: ra[k] }), ...(rb[k] !== undefined && { to: rb[k] }) }],
  );
}

function entityDiffs<T extends { id: string }>(
  kind: EntityKindName,
  before: readonly T[],
  after: readonly T[],
  label: (x: T) => string,
  skip: readonly string[] = [],
): EntityChange[] {
  const a = new Map(before.map((x) => [x.id, x]));
  const b = new Map(after.map((x) => [x.id, x]));
  const out: EntityChange[] = [];
  for (const id of [...new Set([...a.keys(), ...b.keys()])].sort()) {
    const x = a.get(id);
    const y = b.get(id);
    if (x && !y) out.push({ kind, id, label: label(x), change: 'removed', fields: [] });
    else if (!x && y) out.push({ kind, id, label: label(y), change: 'added', fields: [] });
    else if (x && y) {
      const fields = fieldDiffs(x, y, ['id', ...skip]);
      if (fields.length) out.push({ kind, id, label: label(y), change: 'changed', fields });
    }
  }
  return out;
}

/** A body's short display name: its unique `label` where the data has one, else its abbreviation. */
const bodyLabel = (a: { abbreviation: string }) => (a as { label?: string }).label ?? a.abbreviation;

/** "LCME 3.5" from whichever state knows the standard's body. */
function standardLabeller(ixs: readonly CrosswalkIndex[]) {
  return (s: Pick<StandardRec, 'edition' | 'code'>) => {
    for (const ix of ixs) {
      const e = ix.editions.get(s.edition);
      const a = e && ix.accreditors.get(e.accreditor);
      if (a) return `${bodyLabel(a)} ${s.code}`;
    }
    return `${s.edition} ${s.code}`;
  };
}
function editionLabeller(ixs: readonly CrosswalkIndex[]) {
  return (id: string) => {
    for (const ix of ixs) {
      const e = ix.editions.get(id);
      const a = e && ix.accreditors.get(e.accreditor);
      if (e && a) return `${bodyLabel(a)} ${e.edition}`;
    }
    return id;
  };
}

function totals(ix: CrosswalkIndex, on: string): StatusCounts {
  const counts = zeroCounts();
  const cov = computeCoverage(ix, everything(on));
  for (const row of cov.rows) for (const s of STATUSES) counts[s] += row.counts[s];
  return counts;
}

export interface DiffOptions {
  /** Date for the in-force coverage totals (YYYY-MM-DD). */
  on: string;
  baseLabel?: string;
  headLabel?: string;
}

export function diffCrosswalks(base: CrosswalkData, head: CrosswalkData, options: DiffOptions): CrosswalkDiff {
  const bx = indexCrosswalk(base);
  const hx = indexCrosswalk(head);
  const stdLabel = standardLabeller([hx, bx]);
  const edLabel = editionLabeller([hx, bx]);

  const entities = [
    ...entityDiffs('accreditor', base.accreditors, head.accreditors, (a) => `${bodyLabel(a)} (${a.name})`),
    ...entityDiffs('edition', base.editions, head.editions, (e) => `${edLabel(e.id)}: ${e.title}`, ['reviewed']),
    ...entityDiffs('characteristic', base.characteristics, head.characteristics, (c) => c.name),
    ...entityDiffs('standard', base.standards, head.standards, (s) => `${stdLabel(s)}${s.title ? ` ${s.title}` : ''}`, [
      'mappings',
    ]),
    ...entityDiffs('initiative', base.initiatives, head.initiatives, (i) => i.name),
  ];

  const mappings: MappingChange[] = [];
  const byStandard = (d: CrosswalkData) => new Map(d.standards.map((s) => [s.id, s]));
  const bs = byStandard(base);
  const hs = byStandard(head);
  for (const id of [...new Set([...bs.keys(), ...hs.keys()])].sort()) {
    const s = (hs.get(id) ?? bs.get(id))!;
    const label = stdLabel(s);
    const bm = new Map((bs.get(id)?.mappings ?? []).map((m) => [m.characteristic, m]));
    const hm = new Map((hs.get(id)?.mappings ?? []).map((m) => [m.characteristic, m]));
    for (const c of [...new Set([...bm.keys(), ...hm.keys()])].sort()) {
      const x = bm.get(c);
      const y = hm.get(c);
      const common = { standard: id, label, characteristic: c };
      if (x && !y)
        mappings.push({
          ...common,
          change: 'removed',
          strength: { from: x.strength },
          rationale: { from: x.rationale },
          review: { from: x.review },
        });
      else if (!x && y)
        mappings.push({
          ...common,
          change: 'added',
          strength: { to: y.strength },
          rationale: { to: y.rationale },
          ...(y.quote !== undefined && { quote: { to: y.quote } }),
          review: { to: y.review },
        });
      else if (x && y) {
        const m: MappingChange = { ...common, change: 'changed', strength: {} };
        let changed = false;
        if (x.strength !== y.strength) {
          m.strength = { from: x.strength, to: y.strength };
          changed = true;
        } else m.strength = { from: x.strength, to: y.strength };
        if (x.rationale !== y.rationale) {
          m.rationale = { from: x.rationale, to: y.rationale };
          changed = true;
        }
        if (x.quote !== y.quote) {
          m.quote = { ...(x.quote !== undefined && { from: x.quote }), ...(y.quote !== undefined && { to: y.quote }) };
          changed = true;
        }
        if (x.review !== y.review) {
          m.review = { from: x.review, to: y.review };
          changed = true;
        }
        if (!same(x.agreedBy, y.agreedBy)) {
          m.agreedBy = { from: x.agreedBy, to: y.agreedBy };
          changed = true;
        }
        if (changed) mappings.push(m);
      }
    }
  }

  const reviews: ReviewRecordChange[] = [];
  const be = new Map(base.editions.map((e) => [e.id, new Set(e.reviewed)]));
  for (const e of head.editions) {
    const before = be.get(e.id) ?? new Set<string>();
    const after = new Set(e.reviewed);
    const added = [...after].filter((c) => !before.has(c)).sort();
    const removed = [...before].filter((c) => !after.has(c)).sort();
    if (added.length || removed.length) reviews.push({ edition: e.id, label: edLabel(e.id), added, removed });
  }
  for (const e of base.editions)
    if (!hx.editions.has(e.id) && e.reviewed.length)
      reviews.push({ edition: e.id, label: edLabel(e.id), added: [], removed: [...e.reviewed].sort() });
  reviews.sort((a, b) => a.edition.localeCompare(b.edition));

  // Coverage moves: cells whose edition and characteristic exist in both states.
  const moves: CoverageMove[] = [];
  const chars = head.characteristics.filter((c) => bx.characteristics.has(c.id)).map((c) => c.id);
  for (const e of head.editions) {
    if (!bx.editions.has(e.id)) continue;
    for (const c of chars) {
      const from = cellFor(bx, e.id, c).status;
      const to = cellFor(hx, e.id, c).status;
      if (from !== to) moves.push({ edition: e.id, label: edLabel(e.id), characteristic: c, from, to });
    }
  }

  const coverage = { moves, totals: { on: options.on, before: totals(bx, options.on), after: totals(hx, options.on) } };
  return {
    base: { label: options.baseLabel ?? base.version, version: base.version },
    head: { label: options.headLabel ?? head.version, version: head.version },
    entities,
    mappings,
    reviews,
    coverage,
    empty: entities.length === 0 && mappings.length === 0 && reviews.length === 0 && moves.length === 0,
  };
}

export interface DiffCounts {
  entities: Record<EntityKindName, Record<ChangeKind, number>>;
  mappings: Record<ChangeKind, number>;
  strengthChanges: number;
  rationaleChanges: number;
  reviewChanges: number;
  coverageMoves: number;
}

export function countDiff(d: CrosswalkDiff): DiffCounts {
  const zero = () => ({ added: 0, removed: 0, changed: 0 });
  const entities = {
    characteristic: zero(),
    accreditor: zero(),
    edition: zero(),
    standard: zero(),
    initiative: zero(),
  };
  for (const e of d.entities) entities[e.kind][e.change]++;
  const mappings = zero();
  for (const m of d.mappings) mappings[m.change]++;
  const changed = d.mappings.filter((m) => m.change === 'changed');
  return {
    entities,
    mappings,
    strengthChanges: changed.filter((m) => m.strength.from !== m.strength.to).length,
    rationaleChanges: changed.filter((m) => m.rationale).length,
    reviewChanges: d.reviews.length + changed.filter((m) => m.review || m.agreedBy).length,
    coverageMoves: d.coverage.moves.length,
  };
}

/** Text from the data in Markdown: no HTML, no table breaks, no accidental @-mentions. */
export function mdText(s: string): string {
  return s
    .replace(/[\r\n]+/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\|/g, '\\|')
    .replace(/@(?=\w)/g, '@\u200b');
}
const code = (s: string) => `\`${s.replace(/`/g, "'")}\``;
const status = (s: Status) => `${STATUS_SYMBOL[s]} ${STATUS_LABEL[s]}`;
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** One line saying what changed, e.g. "3 mappings added, 1 removed, 2 changed; 4 coverage moves". */
export function summaryLine(d: CrosswalkDiff): string {
  if (d.empty) return 'no changes to the crosswalk data';
  const c = countDiff(d);
  const parts: string[] = [];
  const m = c.mappings;
  if (m.added + m.removed + m.changed)
    parts.push(
      `mappings: ${[m.added && `${m.added} added`, m.removed && `${m.removed} removed`, m.changed && `${m.changed} changed`].filter(Boolean).join(', ')}`,
    );
  for (const kind of ['standard', 'characteristic', 'edition', 'accreditor', 'initiative'] as const) {
    const e = c.entities[kind];
    if (e.added + e.removed + e.changed)
      parts.push(
        `${kind}s: ${[e.added && `${e.added} added`, e.removed && `${e.removed} removed`, e.changed && `${e.changed} changed`].filter(Boolean).join(', ')}`,
      );
  }
  if (d.reviews.length) parts.push(plural(d.reviews.length, 'edition review record change'));
  if (c.coverageMoves) parts.push(plural(c.coverageMoves, 'coverage move'));
  return parts.join('; ');
}

export interface MarkdownOptions {
  /** Items listed per section before "and N more". */
  maxItems?: number;
  /** Longest output (GitHub comments take 65,536 characters). */
  maxChars?: number;
}

export function renderDiffMarkdown(d: CrosswalkDiff, options: MarkdownOptions = {}): string {
  const maxChars = options.maxChars ?? 60_000;
  for (const maxItems of [options.maxItems ?? 100, 30, 10, 3]) {
    const text = renderMarkdownWith(d, maxItems);
    if (text.length <= maxChars) return text;
  }
  return `${renderMarkdownWith(d, 0).slice(0, maxChars - 100)}\n\n… cut to fit; see the JSON output for everything.\n`;
}

function renderMarkdownWith(d: CrosswalkDiff, maxItems: number): string {
  const out: string[] = [`## Crosswalk changes: ${code(d.base.label)} → ${code(d.head.label)}`, ''];
  out.push(`**${summaryLine(d)[0]!.toUpperCase()}${summaryLine(d).slice(1)}.**`, '');
  const list = <T>(items: readonly T[], line: (x: T) => string) => {
    for (const x of items.slice(0, maxItems)) out.push(line(x));
    if (items.length > maxItems) out.push(`- … and ${items.length - maxItems} more (see the JSON output)`);
    out.push('');
  };
  const t = d.coverage.totals;
  const moved = STATUSES.some((s) => t.before[s] !== t.after[s]);
  if (moved || d.coverage.moves.length) {
    out.push(`### Coverage`, '', `Cells (body × characteristic) for the editions in force on ${t.on}:`, '');
    out.push('| Status | Before | After | Change |', '| --- | ---: | ---: | ---: |');
    for (const s of STATUSES) {
      const delta = t.after[s] - t.before[s];
      out.push(`| ${status(s)} | ${t.before[s]} | ${t.after[s]} | ${delta > 0 ? `+${delta}` : delta} |`);
    }
    out.push('');
    if (d.coverage.moves.length) {
      out.push(`Cells that moved (every edition, in force or not):`, '');
      list(
        d.coverage.moves,
        (m) => `- ${mdText(m.label)} × ${code(m.characteristic)}: ${status(m.from)} → ${status(m.to)}`,
      );
    }
  }
  const section = (title: string, items: MappingChange[], line: (m: MappingChange) => string) => {
    if (!items.length) return;
    out.push(`#### ${title} (${items.length})`, '');
    list(items, line);
  };
  if (d.mappings.length) {
    out.push('### Mappings', '');
    section(
      'Added',
      d.mappings.filter((m) => m.change === 'added'),
      (m) =>
        `- ${mdText(m.label)} → ${code(m.characteristic)}: **${m.strength.to}**, ${m.review?.to ?? 'proposed'}. ${mdText(m.rationale?.to ?? '')}`,
    );
    section(
      'Removed',
      d.mappings.filter((m) => m.change === 'removed'),
      (m) => `- ${mdText(m.label)} → ${code(m.characteristic)} (was **${m.strength.from}**)`,
    );
    section(
      'Changed',
      d.mappings.filter((m) => m.change === 'changed'),
      (m) => {
        const parts: string[] = [];
        if (m.strength.from !== m.strength.to) parts.push(`strength **${m.strength.from}** → **${m.strength.to}**`);
        if (m.review) parts.push(`review ${m.review.from} → ${m.review.to}`);
        if (m.agreedBy && !m.review)
          parts.push(
            `agreed by ${m.agreedBy.to.join(', ') || 'nobody'} (was ${m.agreedBy.from.join(', ') || 'nobody'})`,
          );
        if (m.quote)
          parts.push(
            `quote ${m.quote.to === undefined ? 'removed' : m.quote.from === undefined ? 'added' : 'changed'}`,
          );
        if (m.rationale)
          parts.push(`rationale: “${mdText(m.rationale.from ?? '')}” → “${mdText(m.rationale.to ?? '')}”`);
        return `- ${mdText(m.label)} → ${code(m.characteristic)}: ${parts.join('; ')}`;
      },
    );
  }
  if (d.reviews.length) {
    out.push('### Edition review records', '');
    list(d.reviews, (r) =>
      [
        `- ${mdText(r.label)}:`,
        r.added.length ? ` now checked for ${r.added.map(code).join(', ')}` : '',
        r.added.length && r.removed.length ? ';' : '',
        r.removed.length ? ` no longer recorded as checked for ${r.removed.map(code).join(', ')}` : '',
      ].join(''),
    );
  }
  const kinds: [EntityKindName, string][] = [
    ['standard', 'Standards'],
    ['characteristic', 'Characteristics'],
    ['edition', 'Editions'],
    ['accreditor', 'Bodies'],
    ['initiative', 'Initiatives'],
  ];
  for (const [kind, title] of kinds) {
    const items = d.entities.filter((e) => e.kind === kind);
    if (!items.length) continue;
    out.push(`### ${title}`, '');
    list(items, (e) => {
      const what =
        e.change === 'changed'
          ? `changed ${e.fields.map((f) => `${code(f.field)}${typeof f.to === 'string' || typeof f.from === 'string' ? ` (${mdText(String(f.from ?? '∅'))} → ${mdText(String(f.to ?? '∅'))})` : ''}`).join(', ')}`
          : e.change;
      return `- ${what[0]!.toUpperCase()}${what.slice(1)}: ${code(e.id)} ${mdText(e.label)}`;
    });
  }
  if (d.empty) out.push('Nothing in the crosswalk data changed (only files outside it, or formatting).', '');
  out.push(`<sub>Data ${code(d.base.version)} → ${code(d.head.version)}. Generated by \`npm run diff\`.</sub>`, '');
  return out.join('\n');
}

export function renderDiffJson(d: CrosswalkDiff): string {
  return `${JSON.stringify({ summary: summaryLine(d), counts: countDiff(d), ...d }, null, 2)}\n`;
}

/**
 * A changelog entry for a data release: what was added, removed and re-mapped. Re-mapped means a
 * mapping's strength changed, or a standard dropped one characteristic and gained another.
 */
export function renderChangelogEntry(d: CrosswalkDiff, release: { version: string; date: string }): string {
  const c = countDiff(d);
  const out: string[] = [`### Data v${release.version} (${release.date})`, ''];
  out.push(`Compared with ${code(d.base.label)}: ${summaryLine(d)}.`, '');
  const added = d.entities.filter((e) => e.change === 'added');
  const removed = d.entities.filter((e) => e.change === 'removed');
  const names = (xs: EntityChange[], kind: EntityKindName) =>
    xs
      .filter((e) => e.kind === kind)
      .map((e) => mdText(e.label))
      .join('; ');
  const bullet = (label: string, text: string) => text && out.push(`- ${label}: ${text}`);
  if (added.length || c.mappings.added) {
    out.push('**Added**', '');
    bullet('Bodies', names(added, 'accreditor'));
    bullet('Editions', names(added, 'edition'));
    bullet('Characteristics', names(added, 'characteristic'));
    const std = added.filter((e) => e.kind === 'standard');
    if (std.length) bullet('Standards', plural(std.length, 'standard'));
    bullet('Initiatives', names(added, 'initiative'));
    if (c.mappings.added) bullet('Mappings', plural(c.mappings.added, 'mapping'));
    out.push('');
  }
  if (removed.length || c.mappings.removed) {
    out.push('**Removed**', '');
    for (const kind of ['accreditor', 'edition', 'characteristic', 'standard', 'initiative'] as const)
      bullet(`${kind[0]!.toUpperCase()}${kind.slice(1)}s`, names(removed, kind));
    for (const m of d.mappings.filter((x) => x.change === 'removed'))
      out.push(`- Mapping ${mdText(m.label)} → ${code(m.characteristic)} (was ${m.strength.from})`);
    out.push('');
  }
  const remapped: string[] = [];
  for (const m of d.mappings)
    if (m.change === 'changed' && m.strength.from !== m.strength.to)
      remapped.push(`- ${mdText(m.label)} → ${code(m.characteristic)}: ${m.strength.from} → ${m.strength.to}`);
  const byStd = new Map<string, { label: string; gone: string[]; got: string[] }>();
  for (const m of d.mappings) {
    if (m.change === 'changed') continue;
    const s = byStd.get(m.standard) ?? { label: m.label, gone: [], got: [] };
    (m.change === 'added' ? s.got : s.gone).push(m.characteristic);
    byStd.set(m.standard, s);
  }
  for (const s of byStd.values())
    if (s.gone.length && s.got.length)
      remapped.push(`- ${mdText(s.label)}: ${s.gone.map(code).join(', ')} → ${s.got.map(code).join(', ')}`);
  if (remapped.length) out.push('**Re-mapped**', '', ...remapped, '');
  const reviewed = d.mappings.filter((m) => m.review?.to === 'reviewed' && m.review.from !== 'reviewed');
  if (reviewed.length || d.reviews.length) {
    out.push('**Reviews**', '');
    if (reviewed.length) out.push(`- ${plural(reviewed.length, 'mapping')} newly reviewed by two professions`);
    for (const r of d.reviews)
      if (r.added.length) out.push(`- ${mdText(r.label)} checked for ${plural(r.added.length, 'more characteristic')}`);
    out.push('');
  }
  const t = d.coverage.totals;
  const delta = (s: Status) => {
    const n = t.after[s] - t.before[s];
    return n === 0 ? '' : `${STATUS_LABEL[s].toLowerCase()} ${n > 0 ? '+' : ''}${n}`;
  };
  const moves = STATUSES.map(delta).filter(Boolean);
  if (moves.length) out.push(`**Coverage** (editions in force on ${t.on}): ${moves.join(', ')}.`, '');
  return out.join('\n');
}

/** Markers that Markdown renders as nothing (link reference definitions), unlike HTML comments. */
export const CHANGELOG_START = '[//]: # (data-changelog:start)';
export const CHANGELOG_END = '[//]: # (data-changelog:end)';

/** Put a release's entry at the top of the data section, replacing an earlier entry for the same version. */
export function upsertChangelog(doc: string, version: string, entry: string): string {
  const i = doc.indexOf(CHANGELOG_START);
  const j = doc.indexOf(CHANGELOG_END);
  if (i < 0 || j < i) throw new Error(`CHANGELOG.md has no ${CHANGELOG_START} … ${CHANGELOG_END} markers`);
  const inner = doc.slice(i + CHANGELOG_START.length, j);
  const entries = inner
    .split(/\n(?=### Data v)/)
    .map((e) => e.trim())
    .filter((e) => e.startsWith('### Data v') && !e.startsWith(`### Data v${version} `));
  const body = [entry.trim(), ...entries].join('\n\n');
  return `${doc.slice(0, i + CHANGELOG_START.length)}\n\n${body}\n\n${doc.slice(j)}`;
}
