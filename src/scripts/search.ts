/**
 * Search over the Pagefind index (built from dist/ after the build). Filters come from the pages'
 * data-pagefind-filter attributes; the query and filters live in the URL so a search can be shared.
 */
interface PagefindResult {
  data(): Promise<{ url: string; excerpt: string; meta: { title?: string } }>;
}
interface Pagefind {
  options(o: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  filters(): Promise<Record<string, Record<string, number>>>;
  search(term: string | null, o: { filters: Record<string, string[]> }): Promise<{ results: PagefindResult[] }>;
}

export async function initSearch(): Promise<void> {
  const form = document.getElementById('search-form') as HTMLFormElement | null;
  if (!form) return;
  const status = document.getElementById('search-status')!;
  const list = document.getElementById('search-results')!;
  const input = form.elements.namedItem('q') as HTMLInputElement;
  const selects = [...form.querySelectorAll<HTMLSelectElement>('select[data-filter]')];
  let pagefind: Pagefind;
  try {
    pagefind = (await import(/* @vite-ignore */ form.dataset.pagefind!)) as Pagefind;
    await pagefind.options({ baseUrl: form.dataset.base });
    await pagefind.init();
  } catch {
    status.textContent = 'The search index could not be loaded.';
    return;
  }
  const available = await pagefind.filters();
  for (const sel of selects) {
    const values = Object.keys(available[sel.dataset.filter!] ?? {}).sort((a, b) => a.localeCompare(b));
    for (const v of values) sel.add(new Option(`${v} (${available[sel.dataset.filter!]![v]})`, v));
  }
  const params = new URLSearchParams(location.search);
  input.value = params.get('q') ?? '';
  for (const sel of selects) {
    const v = params.get(sel.name);
    if (v && [...sel.options].some((o) => o.value === v)) sel.value = v;
  }

  let seq = 0;
  const run = async () => {
    const mine = ++seq;
    const filters: Record<string, string[]> = {};
    for (const sel of selects) if (sel.value) filters[sel.dataset.filter!] = [sel.value];
    const term = input.value.trim();
    const q = new URLSearchParams();
    if (term) q.set('q', term);
    for (const [k, v] of Object.entries(filters)) q.set(k, v[0]!);
    history.replaceState(null, '', `${location.pathname}${q.size ? `?${q}` : ''}`);
    if (!term && Object.keys(filters).length === 0) {
      list.replaceChildren();
      status.textContent = 'Type a word or choose a filter.';
      return;
    }
    const { results } = await pagefind.search(term || null, { filters });
    const page = await Promise.all(results.slice(0, 30).map((r) => r.data()));
    if (mine !== seq) return;
    list.replaceChildren(
      ...page.map((d) => {
        const li = document.createElement('li');
        const a = document.createElement('a');
        a.href = d.url;
        a.textContent = d.meta.title ?? d.url;
        const p = document.createElement('p');
        // Pagefind escapes page text in excerpts and adds only <mark> elements.
        p.innerHTML = d.excerpt;
        li.append(a, p);
        return li;
      }),
    );
    status.textContent = `${results.length} result${results.length === 1 ? '' : 's'}${results.length > 30 ? ', showing the first 30' : ''}.`;
  };
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void run();
  });
  input.addEventListener('input', () => void run());
  for (const sel of selects) sel.addEventListener('change', () => void run());
  void run();
}
