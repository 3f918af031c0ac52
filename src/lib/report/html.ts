/**
 * The gap report as an HTML fragment: the report builder page renders it at build time (the default,
 * no-JavaScript view) and the browser renders it again for the chosen selection, from one function.
 */
import { QUALIFIER_NOTE, STATUS_LABEL, STATUS_SYMBOL, type Status } from '../coverage.ts';
import { qualifierMarks } from '../method.ts';
import { agreementHtml } from './agreement.ts';
import { RECOMMENDATION_STATUS_LABEL } from '../recommendations.ts';
import {
  actFirstLines,
  cover,
  moreActFirst,
  editionLabel,
  evidenceRows,
  multiStandardInitiatives,
} from './committee.ts';
import type { GapReport } from './schema.ts';
import {
  bodiesLine,
  countsInOrder,
  HOW_TO_READ,
  pct,
  provenanceLine,
  selectionLine,
  STATUS_HEADERS,
} from './tabular.ts';

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const esc = (s: string | number) => String(s).replace(/[&<>"']/g, (c) => ESC[c]!);

export interface HtmlLinks {
  standard(id: string): string;
  characteristic(id: string): string;
  accreditor(id: string): string;
  edition(id: string): string;
}

const status = (s: Status) => `<span aria-hidden="true">${STATUS_SYMBOL[s]}</span> ${STATUS_LABEL[s]}`;
const ths = (labels: readonly string[]) => labels.map((l) => `<th scope="col">${esc(l)}</th>`).join('');
const tds = (values: readonly (string | number)[]) => values.map((v) => `<td>${v}</td>`).join('');
const marks = (qualifiers: readonly string[]) => {
  const m = qualifierMarks(qualifiers);
  return m ? ` <sup class="qualifiers" title="See the notes below the table">${esc(m)}</sup>` : '';
};

export interface HtmlOptions {
  /**
   * Given the body of each collapsed section (an initiative's standards, the evidence appendix), returns
   * what stands in its place: the report builder puts a placeholder there and fills it in after the
   * report is shown (src/scripts/report-builder.ts), so the sections nobody has opened do not delay it.
   * By default the body is written in place.
   */
  collapsed?: (body: string) => string;
}

export function renderReportHtml(r: GapReport, links: HtmlLinks, options: HtmlOptions = {}): string {
  const collapsed = options.collapsed ?? ((body: string) => body);
  const abbr = new Map(r.bodies.map((b) => [b.id, b.label]));
  const out: string[] = [];
  const c = cover(r);
  out.push(
    `<section id="report-cover" class="report-cover" aria-labelledby="report-title"><h2 id="report-title">${esc(r.title)}</h2>`,
    r.institution ? `<p id="report-institution" class="report-institution">Prepared for ${esc(r.institution)}</p>` : '',
    `<p id="report-selection">Data version ${esc(r.dataVersion)} · generated ${esc(r.generatedOn)} · ${esc(selectionLine(r))}.</p>`,
    `<ul id="report-editions">${c.editions.map((e) => `<li><abbr title="${esc(e.name)}">${esc(e.body)}</abbr>: ${esc(e.edition)} (${esc(e.status)})</li>`).join('')}</ul></section>`,
  );
  out.push('<h2 id="summary">Summary</h2>');
  out.push(
    `<div class="table-wrap" tabindex="0" role="region" aria-label="Summary"><table id="report-summary"><thead><tr>${ths(['Bodies', 'Characteristics', ...STATUS_HEADERS])}</tr></thead>` +
      `<tbody><tr>${tds([r.summary.bodies, r.summary.characteristics, ...countsInOrder(r.summary.counts)])}</tr></tbody></table></div>`,
  );
  out.push(`<p id="report-provenance">${esc(bodiesLine(r))}. ${esc(provenanceLine(r))}</p>`);
  const first = actFirstLines(r);
  out.push(
    '<h2 id="act-first">Act on first</h2><p>Ranked by severity, then by how little support the selected bodies already give.</p>',
    first.length
      ? `<ol id="report-act-first">${first.map((l) => `<li><a href="${links.characteristic(l.characteristic)}">${esc(l.name)}</a> (severity ${esc(l.severity)}, support ${l.support.toFixed(2)}): ${esc(l.text)}</li>`).join('')}</ol>`
      : '<p>No gaps or opportunities in this selection.</p>',
    moreActFirst(r, first.length) ? `<p>${esc(moreActFirst(r, first.length))}</p>` : '',
  );
  if (r.noEdition.length)
    out.push(
      `<p class="notice">No edition in force on ${esc(r.selection.on)}: ${r.noEdition.map((b) => esc(b.name)).join(', ')}.</p>`,
    );
  out.push(
    `<h2 id="bodies">Bodies</h2><div class="table-wrap" tabindex="0" role="region" aria-label="Bodies"><table><thead><tr>${ths(['Body', 'Edition', 'Text read', ...STATUS_HEADERS, 'Carried forward', 'Verified standards'])}</tr></thead><tbody>`,
  );
  for (const b of r.bodies) {
    const t = b.transition
      ? `<br><strong>In transition</strong> to ${esc(b.transition.toTitle)} from ${esc(b.transition.startsOn ?? 'a date not yet confirmed')}.${b.transition.note ? ` ${esc(b.transition.note)}` : ''}`
      : '';
    const newer = b.newerMayExistSince
      ? `<br><strong class="newer">A newer edition may exist</strong> (reissued on a cycle that passed ${esc(b.newerMayExistSince)}).`
      : '';
    out.push(
      `<tr><th scope="row"><a href="${links.accreditor(b.id)}">${esc(b.label)}</a></th><td><a href="${links.edition(b.edition.id)}">${esc(b.edition.title)} (${esc(b.edition.edition)})</a>${t}${newer}</td>${tds([esc(b.edition.textRead), ...countsInOrder(b.counts), b.carried, `${b.verifiedStandards}/${b.standards} (${pct(b.verifiedStandards, b.standards)})`])}</tr>`,
    );
  }
  out.push('</tbody></table></div>');
  out.push(
    '<h2 id="matrix-heading">Matrix</h2><div class="table-wrap" tabindex="0" role="region" aria-label="Report matrix"><table class="matrix" id="report-matrix"><thead><tr><th scope="col">Characteristic</th><th scope="col">Severity</th>',
  );
  for (const b of r.bodies) out.push(`<th scope="col">${esc(b.label)}</th>`);
  out.push('</tr></thead><tbody>');
  for (const ch of r.characteristics) {
    out.push(
      `<tr><th scope="row"><a href="${links.characteristic(ch.id)}">${esc(ch.name)}</a></th><td>${ch.severity}</td>`,
    );
    ch.cells.forEach((cell) => {
      const codes = (list: readonly { id: string; code: string }[]) =>
        list.map((s) => `<a href="${links.standard(s.id)}">${esc(s.code)}</a>`).join(', ');
      const stds = codes(cell.standards);
      const carried = cell.carried
        ? `<br><span class="carried">Carried forward from ${esc(cell.carried.fromLabel)}: ${STATUS_LABEL[cell.carried.status]}${cell.carried.standards.length ? ` (${codes(cell.carried.standards)})` : ''}; not checked against the edition in force</span>`
        : '';
      out.push(
        `<td class="status ${cell.status}${cell.carried ? ' has-carried' : ''}">${status(cell.status)}${marks(cell.qualifiers)}${stds ? `<br>${stds}` : ''}${carried}</td>`,
      );
    });
    out.push('</tr>');
  }
  out.push('</tbody></table></div>');
  out.push(
    `<ol class="qualifier-notes muted" id="report-notes">${Object.values(QUALIFIER_NOTE)
      .map((q) => `<li value="${q.mark}">The cell ${esc(q.text)}.</li>`)
      .join('')}</ol>`,
  );
  out.push('<h2 id="gaps">Gaps, and the language other bodies use</h2>');
  if (r.gaps.length === 0) out.push('<p>No reviewed gaps in this selection.</p>');
  else out.push(gapsHtml(r, links, abbr));
  out.push('<h2 id="integration-opportunities">Integration opportunities</h2>');
  if (r.opportunityCells.length === 0) out.push('<p>No cell rests on implicit mappings alone in this selection.</p>');
  else {
    const names = new Map(r.characteristics.map((ch) => [ch.id, ch.name]));
    const code = new Map(
      r.characteristics.flatMap((ch) => ch.cells.flatMap((cell) => cell.standards.map((s) => [s.id, s.code] as const))),
    );
    out.push(
      '<p>The body does not ask for the characteristic, but it could serve as evidence for these standards.</p><ul id="report-opportunity-cells">',
    );
    for (const o of r.opportunityCells)
      out.push(
        `<li><a href="${links.characteristic(o.characteristic)}">${esc(names.get(o.characteristic) ?? o.characteristic)}</a> at ${esc(abbr.get(o.body) ?? o.body)}: ${o.standards.map((id) => `<a href="${links.standard(id)}">${esc(code.get(id) ?? id)}</a>`).join(', ')}</li>`,
      );
    out.push('</ul>');
  }
  out.push('<h2 id="opportunities">One practice, many standards</h2>');
  const multi = multiStandardInitiatives(r);
  if (multi.length === 0) out.push('<p>No initiative evidences two standards or more in this selection.</p>');
  for (const initiative of multi) {
    const items = initiative.standards.map(
      (s) =>
        `<li>${esc(abbr.get(s.body) ?? s.body)} <a href="${links.standard(s.id)}">${esc(s.code)}</a>${s.title ? ` ${esc(s.title)}` : ''}: ${s.strength}, ${s.verification}, ${s.review}</li>`,
    );
    out.push(
      `<details><summary>${esc(initiative.name)}: ${initiative.standards.length} standards at ${initiative.bodies} bodies</summary>${collapsed(`<ul>\n${items.join('\n')}\n</ul>`)}</details>`,
    );
  }
  if (r.opportunities.reciprocity.length) {
    out.push('<h3>Reciprocity</h3><ul>');
    for (const p of r.opportunities.reciprocity)
      out.push(
        `<li>${esc(abbr.get(p.a.body) ?? p.a.body)} + ${esc(abbr.get(p.b.body) ?? p.b.body)}: one joint activity could serve both.</li>`,
      );
    out.push('</ul>');
  }
  out.push(agreementHtml(r, links.standard));
  out.push(evidenceHtml(r, collapsed));
  out.push(
    `<h2 id="how-to-read">How to read this report</h2><ul>${HOW_TO_READ.map((l) => `<li>${esc(l)}</li>`).join('')}</ul>`,
  );
  return out.join('\n');
}

/** Per gap characteristic, most urgent first: where it is a gap, and the strongest wording in force elsewhere. */
function gapsHtml(r: GapReport, links: HtmlLinks, abbr: Map<string, string>): string {
  const names = new Map(r.characteristics.map((ch) => [ch.id, ch.name]));
  const editions = new Map(r.bodies.map((b) => [b.id, editionLabel(b)]));
  const out = ['<ul id="report-gaps">'];
  for (const a of r.actFirst.filter((x) => x.gaps.length)) {
    const at = a.gaps.map((g) => `${esc(abbr.get(g) ?? g)} (${esc(editions.get(g) ?? '')})`).join(', ');
    out.push(
      `<li><a href="${links.characteristic(a.characteristic)}">${esc(names.get(a.characteristic) ?? a.characteristic)}</a> (severity ${esc(a.severity)}): gap at ${at}`,
    );
    const wording = r.modelWording.find((w) => w.characteristic === a.characteristic)?.standards ?? [];
    out.push(
      wording.length
        ? `<p class="model-wording-intro">Model wording, the strongest language in force at any body:</p><ul class="model-wording">${wording
            .map(
              (w) =>
                `<li><a href="${links.standard(w.id)}">${esc(w.bodyLabel)} ${esc(w.code)}${w.title ? ` ${esc(w.title)}` : ''}</a>, ${esc(w.editionLabel)}: ${w.strength}, ${w.bindingness}, ${w.verification}, ${w.review}${w.selected ? '' : ', not in this selection'}. <em>${esc(w.rationale)}</em>${w.sourceUrl ? ` <a href="${esc(w.sourceUrl)}">Official source<span class="visually-hidden"> of ${esc(w.bodyLabel)} ${esc(w.code)}</span></a>` : ''}</li>`,
            )
            .join('')}</ul>`
        : '<p class="model-wording-intro">No body in the crosswalk requires it yet, explicitly or in part.</p>',
      recommendationsHtml(r, a.characteristic, abbr),
      '</li>',
    );
  }
  out.push('</ul>');
  return out.join('');
}

/** The recommendations that target a characteristic's gaps or opportunities in this report, or nothing. */
function recommendationsHtml(r: GapReport, characteristic: string, abbr: Map<string, string>): string {
  const recs = (r.recommendations ?? []).filter((x) => x.cells.some((c) => c.characteristic === characteristic));
  if (recs.length === 0) return '';
  const items = recs.map(
    (x) =>
      `<li>To ${esc(abbr.get(x.body) ?? x.body)}: ${esc(x.title)} (${RECOMMENDATION_STATUS_LABEL[x.status].toLowerCase()})</li>`,
  );
  return `<p class="recommendations-intro">Recommendations:</p><ul class="recommendations">${items.join('')}</ul>`;
}

/** The evidence appendix: collapsed on screen, expanded when printed (report.css). */
function evidenceHtml(r: GapReport, collapsed: (body: string) => string): string {
  const rows = evidenceRows(r);
  const table =
    `<div class="table-wrap" tabindex="0" role="region" aria-label="Evidence quality"><table><thead><tr>${ths(['Body', 'Standard', 'Edition', 'Edition status', 'Verification', 'Review', 'Cited for'])}</tr></thead><tbody>` +
    rows
      .map(
        (e) =>
          `<tr><td>${esc(e.body)}</td><td>${e.url ? `<a href="${esc(e.url)}">${esc(e.code)}</a>` : esc(e.code)}${e.title ? ` ${esc(e.title)}` : ''}</td>${tds([esc(e.edition), esc(e.editionStatus), esc(e.verification), esc(e.review), esc(e.citedFor)])}</tr>`,
      )
      .join('') +
    '</tbody></table></div>';
  return `<details id="report-evidence" class="report-appendix"><summary><h2 id="evidence-quality">Appendix: quality of the evidence cited (${rows.length} standards)</h2></summary>${collapsed(table)}</details>`;
}
