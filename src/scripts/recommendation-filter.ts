/**
 * In-place filter of the recommendations table by body, status and characteristic; keeps the choice
 * in the URL so a filtered list can be shared, and announces how many rows remain.
 */
const RECOMMENDATION_FILTERS = ['body', 'status', 'characteristic'] as const;
export type RecommendationFilter = (typeof RECOMMENDATION_FILTERS)[number];

/** Whether a row passes every chosen filter (an empty choice passes); characteristics are a list. */
export function matchesRecommendation(
  row: { body: string; status: string; characteristics: readonly string[] },
  chosen: Partial<Record<RecommendationFilter, string>>,
): boolean {
  return (
    (!chosen.body || row.body === chosen.body) &&
    (!chosen.status || row.status === chosen.status) &&
    (!chosen.characteristic || row.characteristics.includes(chosen.characteristic))
  );
}

export function initRecommendationFilter(): void {
  const form = document.getElementById('recommendation-filters') as HTMLFormElement | null;
  const table = document.getElementById('recommendations');
  if (!form || !table) return;
  form.hidden = false;
  const count = document.getElementById('recommendation-count')!;
  const rows = [...table.querySelectorAll<HTMLElement>('tbody tr')];
  const select = (n: RecommendationFilter) => form.elements.namedItem(n) as HTMLSelectElement;
  const params = new URLSearchParams(location.search);
  for (const name of RECOMMENDATION_FILTERS) {
    const v = params.get(name);
    if (v && [...select(name).options].some((o) => o.value === v)) select(name).value = v;
  }
  const apply = () => {
    const chosen = Object.fromEntries(RECOMMENDATION_FILTERS.map((f) => [f, select(f).value])) as Record<
      RecommendationFilter,
      string
    >;
    let shown = 0;
    for (const tr of rows) {
      const ok = matchesRecommendation(
        {
          body: tr.dataset.body ?? '',
          status: tr.dataset.status ?? '',
          characteristics: (tr.dataset.characteristics ?? '').split(' '),
        },
        chosen,
      );
      tr.hidden = !ok;
      if (ok) shown++;
    }
    count.textContent = `Showing ${shown} of ${rows.length} recommendations.`;
    const q = new URLSearchParams();
    for (const f of RECOMMENDATION_FILTERS) if (chosen[f]) q.set(f, chosen[f]);
    history.replaceState(null, '', `${location.pathname}${q.size ? `?${q}` : ''}`);
  };
  form.addEventListener('change', apply);
  form.addEventListener('reset', () => setTimeout(apply, 0));
  apply();
}
