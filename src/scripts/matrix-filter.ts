/**
 * In-place matrix filter: hides body columns that do not match the chosen profession, country and
 * kind; keeps the selection in the URL so a filtered view can be shared; announces the count.
 */
import type { AccreditorKind } from '../schemas/enums.ts';
import { FACETS, matchesFacets, type Facet } from '../site/facets.ts';

export function initMatrixFilter(): void {
  const form = document.getElementById('matrix-filters') as HTMLFormElement | null;
  const table = document.getElementById('matrix');
  if (!form || !table) return;
  form.hidden = false;
  const status = document.getElementById('matrix-count')!;
  const heads = [...table.querySelectorAll<HTMLElement>('thead th[data-body]')];
  const params = new URLSearchParams(location.search);
  for (const name of FACETS) {
    const sel = form.elements.namedItem(name) as HTMLSelectElement;
    const v = params.get(name);
    if (v && [...sel.options].some((o) => o.value === v)) sel.value = v;
  }
  const apply = () => {
    const get = (n: string) => (form.elements.namedItem(n) as HTMLSelectElement).value;
    const chosen = Object.fromEntries(FACETS.map((f) => [f, get(f)])) as Record<Facet, string>;
    const visible = new Set<string>();
    for (const th of heads) {
      const ok = matchesFacets(
        {
          professions: (th.dataset.professions ?? '').split(' '),
          country: th.dataset.country ?? '',
          kind: (th.dataset.kind ?? '') as AccreditorKind,
        },
        chosen,
      );
      th.hidden = !ok;
      if (ok) visible.add(th.dataset.body!);
    }
    for (const td of table.querySelectorAll<HTMLElement>('tbody td[data-body]'))
      td.hidden = !visible.has(td.dataset.body!);
    status.textContent = `Showing ${visible.size} of ${heads.length} bodies.`;
    const q = new URLSearchParams();
    for (const f of FACETS) if (chosen[f]) q.set(f, chosen[f]);
    history.replaceState(null, '', `${location.pathname}${q.size ? `?${q}` : ''}`);
  };
  form.addEventListener('change', apply);
  form.addEventListener('reset', () => setTimeout(apply, 0));
  apply();
}
