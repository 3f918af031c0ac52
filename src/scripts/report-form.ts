/** The report builder's form: the body filter box, and errors in words a dean understands. */
import { ReportLinkError } from '../lib/report/link.ts';

const norm = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

/** Hides the bodies whose name, abbreviation or programme does not contain every typed word. */
export function initBodyFilter(form: HTMLFormElement): void {
  const box = document.getElementById('body-filter') as HTMLInputElement | null;
  const count = document.getElementById('body-filter-count');
  if (!box || !count) return;
  const labels = [...form.querySelectorAll<HTMLLabelElement>('label.body-choice')];
  const apply = () => {
    const words = norm(box.value).split(/\s+/).filter(Boolean);
    let shown = 0;
    for (const l of labels) {
      const hay = norm(l.dataset.search ?? l.textContent ?? '');
      const match = words.every((w) => hay.includes(w));
      l.hidden = !match;
      if (match) shown++;
    }
    for (const group of form.querySelectorAll<HTMLFieldSetElement>('fieldset.body-kind'))
      group.hidden = !group.querySelector('label.body-choice:not([hidden])');
    count.textContent = words.length
      ? `Showing ${shown} of ${labels.length} bodies.`
      : `${labels.length} bodies. Type to narrow the list.`;
  };
  box.addEventListener('input', apply);
  apply();
}

/** What went wrong, in plain words first; the technical detail follows for whoever supports the site. */
export function plainError(e: unknown, selection: boolean): string {
  const detail = (e as Error).message;
  if (e instanceof ReportLinkError) return detail; // already in plain words, and says what was too long
  if (selection) {
    const unknown = /^unknown (\w+) "([^"]*)"/.exec(detail);
    if (unknown?.[1] === 'accreditor')
      return `This link names a body the crosswalk does not know ("${unknown[2]}"). Choose the bodies again from the list above and press Show report. (Technical detail: ${detail})`;
    if (unknown)
      return `This link asks for a ${unknown[1]} the crosswalk does not know ("${unknown[2]}"). Choose again from the list above and press Show report. (Technical detail: ${detail})`;
    if (detail.startsWith('invalid date'))
      return `The date in this link is not a calendar date. Pick a date with the date field above and press Show report. (Technical detail: ${detail})`;
  }
  if (e instanceof RangeError) return detail;
  if (/crosswalk data/.test(detail))
    return `The crosswalk data could not be loaded, so no report can be built. Check your connection and reload the page. (Technical detail: ${detail})`;
  return `The report could not be built. Reload the page; if it happens again, tell us what you chose. (Technical detail: ${detail})`;
}
