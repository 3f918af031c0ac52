/**
 * The gap report as an HTML fragment: the report builder page renders it at build time (the default,
 * no-JavaScript view) and the browser renders it again for the chosen selection, from one function.
 */
import { SEVERITY_TEXT, STATUS_LABEL, STATUS_SYMBOL, type Status } from '../coverage.ts';
import type { GapReport } from './schema.ts';
import { HOW_TO_READ, pct, provenanceLine, selectionLine } from './tabular.ts';

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const esc = (s: string | number) => String(s).replace(/[&<>"']/g, (c) => ESC[c]!);

export interface HtmlLinks {
  standard(id: string): string;
  characteristic(id: string): string;
  accreditor(id: string): string;
  edition(id: string): string;
}

const status = (s: string) =>
  `<span aria-hidden="true">${STATUS_SYMBOL[s as Status]}</span> ${STATUS_LABEL[s as Status]}`;

export function renderReportHtml(r: GapReport, links: HtmlLinks): string {
  const abbr = new Map(r.bodies.map((b) => [b.id, b.label]));
  const c = r.summary.counts;
  const out: string[] = [];
  out.push(
    `<p id="report-selection">Data version ${esc(r.dataVersion)} · generated ${esc(r.generatedOn)} · ${esc(selectionLine(r))}.</p>`,
  );
  out.push('<h2 id="summary">Summary</h2>');
  out.push(
    `<div class="table-wrap" tabindex="0" role="region" aria-label="Summary"><table id="report-summary"><thead><tr><th scope="col">Bodies</th><th scope="col">Characteristics</th><th scope="col">Covered</th><th scope="col">Partial</th><th scope="col">Gap</th><th scope="col">Not reviewed</th></tr></thead>` +
      `<tbody><tr><td>${r.summary.bodies}</td><td>${r.summary.characteristics}</td><td>${c.covered}</td><td>${c.partial}</td><td>${c.gap}</td><td>${c['not-reviewed']}</td></tr></tbody></table></div>`,
  );
  out.push(`<p>${esc(provenanceLine(r))}</p>`);
  if (r.noEdition.length)
    out.push(
      `<p class="notice">No edition in force on ${esc(r.selection.on)}: ${r.noEdition.map((b) => esc(b.name)).join(', ')}.</p>`,
    );
  out.push(
    '<h2 id="bodies">Bodies</h2><div class="table-wrap" tabindex="0" role="region" aria-label="Bodies"><table><thead><tr><th scope="col">Body</th><th scope="col">Edition</th><th scope="col">Covered</th><th scope="col">Partial</th><th scope="col">Gap</th><th scope="col">Not reviewed</th><th scope="col">Verified standards</th></tr></thead><tbody>',
  );
  for (const b of r.bodies) {
    const t = b.transition
      ? `<br><strong>In transition</strong> to ${esc(b.transition.toTitle)} from ${esc(b.transition.startsOn ?? 'a date not yet confirmed')}.${b.transition.note ? ` ${esc(b.transition.note)}` : ''}`
      : '';
    out.push(
      `<tr><th scope="row"><a href="${links.accreditor(b.id)}">${esc(b.label)}</a></th><td><a href="${links.edition(b.edition.id)}">${esc(b.edition.title)} (${esc(b.edition.edition)})</a>${t}</td><td>${b.counts.covered}</td><td>${b.counts.partial}</td><td>${b.counts.gap}</td><td>${b.counts['not-reviewed']}</td><td>${b.verifiedStandards}/${b.standards} (${pct(b.verifiedStandards, b.standards)})</td></tr>`,
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
      const stds = cell.standards.map((s) => `<a href="${links.standard(s.id)}">${esc(s.code)}</a>`).join(', ');
      out.push(`<td class="status ${cell.status}">${status(cell.status)}${stds ? `<br>${stds}` : ''}</td>`);
    });
    out.push('</tr>');
  }
  out.push('</tbody></table></div>');
  out.push(`<p class="muted">Severity: ${Object.values(SEVERITY_TEXT).map(esc).join('; ')}.</p>`);
  out.push('<h2 id="gaps">Gaps</h2>');
  if (r.gaps.length === 0) out.push('<p>No reviewed gaps in this selection.</p>');
  else {
    const by = new Map<string, string[]>();
    for (const g of r.gaps) by.set(g.characteristic, [...(by.get(g.characteristic) ?? []), abbr.get(g.body) ?? g.body]);
    const names = new Map(r.characteristics.map((ch) => [ch.id, ch.name]));
    out.push(
      `<ul id="report-gaps">${[...by].map(([ch, bs]) => `<li><a href="${links.characteristic(ch)}">${esc(names.get(ch) ?? ch)}</a>: gap at ${bs.map(esc).join(', ')}</li>`).join('')}</ul>`,
    );
  }
  out.push('<h2 id="opportunities">One practice, many standards</h2>');
  for (const it of r.opportunities.initiatives) {
    out.push(
      `<details><summary>${esc(it.name)}: ${it.standards.length} standards at ${it.bodies} bodies</summary><ul>`,
    );
    for (const s of it.standards)
      out.push(
        `<li>${esc(abbr.get(s.body) ?? s.body)} <a href="${links.standard(s.id)}">${esc(s.code)}</a>${s.title ? ` ${esc(s.title)}` : ''}: ${s.strength}, ${s.verification}, ${s.review}</li>`,
      );
    out.push('</ul></details>');
  }
  if (r.opportunities.reciprocity.length) {
    out.push('<h3>Reciprocity</h3><ul>');
    for (const p of r.opportunities.reciprocity)
      out.push(
        `<li>${esc(abbr.get(p.a.body) ?? p.a.body)} + ${esc(abbr.get(p.b.body) ?? p.b.body)}: one joint activity could serve both.</li>`,
      );
    out.push('</ul>');
  }
  out.push(
    `<h2 id="how-to-read">How to read this report</h2><ul>${HOW_TO_READ.map((l) => `<li>${esc(l)}</li>`).join('')}</ul>`,
  );
  return out.join('\n');
}
