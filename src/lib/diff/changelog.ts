/** The data changelog entry of a release, generated from the diff, and its place in CHANGELOG.md. */
import { STATUS_LABEL, STATUSES, type Status } from '../coverage.ts';
import { countDiff, type CrosswalkDiff, type EntityChange, type EntityKindName } from './compute.ts';
import { code, mdText, plural, summaryLine } from './render.ts';

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
