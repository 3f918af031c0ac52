/** Markdown report, readable in a GitHub comment or any Markdown viewer. */
import { SEVERITY_TEXT, STATUS_LABEL, STATUS_SYMBOL, type Status } from '../coverage.ts';
import type { GapReport } from './schema.ts';
import { HOW_TO_READ, pct, provenanceLine, selectionLine } from './tabular.ts';

const esc = (s: string) => s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\n/g, ' ');
const statusText = (s: string) => `${STATUS_SYMBOL[s as Status]} ${STATUS_LABEL[s as Status]}`;

export function renderMarkdown(r: GapReport): string {
  const out: string[] = [];
  const abbr = new Map(r.bodies.map((b) => [b.id, b.label]));
  out.push(`# ${r.title}`, '');
  out.push(`Data version ${r.dataVersion} · generated ${r.generatedOn} · ${selectionLine(r)}.`, '');
  out.push('## Summary', '');
  const c = r.summary.counts;
  out.push(
    '| Bodies | Characteristics | Covered | Partial | Gap | Not reviewed |',
    '| ---: | ---: | ---: | ---: | ---: | ---: |',
  );
  out.push(
    `| ${r.summary.bodies} | ${r.summary.characteristics} | ${c.covered} | ${c.partial} | ${c.gap} | ${c['not-reviewed']} |`,
    '',
  );
  out.push(provenanceLine(r), '');
  if (r.noEdition.length)
    out.push(`No edition in force on ${r.selection.on}: ${r.noEdition.map((b) => b.name).join(', ')}.`, '');

  out.push(
    '## Bodies',
    '',
    '| Body | Edition | Effective | Covered | Partial | Gap | Not reviewed | Verified standards |',
    '| --- | --- | --- | ---: | ---: | ---: | ---: | ---: |',
  );
  for (const b of r.bodies) {
    out.push(
      `| ${esc(b.label)} | [${esc(b.edition.title)} (${esc(b.edition.edition)})](${b.edition.sourceUrl}) | ${b.edition.effectiveFrom ?? 'date not confirmed'}${b.edition.effectiveTo ? ` to ${b.edition.effectiveTo}` : ''} | ${b.counts.covered} | ${b.counts.partial} | ${b.counts.gap} | ${b.counts['not-reviewed']} | ${b.verifiedStandards}/${b.standards} (${pct(b.verifiedStandards, b.standards)}) |`,
    );
  }
  out.push('');
  const moving = r.bodies.filter((b) => b.transition);
  if (moving.length) {
    out.push('## Bodies in transition', '');
    for (const b of moving) {
      const t = b.transition!;
      out.push(
        `- **${esc(b.label)}**: ${esc(t.toTitle)} from ${t.startsOn ?? 'a date not yet confirmed'}.${t.note ? ` ${esc(t.note)}` : ''}`,
      );
      for (const ch of t.changes)
        out.push(`  - ${ch.characteristic}: ${STATUS_LABEL[ch.from]} → ${STATUS_LABEL[ch.to]}`);
    }
    out.push('');
  }

  out.push('## Matrix', '', `| Characteristic | Severity | ${r.bodies.map((b) => esc(b.label)).join(' | ')} |`);
  out.push(`| --- | --- |${r.bodies.map(() => ' --- |').join('')}`);
  for (const ch of r.characteristics) {
    out.push(`| ${esc(ch.name)} | ${ch.severity} | ${ch.cells.map((cell) => statusText(cell.status)).join(' | ')} |`);
  }
  out.push('', `Severity: ${Object.values(SEVERITY_TEXT).join('; ')}.`, '');

  if (r.professions.length > 1) {
    out.push('## By profession', '', 'Best status among the selected bodies of each profession.', '');
    out.push(
      `| Characteristic | ${r.professions.map((p) => esc(p.profession)).join(' | ')} |`,
      `| --- |${r.professions.map(() => ' --- |').join('')}`,
    );
    for (const ch of r.characteristics)
      out.push(`| ${esc(ch.name)} | ${r.professions.map((p) => statusText(p.statuses[ch.id]!)).join(' | ')} |`);
    out.push('');
  }
  out.push('## Gaps', '');
  if (r.gaps.length === 0) out.push('No reviewed gaps in this selection.');
  const names = new Map(r.characteristics.map((ch) => [ch.id, ch.name]));
  const byChar = new Map<string, string[]>();
  for (const g of r.gaps)
    byChar.set(g.characteristic, [...(byChar.get(g.characteristic) ?? []), abbr.get(g.body) ?? g.body]);
  for (const [ch, bodies] of byChar) out.push(`- **${esc(names.get(ch) ?? ch)}**: gap at ${bodies.join(', ')}`);
  out.push('');

  out.push('## One practice, many standards', '');
  for (const it of r.opportunities.initiatives) {
    out.push(`### ${esc(it.name)}`, '', `Helps satisfy ${it.standards.length} standards at ${it.bodies} bodies.`, '');
    for (const s of it.standards) {
      out.push(
        `- ${esc(abbr.get(s.body) ?? s.body)} ${esc(s.code)}${s.title ? ` ${esc(s.title)}` : ''}: ${s.strength}, ${s.bindingness}, ${s.verification}, ${s.review}`,
      );
    }
    out.push('');
  }
  out.push('## Reciprocity', '');
  if (r.opportunities.reciprocity.length === 0)
    out.push('No pair of bodies of different professions both require interprofessional learning in this selection.');
  for (const p of r.opportunities.reciprocity) {
    out.push(
      `- ${abbr.get(p.a.body)} (${p.a.standards.length} standard(s)) + ${abbr.get(p.b.body)} (${p.b.standards.length}): one joint activity could serve both.`,
    );
  }
  out.push('', '## How to read this report', '', ...HOW_TO_READ.map((l) => `- ${l}`), '');
  return out.join('\n');
}
