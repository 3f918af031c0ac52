/**
 * The local review page of `npm run review`: one form per mapping still lacking the reviewer's
 * profession. Plain HTML forms (no script), so it works in any browser and with a keyboard.
 */
import { STRENGTHS } from '../../schemas/index.ts';
import { splitProse } from '../prose.ts';
import { verdictText, type ReviewedMapping } from './records.ts';

const esc = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export interface ReviewPageInput {
  reviewer: string;
  profession: string;
  /** Guards the form against posts from other sites (a local server is reachable from any page). */
  token: string;
  pending: readonly ReviewedMapping[];
  /** Body ID → display label; characteristic ID → name. */
  bodyLabel: (id: string) => string;
  characteristicName: (id: string) => string;
  /** Decisions recorded this session, newest first. */
  recorded: readonly string[];
  message?: { kind: 'ok' | 'error'; text: string };
}

function paragraphs(markdown: string): string {
  return splitProse(markdown)
    .main.split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${esc(p)}</p>`)
    .join('\n');
}

function mappingForm(m: ReviewedMapping, i: number, input: ReviewPageInput): string {
  const id = `m${i}`;
  const heading = `${input.bodyLabel(m.accreditor)} ${m.code}${m.title ? ` ${m.title}` : ''} → ${input.characteristicName(m.characteristic)}`;
  const others = m.reviews.map((r) => `${esc(r.reviewer)} (${esc(r.profession)}): ${verdictText(r)}`).join('; ');
  return `<article class="mapping" data-key="${esc(m.key)}">
<h2 id="${id}-h">${esc(heading)}</h2>
<p class="meta">${esc(m.edition)} · mapped as <strong>${m.strength}</strong>${
    m.sourceUrl ? ` · <a href="${esc(m.sourceUrl)}" rel="noreferrer">official source</a>` : ' · no source URL recorded'
  }</p>
<h3>Summary (our words)</h3>
${paragraphs(m.summary)}
${m.quote ? `<blockquote>“${esc(m.quote)}”</blockquote>` : ''}
<p><strong>Our rationale:</strong> ${esc(m.rationale)}</p>
${others ? `<p class="meta">Other reviews: ${others}</p>` : ''}
<form method="post" action="/decide" aria-labelledby="${id}-h">
<input type="hidden" name="token" value="${esc(input.token)}">
<input type="hidden" name="key" value="${esc(m.key)}">
<fieldset><legend>Your verdict</legend>
<label><input type="radio" name="decision" value="agree" required> Agree</label>
<label><input type="radio" name="decision" value="disagree"> Disagree</label>
<label><input type="radio" name="decision" value="strength"> Another strength</label>
<select name="strength" aria-label="Suggested strength"><option value="">choose</option>${STRENGTHS.filter(
    (s) => s !== m.strength,
  )
    .map((s) => `<option>${s}</option>`)
    .join('')}</select>
</fieldset>
<label for="${id}-c">Comment (needed to disagree)</label>
<textarea id="${id}-c" name="comment" rows="2"></textarea>
<button type="submit">Record my review</button>
</form>
</article>`;
}

export function reviewPage(input: ReviewPageInput): string {
  const msg = input.message
    ? `<p role="status" class="${input.message.kind}">${esc(input.message.text)}</p>`
    : '<p role="status"></p>';
  const recorded = input.recorded.length
    ? `<details><summary>Recorded this session (${input.recorded.length})</summary><ul>${input.recorded
        .map((r) => `<li>${esc(r)}</li>`)
        .join('')}</ul></details>`
    : '';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Review mappings · ${esc(input.profession)} · IP-CLE Crosswalk</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:48rem;margin:1rem auto;padding:0 1rem}
.mapping{border-top:1px solid #888;padding:.5rem 0}.meta{color:#444}.error{color:#a00}.ok{color:#060}
fieldset{border:0;padding:0}label{margin-right:1rem}textarea{display:block;width:100%}</style></head>
<body><main>
<h1>Review mappings</h1>
<p>Reviewing as <strong>${esc(input.reviewer)}</strong> (${esc(input.profession)}). Each review is written to its
content file as soon as you record it; you can stop at any time and nothing is lost.</p>
${msg}
<p id="pending-count">${input.pending.length} mapping${input.pending.length === 1 ? '' : 's'} still lack${
    input.pending.length === 1 ? 's' : ''
  } a ${esc(input.profession)} review.</p>
${recorded}
${input.pending.map((m, i) => mappingForm(m, i, input)).join('\n')}
</main></body></html>`;
}
