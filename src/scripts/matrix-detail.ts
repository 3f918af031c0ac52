/**
 * Per-cell detail on the matrix: a click on a cell opens a dialog with the standards behind it
 * (strength, verification, review, edition), computed by the same src/lib code as the build from the
 * crosswalk JSON, which is loaded on the first click only. Without JavaScript the cell's link leads
 * to the same evidence on the edition page.
 */
import { cellFor, QUALIFIER_NOTE, STATUS_LABEL, STATUS_SYMBOL, type CellStandard } from '../lib/coverage.ts';
import { indexCrosswalk, type CrosswalkData, type CrosswalkIndex } from '../lib/crosswalk.ts';
import { BINDING_LABEL, REVIEW_LABEL, VERIFICATION_SHORT } from '../site/labels.ts';
import { siteUrls } from '../site/urls.ts';

type Url = ReturnType<typeof siteUrls>;

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  text?: string,
  attrs: Record<string, string> = {},
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  return e;
}

function link(href: string, text: string): HTMLAnchorElement {
  return el('a', text, { href });
}

/** One standard of the cell: code and title, then strength, verification, review and bindingness. */
function standardItem(s: CellStandard, url: Url): HTMLLIElement {
  const li = el('li');
  li.append(link(url.standard(s.id), s.title && s.title !== s.code ? `${s.code}: ${s.title}` : s.code));
  li.append(
    ` — ${s.strength}; ${VERIFICATION_SHORT[s.verification]}; ${REVIEW_LABEL[s.review].toLowerCase()}; ${BINDING_LABEL[s.bindingness].toLowerCase()}.`,
  );
  li.append(el('br'), el('span', s.rationale, { class: 'muted' }));
  return li;
}

/** Fills the dialog for one (body, characteristic) cell. */
function renderDetail(
  crosswalk: CrosswalkIndex,
  target: { body: string; edition: string; characteristic: string },
  url: Url,
  title: HTMLElement,
  body: HTMLElement,
): void {
  const a = crosswalk.accreditors.get(target.body);
  const e = crosswalk.editions.get(target.edition);
  const c = crosswalk.characteristics.get(target.characteristic);
  if (!a || !e || !c) {
    title.textContent = 'Cell not found';
    body.replaceChildren(el('p', 'This cell is not in the crosswalk data; reload the page.'));
    return;
  }
  const cell = cellFor(crosswalk, e.id, c.id);
  title.textContent = `${c.name} at ${a.label}`;
  const status = el('p', undefined, { class: `status ${cell.status}` });
  status.append(el('span', STATUS_SYMBOL[cell.status], { 'aria-hidden': 'true' }), ` ${STATUS_LABEL[cell.status]}`);
  const meta = el('dl', undefined, { class: 'meta' });
  const row = (dt: string, dd: Node) => {
    const d = el('dd');
    d.append(dd);
    meta.append(el('dt', dt), d);
  };
  row('Body', link(url.accreditor(a.id), `${a.name} (${a.label})`));
  row('Edition', link(url.edition(e.id), `${e.title} (${e.edition})`));
  row('Characteristic', link(url.characteristic(c.id), c.name));
  const parts: Node[] = [status, meta];
  for (const q of cell.qualifiers)
    parts.push(el('p', `Note ${QUALIFIER_NOTE[q].mark}: the cell ${QUALIFIER_NOTE[q].text}.`));
  if (cell.standards.length) {
    parts.push(el('h3', 'Standards'));
    const ul = el('ul');
    ul.append(...cell.standards.map((s) => standardItem(s, url)));
    parts.push(ul);
  }
  if (cell.carried) {
    const from = crosswalk.editions.get(cell.carried.from);
    parts.push(
      el(
        'p',
        `Carried forward from ${from ? `${from.title} (${from.edition})` : cell.carried.from}: ${STATUS_LABEL[cell.carried.status]}; not checked against the edition in force.`,
        { class: 'carried' },
      ),
    );
    const ul = el('ul');
    ul.append(...cell.carried.standards.map((s) => standardItem(s, url)));
    parts.push(ul);
  }
  const more = el('p');
  more.append(link(`${url.edition(e.id)}#c-${c.id}`, 'This cell on the edition page'));
  parts.push(more);
  body.replaceChildren(...parts);
}

export function initMatrixDetail(): void {
  const table = document.getElementById('matrix');
  const dialog = document.getElementById('cell-detail') as HTMLDialogElement | null;
  const wrap = table?.closest<HTMLElement>('[data-crosswalk]');
  if (!table || !dialog || !wrap || typeof dialog.showModal !== 'function') return;
  const title = document.getElementById('cell-detail-title')!;
  const body = document.getElementById('cell-detail-body')!;
  const url = siteUrls(wrap.dataset.base ?? '/');
  let data: Promise<CrosswalkIndex> | undefined;
  const load = () =>
    (data ??= fetch(wrap.dataset.crosswalk!).then(async (r) => {
      if (!r.ok) throw new Error(`could not load the crosswalk data (${r.status})`);
      return indexCrosswalk((await r.json()) as CrosswalkData);
    }));
  let opener: HTMLElement | undefined;
  dialog.addEventListener('close', () => opener?.focus());
  table.addEventListener('click', (ev) => {
    const me = ev as MouseEvent;
    if (me.button !== 0 || me.ctrlKey || me.metaKey || me.shiftKey || me.altKey) return;
    const a = (ev.target as Element).closest<HTMLAnchorElement>('td > a');
    const td = a?.parentElement as HTMLTableCellElement | undefined;
    if (!a || !td) return;
    const tr = td.parentElement as HTMLTableRowElement;
    const rowHead = tr.querySelector<HTMLElement>('th[scope=row]')!;
    const colHead = table.querySelectorAll<HTMLElement>('thead th')[td.cellIndex]!;
    const bodyHead = rowHead.dataset.body ? rowHead : colHead;
    const charHead = rowHead.dataset.char ? rowHead : colHead;
    ev.preventDefault();
    opener = a;
    title.textContent = 'Loading…';
    body.replaceChildren();
    dialog.showModal();
    load().then(
      (crosswalk) => {
        renderDetail(
          crosswalk,
          { body: bodyHead.dataset.body!, edition: bodyHead.dataset.edition!, characteristic: charHead.dataset.char! },
          url,
          title,
          body,
        );
        title.focus();
      },
      (e: unknown) => {
        title.textContent = 'The detail could not be loaded';
        body.replaceChildren(el('p', `${(e as Error).message}. Follow the cell's link instead.`));
      },
    );
  });
}
