/**
 * In-place matrix filter: hides body columns that do not match the chosen profession, country and
 * kind; keeps the selection in the URL so a filtered view can be shared; announces the count.
 */
export function initMatrixFilter(): void {
  const form = document.getElementById('matrix-filters') as HTMLFormElement | null;
  const table = document.getElementById('matrix');
  if (!form || !table) return;
  form.hidden = false;
  const status = document.getElementById('matrix-count')!;
  const heads = [...table.querySelectorAll<HTMLElement>('thead th[data-body]')];
  const params = new URLSearchParams(location.search);
  for (const name of ['profession', 'country', 'kind']) {
    const sel = form.elements.namedItem(name) as HTMLSelectElement;
    const v = params.get(name);
    if (v && [...sel.options].some((o) => o.value === v)) sel.value = v;
  }
  const apply = () => {
    const get = (n: string) => (form.elements.namedItem(n) as HTMLSelectElement).value;
    const [profession, country, kind] = [get('profession'), get('country'), get('kind')];
    const visible = new Set<string>();
    for (const th of heads) {
      const ok =
        (!profession || (th.dataset.professions ?? '').split(' ').includes(profession)) &&
        (!country || th.dataset.country === country) &&
        (!kind || th.dataset.kind === kind);
      th.hidden = !ok;
      if (ok) visible.add(th.dataset.body!);
    }
    for (const td of table.querySelectorAll<HTMLElement>('tbody td[data-body]'))
      td.hidden = !visible.has(td.dataset.body!);
    status.textContent = `Showing ${visible.size} of ${heads.length} bodies.`;
    const q = new URLSearchParams();
    if (profession) q.set('profession', profession);
    if (country) q.set('country', country);
    if (kind) q.set('kind', kind);
    history.replaceState(null, '', `${location.pathname}${q.size ? `?${q}` : ''}`);
  };
  form.addEventListener('change', apply);
  form.addEventListener('reset', () => setTimeout(apply, 0));
  apply();
}
