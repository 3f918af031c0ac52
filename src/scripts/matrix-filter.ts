/**
 * In-place matrix filter for either orientation: hides bodies and characteristics that do not match the
 * chosen facets, optionally the rows and columns with nothing reviewed, sorts rows by coverage, keeps
 * the choice in the URL (and in the link to the other view) so a view can be shared, announces the count.
 */
import { STATUSES, type Status } from '../lib/coverage/status.ts';
import type { AccreditorKind, Level } from '../schemas/index.ts';
import {
  ALL_FACETS,
  coverageScore,
  FACETS,
  matchesFacets,
  matchesRowFacets,
  ROW_FACETS,
  SORTS,
  sortOrder,
  type AnyFacet,
  type Sort,
} from '../site/facets.ts';

/** The cell's status, from its class (the first class the build gives it). */
function cellStatus(td: Element): Status {
  return STATUSES.find((s) => td.classList.contains(s)) ?? 'not-reviewed';
}

function passes(th: HTMLElement, chosen: Record<AnyFacet, string>): boolean {
  const d = th.dataset;
  if (d.body)
    return matchesFacets(
      {
        professions: (d.professions ?? '').split(' '),
        country: d.country ?? '',
        kind: (d.kind ?? '') as AccreditorKind,
      },
      chosen,
    );
  if (d.char) return matchesRowFacets({ level: (d.level ?? '') as Level, domain: d.domain ?? '' }, chosen);
  return true;
}

export function initMatrixFilter(): void {
  const form = document.getElementById('matrix-filters') as HTMLFormElement | null;
  const table = document.getElementById('matrix') as HTMLTableElement | null;
  if (!form || !table) return;
  form.hidden = false;
  const status = document.getElementById('matrix-count')!;
  const other = document.getElementById('matrix-view-other') as HTMLAnchorElement | null;
  const otherBase = other?.getAttribute('href') ?? '';
  const heads = [...table.tHead!.rows[0]!.cells] as HTMLElement[];
  const tbody = table.tBodies[0]!;
  const rows = [...tbody.rows];
  const statuses = rows.map((tr) => [...tr.cells].map((c, i) => (i === 0 ? 'not-reviewed' : cellStatus(c))));
  const bodiesAreRows = rows[0]?.cells[0]?.dataset.body !== undefined;
  const field = (n: string) => form.elements.namedItem(n) as HTMLSelectElement | HTMLInputElement;
  const hideBox = field('reviewed') as HTMLInputElement;

  const params = new URLSearchParams(location.search);
  for (const name of [...ALL_FACETS, 'sort']) {
    const sel = field(name) as HTMLSelectElement;
    const v = params.get(name);
    if (v && [...sel.options].some((o) => o.value === v)) sel.value = v;
  }
  hideBox.checked = params.get('reviewed') === '1';

  const apply = () => {
    const chosen = Object.fromEntries(ALL_FACETS.map((f) => [f, field(f).value])) as Record<AnyFacet, string>;
    const sort = (SORTS as readonly string[]).includes(field('sort').value) ? (field('sort').value as Sort) : 'listed';
    const colOn = heads.map((th, i) => i === 0 || passes(th, chosen));
    const rowOn = rows.map((tr) => passes(tr.cells[0] as HTMLElement, chosen));
    if (hideBox.checked) {
      // A row or column stays when one of its cells that the facets leave visible was reviewed.
      const colReviewed = heads.map(
        (_, i) => i === 0 || rows.some((_, r) => rowOn[r] && statuses[r]![i] !== 'not-reviewed'),
      );
      const rowReviewed = rows.map((_, r) => statuses[r]!.some((s, i) => i > 0 && colOn[i] && s !== 'not-reviewed'));
      colReviewed.forEach((ok, i) => (colOn[i] = colOn[i]! && ok));
      rowReviewed.forEach((ok, r) => (rowOn[r] = rowOn[r]! && ok));
    }
    heads.forEach((th, i) => (th.hidden = !colOn[i]));
    rows.forEach((tr, r) => {
      tr.hidden = !rowOn[r];
      for (const c of tr.cells) c.hidden = !colOn[c.cellIndex];
    });
    const scores = statuses.map((row) => coverageScore(row.filter((_, i) => i > 0 && colOn[i])));
    tbody.append(...sortOrder(scores, sort).map((i) => rows[i]!));

    const nCols = colOn.filter(Boolean).length - 1;
    const nRows = rowOn.filter(Boolean).length;
    const [bodies, chars] = bodiesAreRows ? [nRows, nCols] : [nCols, nRows];
    const [allBodies, allChars] = bodiesAreRows ? [rows.length, heads.length - 1] : [heads.length - 1, rows.length];
    status.textContent = `Showing ${bodies} of ${allBodies} bodies and ${chars} of ${allChars} characteristics.`;
    const q = new URLSearchParams();
    for (const f of [...FACETS, ...ROW_FACETS]) if (chosen[f]) q.set(f, chosen[f]);
    if (sort !== 'listed') q.set('sort', sort);
    if (hideBox.checked) q.set('reviewed', '1');
    const query = q.size ? `?${q}` : '';
    history.replaceState(null, '', `${location.pathname}${query}`);
    if (other) other.href = `${otherBase}${query}`;
  };
  form.addEventListener('change', apply);
  form.addEventListener('reset', () => setTimeout(apply, 0));
  apply();
}
