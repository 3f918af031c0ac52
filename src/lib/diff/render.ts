/** The diff as the PR comment (Markdown, capped) and for tools (JSON). */
import { STATUS_LABEL, STATUS_SYMBOL, STATUSES, type Status } from '../coverage.ts';
import { mdText } from '../markdown-text.ts';
import { countDiff, type CrosswalkDiff, type EntityKindName, type MappingChange } from './compute.ts';

export { mdText };
export const code = (s: string) => `\`${s.replace(/`/g, "'")}\``;
const status = (s: Status) => `${STATUS_SYMBOL[s]} ${STATUS_LABEL[s]}`;
export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

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
