/**
 * The report's "Review agreement" section, as every format shows it: one line when no mapping has two
 * reviews, else the share agreeing and kappa by body, characteristic and profession pair, then the
 * dissents with their reasons. Markdown and HTML here; XLSX and PDF in agreement-office.ts.
 */
import { mdText } from '../markdown-text.ts';
import { percent } from '../percent.ts';
import { kappaText } from '../review/agreement.ts';
import { lookups } from './committee.ts';
import type { GapReport } from './schema.ts';

type Agreement = GapReport['reviewAgreement'];
type Row = Agreement['overall'];
type Dissent = Agreement['dissents'][number];

export const AGREEMENT_TITLE = 'Review agreement';
export const AGREEMENT_HEAD = ['', 'Reviews', 'Agree', 'Kappa', 'Mappings it rests on'] as const;

/** "Nursing", "All health professions": a profession ID as people read it. */
const professionName = (p: string) => p.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase());

/** The one line that opens the section, saying what the figures rest on (or that there are none). */
export function agreementLine(a: Agreement): string {
  const base = `${a.withReviews} of ${a.mappings} mappings in this selection have a review; ${a.ratedTwice} have two or more`;
  if (a.withReviews === 0) return `No mapping in this selection has been reviewed yet (${a.mappings} mappings).`;
  if (a.ratedTwice === 0)
    return `No mapping in this selection has two reviews yet, so there is no agreement to report (${a.withReviews} of ${a.mappings} mappings have one).`;
  const o = a.overall;
  return `${base}. Overall ${percent(o.agreeing, o.reviews)} of ${o.reviews} reviews agree; Fleiss' kappa ${kappaText(o.kappa, o.mappings)} on ${o.mappings} mappings.`;
}

/** Whether there are tables to show: some mapping has two reviews. */
export const hasAgreementTables = (a: Agreement): boolean => a.ratedTwice > 0;

export interface AgreementTable {
  id: string;
  title: string;
  first: string;
  rows: string[][];
}

/** By body (Fleiss), by characteristic (Fleiss), by pair of professions (Cohen); each row as display text. */
export function agreementTables(r: GapReport): AgreementTable[] {
  const l = lookups(r);
  const a = r.reviewAgreement;
  const cells = (name: string, x: Row) => [
    name,
    String(x.reviews),
    `${percent(x.agreeing, x.reviews)} (${x.agreeing})`,
    kappaText(x.kappa, x.mappings),
    String(x.mappings),
  ];
  const pair = (key: string) => key.split('+').map(professionName).join(' and ');
  return [
    { id: 'by-body', title: 'By body', first: 'Body', rows: a.byBody.map((x) => cells(l.body(x.key), x)) },
    {
      id: 'by-characteristic',
      title: 'By characteristic',
      first: 'Characteristic',
      rows: a.byCharacteristic.map((x) => cells(l.characteristic(x.key), x)),
    },
    {
      id: 'by-pair',
      title: "By pair of professions (Cohen's kappa)",
      first: 'Professions',
      rows: a.byProfessionPair.map((x) => cells(pair(x.key), x)),
    },
  ];
}

/** "ANC A-1 → Teamwork: Jane Doe (Nursing), 2026-03-01, suggests partial (mapped as explicit): reason". */
export function dissentText(r: GapReport, d: Dissent): { where: string; text: string } {
  const l = lookups(r);
  const suggests = d.suggestedStrength ? `, suggests ${d.suggestedStrength} (mapped as ${d.strength})` : '';
  return {
    where: `${l.body(d.body)} ${d.code} → ${l.characteristic(d.characteristic)}`,
    text: `${d.reviewer} (${professionName(d.profession)}), ${d.date}${suggests}${d.note ? `: ${d.note}` : ''}`,
  };
}

export const DISSENTS_TITLE = 'Dissents and their reasons';

/** The section in Markdown, opening with a blank line: every content-derived string escaped. */
export function agreementMarkdown(r: GapReport): string[] {
  const a = r.reviewAgreement;
  // The line and the figures are our own words and numbers; names, reasons and reviewers are escaped.
  const out = ['', `## ${AGREEMENT_TITLE}`, '', agreementLine(a)];
  if (hasAgreementTables(a))
    for (const t of agreementTables(r)) {
      if (t.rows.length === 0) continue;
      out.push('', `### ${t.title}`, '', `| ${t.first} | ${AGREEMENT_HEAD.slice(1).join(' | ')} |`);
      out.push(
        '| --- | ---: | ---: | --- | ---: |',
        ...t.rows.map(([name, ...figures]) => `| ${[mdText(name!), ...figures].join(' | ')} |`),
      );
    }
  if (a.dissents.length) {
    out.push('', `### ${DISSENTS_TITLE}`, '');
    for (const d of a.dissents) {
      const t = dissentText(r, d);
      out.push(`- **${mdText(t.where)}**: ${mdText(t.text)}`);
    }
  }
  return out;
}

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ESC[c]!);

/** The section in HTML; `standard(id)` links each dissent to its standard page. */
export function agreementHtml(r: GapReport, standard: (id: string) => string): string {
  const a = r.reviewAgreement;
  const out = [
    `<h2 id="review-agreement">${AGREEMENT_TITLE}</h2>`,
    `<p id="review-agreement-line">${esc(agreementLine(a))}</p>`,
  ];
  if (hasAgreementTables(a))
    for (const t of agreementTables(r)) {
      if (t.rows.length === 0) continue;
      const head = [t.first, ...AGREEMENT_HEAD.slice(1)].map((h) => `<th scope="col">${esc(h)}</th>`).join('');
      const body = t.rows
        .map(
          ([name, ...rest]) =>
            `<tr><th scope="row">${esc(name!)}</th>${rest.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`,
        )
        .join('');
      out.push(
        `<h3 id="review-agreement-${t.id}">${esc(t.title)}</h3><div class="table-wrap" tabindex="0" role="region" aria-label="Review agreement ${esc(t.title.toLowerCase())}"><table><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table></div>`,
      );
    }
  if (a.dissents.length) {
    const items = a.dissents.map((d) => {
      const t = dissentText(r, d);
      return `<li><a href="${standard(d.standard)}#m-${esc(d.characteristic)}">${esc(t.where)}</a>: ${esc(t.text)}</li>`;
    });
    out.push(`<h3 id="review-dissents">${DISSENTS_TITLE}</h3><ul id="report-dissents">${items.join('')}</ul>`);
  }
  return out.join('\n');
}
