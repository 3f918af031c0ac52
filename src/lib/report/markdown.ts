/** Markdown report, readable in a GitHub comment or any Markdown viewer. */
import { STATUS_LABEL } from '../coverage.ts';
import type { GapReport } from './schema.ts';
import { agreementMarkdown } from './agreement.ts';
import { mdLink, mdText } from '../markdown-text.ts';
import { RECOMMENDATION_STATUS_LABEL } from '../recommendations.ts';
import {
  actFirstLines,
  cover,
  moreActFirst,
  editionLabel,
  evidenceRows,
  multiStandardInitiatives,
} from './committee.ts';
import {
  bodiesLine,
  cellTextWithCodes,
  countsInOrder,
  HOW_TO_READ,
  pct,
  provenanceLine,
  QUALIFIER_LEGEND,
  selectionLine,
  STATUS_HEADERS,
  statusText,
} from './tabular.ts';

/** Every content-derived string is escaped: HTML, links and emphasis from content render as text. */
const esc = mdText;
const row = (cells: readonly (string | number)[]) => `| ${cells.join(' | ')} |`;
const rule = (n: number, align = ' --- |') => `|${align.repeat(n)}`;

export function renderMarkdown(r: GapReport): string {
  const out: string[] = [];
  const abbr = new Map(r.bodies.map((b) => [b.id, b.label]));
  out.push(`# ${esc(r.title)}`, '');
  if (r.institution) out.push(`Prepared for **${esc(r.institution)}**.`, '');
  out.push(`Data version ${r.dataVersion} · generated ${r.generatedOn} · ${esc(selectionLine(r))}.`, '');
  out.push(
    `Editions read: ${cover(r)
      .editions.map((e) => `${esc(e.body)} ${esc(e.edition)} (${esc(e.status)})`)
      .join('; ')}.`,
    '',
  );
  out.push('## Summary', '');
  out.push(row(['Bodies', 'Characteristics', ...STATUS_HEADERS]), rule(2 + STATUS_HEADERS.length, ' ---: |'));
  out.push(row([r.summary.bodies, r.summary.characteristics, ...countsInOrder(r.summary.counts)]), '');
  out.push(`${bodiesLine(r)}. ${provenanceLine(r)}`, '');
  out.push(
    '## Act on first',
    '',
    'Ranked by severity, then by how little support the selected bodies already give.',
    '',
  );
  const first = actFirstLines(r);
  if (first.length === 0) out.push('No gaps or opportunities in this selection.');
  first.forEach((l, i) =>
    out.push(`${i + 1}. **${esc(l.name)}** (severity ${l.severity}, support ${l.support.toFixed(2)}): ${esc(l.text)}`),
  );
  if (moreActFirst(r, first.length)) out.push('', moreActFirst(r, first.length));
  out.push('');
  if (r.noEdition.length)
    out.push(`No edition in force on ${r.selection.on}: ${r.noEdition.map((b) => esc(b.name)).join(', ')}.`, '');

  out.push(
    '## Bodies',
    '',
    row(['Body', 'Edition', 'Effective', 'Text read', ...STATUS_HEADERS, 'Carried forward', 'Verified standards']),
    `| --- | --- | --- | --- |${' ---: |'.repeat(STATUS_HEADERS.length + 2)}`,
  );
  for (const b of r.bodies) {
    const effective = `${b.edition.effectiveFrom ?? 'date not confirmed'}${b.edition.effectiveTo ? ` to ${b.edition.effectiveTo}` : ''}${b.newerMayExistSince ? ` (a newer edition may exist since ${b.newerMayExistSince})` : ''}`;
    out.push(
      row([
        esc(b.label),
        mdLink(`${b.edition.title} (${b.edition.edition})`, b.edition.sourceUrl),
        esc(effective),
        b.edition.textRead,
        ...countsInOrder(b.counts),
        b.carried,
        `${b.verifiedStandards}/${b.standards} (${pct(b.verifiedStandards, b.standards)})`,
      ]),
    );
  }
  out.push('');
  const statuses = r.bodies.filter((b) => b.editorialStatus);
  if (statuses.length) {
    out.push('### Editorial status', '');
    for (const b of statuses) out.push(`- **${esc(b.label)}**: ${esc(b.editorialStatus!)}`);
    out.push('');
  }
  const moving = r.bodies.filter((b) => b.transition);
  if (moving.length) {
    out.push('## Bodies in transition', '');
    for (const b of moving) {
      const t = b.transition!;
      out.push(
        `- **${esc(b.label)}**: ${esc(t.toTitle)} from ${t.startsOn ?? 'a date not yet confirmed'}.${t.note ? ` ${esc(t.note)}` : ''}`,
      );
      for (const ch of t.changes)
        out.push(`  - ${esc(ch.characteristic)}: ${STATUS_LABEL[ch.from]} → ${STATUS_LABEL[ch.to]}`);
    }
    out.push('');
  }

  out.push('## Matrix', '', row(['Characteristic', 'Severity', ...r.bodies.map((b) => esc(b.label))]));
  out.push(rule(2 + r.bodies.length));
  for (const ch of r.characteristics) {
    out.push(row([esc(ch.name), ch.severity, ...ch.cells.map((cell) => esc(cellTextWithCodes(cell)))]));
  }
  out.push('', `Notes: ${QUALIFIER_LEGEND.join('; ')}.`, '');
  const carried = r.characteristics.flatMap((ch) =>
    ch.cells.flatMap((cell) => (cell.carried ? [{ ch, cell, carried: cell.carried }] : [])),
  );
  if (carried.length) {
    out.push('## Carried forward from older editions', '');
    out.push(
      'These cells are not reviewed in the edition in force; the last read edition’s evidence is shown so it is not lost. It is not counted.',
      '',
    );
    for (const { ch, cell, carried: c } of carried) {
      const codes = c.standards.map((s) => `${esc(s.code)} (${s.strength})`).join(', ');
      out.push(
        `- **${esc(ch.name)}** at ${esc(abbr.get(cell.body) ?? cell.body)}: ${STATUS_LABEL[c.status]} in ${esc(c.fromLabel)}${codes ? `: ${codes}` : ''}; not checked against the edition in force.`,
      );
    }
    out.push('');
  }

  if (r.professions.length > 1) {
    out.push('## By profession', '', 'Best status among the selected bodies of each profession.', '');
    out.push(
      `| Characteristic | ${r.professions.map((p) => esc(p.profession)).join(' | ')} |`,
      `| --- |${r.professions.map(() => ' --- |').join('')}`,
    );
    for (const ch of r.characteristics)
      out.push(row([esc(ch.name), ...r.professions.map((p) => statusText(p.statuses[ch.id]!))]));
    out.push('');
  }
  out.push('## Gaps, and the language other bodies use', '');
  if (r.gaps.length === 0) out.push('No reviewed gaps in this selection.', '');
  const names = new Map(r.characteristics.map((ch) => [ch.id, ch.name]));
  const editions = new Map(r.bodies.map((b) => [b.id, editionLabel(b)]));
  for (const a of r.actFirst.filter((x) => x.gaps.length)) {
    out.push(`### ${esc(names.get(a.characteristic) ?? a.characteristic)} (severity ${a.severity})`, '');
    out.push(
      `Gap at ${a.gaps.map((g) => `${esc(abbr.get(g) ?? g)} (${esc(editions.get(g) ?? '')})`).join(', ')}.`,
      '',
      'Model wording, the strongest language in force at any body:',
      '',
    );
    const wording = r.modelWording.find((w) => w.characteristic === a.characteristic)?.standards ?? [];
    if (wording.length === 0) out.push('- No body in the crosswalk requires it yet, explicitly or in part.');
    for (const w of wording) {
      const name = `${w.bodyLabel} ${w.code}${w.title ? ` ${w.title}` : ''}`;
      out.push(
        `- ${mdLink(name, w.sourceUrl)}, ${esc(w.editionLabel)}: ${w.strength}, ${w.bindingness}, ${w.verification}, ${w.review}${w.selected ? '' : ', not in this selection'}. _${esc(w.rationale)}_`,
      );
    }
    for (const rec of (r.recommendations ?? []).filter((x) =>
      x.cells.some((c) => c.characteristic === a.characteristic),
    ))
      out.push(
        `- Recommendation to ${esc(abbr.get(rec.body) ?? rec.body)}: ${esc(rec.title)} (${RECOMMENDATION_STATUS_LABEL[rec.status].toLowerCase()}).`,
      );
    out.push('');
  }

  out.push('## Integration opportunities', '');
  if (r.opportunityCells.length === 0) out.push('No cell rests on implicit mappings alone in this selection.');
  else
    out.push('The body does not ask for the characteristic, but it could serve as evidence for these standards.', '');
  const std = new Map(
    r.characteristics.flatMap((ch) => ch.cells.flatMap((cell) => cell.standards.map((s) => [s.id, s.code] as const))),
  );
  for (const o of r.opportunityCells)
    out.push(
      `- **${esc(names.get(o.characteristic) ?? o.characteristic)}** at ${esc(abbr.get(o.body) ?? o.body)}: ${o.standards.map((id) => esc(std.get(id) ?? id)).join(', ')}`,
    );
  out.push('');

  out.push('## One practice, many standards', '');
  const multi = multiStandardInitiatives(r);
  if (multi.length === 0) out.push('No initiative evidences two standards or more in this selection.', '');
  for (const initiative of multi) {
    out.push(
      `### ${esc(initiative.name)}`,
      '',
      `Helps satisfy ${initiative.standards.length} standards at ${initiative.bodies} bodies.`,
      '',
    );
    for (const s of initiative.standards) {
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
      `- ${esc(abbr.get(p.a.body) ?? p.a.body)} (${p.a.standards.length} standard(s)) + ${esc(abbr.get(p.b.body) ?? p.b.body)} (${p.b.standards.length}): one joint activity could serve both.`,
    );
  }
  out.push(...agreementMarkdown(r));
  out.push('', '## Appendix: quality of the evidence cited', '');
  out.push(row(['Body', 'Standard', 'Edition', 'Edition status', 'Verification', 'Review', 'Cited for']), rule(7));
  for (const e of evidenceRows(r))
    out.push(
      row(
        [
          e.body,
          `${mdLink(e.code, e.url)}${e.title ? ` ${esc(e.title)}` : ''}`,
          e.edition,
          e.editionStatus,
          e.verification,
          e.review,
          e.citedFor,
        ].map((c, i) => (i === 1 ? c : esc(c))),
      ),
    );
  out.push('', '## How to read this report', '', ...HOW_TO_READ.map((l) => `- ${l}`), '');
  return out.join('\n');
}
