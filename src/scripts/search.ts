/**
 * Search over the Pagefind index (built from dist/ after the build). Filters come from the pages'
 * data-pagefind-filter attributes; the query, filters and grouping live in the URL so a search can be
 * shared. Pagefind has no synonyms, so the query is expanded with the glossary (expandQuery) and the
 * results of every variant are merged, best score first.
 */
import { expandQuery } from '../lib/synonyms.ts';

interface ResultData {
  url: string;
  excerpt: string;
  meta: { title?: string; edition?: string; body?: string };
  filters: Record<string, string[]>;
}
interface PagefindResult {
  id: string;
  score: number;
  data(): Promise<ResultData>;
}
interface Pagefind {
  options(o: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  mergeIndex(path: string, o: Record<string, unknown>): Promise<void>;
  filters(): Promise<Record<string, Record<string, number>>>;
  search(term: string | null, o: { filters: Record<string, string[]> }): Promise<{ results: PagefindResult[] }>;
}

const SHOWN = 30;
const TYPE_GROUP: Record<string, string> = {
  characteristic: 'Characteristics',
  initiative: 'Initiatives',
  glossary: 'Glossary',
};

/** Results of every query variant, each page once with its best score, best first. */
async function searchAll(pagefind: Pagefind, terms: string[], filters: Record<string, string[]>) {
  const runs = await Promise.all(terms.map((t) => pagefind.search(t || null, { filters })));
  const best = new Map<string, PagefindResult>();
  for (const { results } of runs)
    for (const r of results) if ((best.get(r.id)?.score ?? -1) < r.score) best.set(r.id, r);
  return [...best.values()].sort((a, b) => b.score - a.score);
}

/** One result: "BODY code: title" as the link, the edition and body under it, then the excerpt. */
function resultItem(d: ResultData): HTMLLIElement {
  const li = document.createElement('li');
  const a = document.createElement('a');
  a.href = d.url;
  a.textContent = d.meta.title ?? d.url;
  li.append(a);
  const about = [d.meta.edition, d.filters.type?.[0] === 'standard' ? d.meta.body : undefined].filter(Boolean);
  if (about.length) {
    const p = document.createElement('p');
    p.className = 'result-meta muted';
    p.textContent = about.join(' · ');
    li.append(p);
  }
  const p = document.createElement('p');
  // Pagefind escapes page text in excerpts and adds only <mark> elements.
  p.innerHTML = d.excerpt;
  li.append(p);
  return li;
}

/** The heading a result is grouped under: its body, else its kind of page. */
function groupOf(d: ResultData): string {
  return d.meta.body ?? TYPE_GROUP[d.filters.type?.[0] ?? ''] ?? 'Other pages';
}

function groupedItems(page: ResultData[]): HTMLLIElement[] {
  const groups = new Map<string, ResultData[]>();
  for (const d of page) groups.set(groupOf(d), [...(groups.get(groupOf(d)) ?? []), d]);
  return [...groups].map(([name, list]) => {
    const li = document.createElement('li');
    li.className = 'result-group';
    const h = document.createElement('h2');
    h.textContent = `${name} (${list.length})`;
    const ol = document.createElement('ol');
    ol.append(...list.map(resultItem));
    li.append(h, ol);
    return li;
  });
}

export async function initSearch(): Promise<void> {
  const form = document.getElementById('search-form') as HTMLFormElement | null;
  if (!form) return;
  const status = document.getElementById('search-status')!;
  const list = document.getElementById('search-results')!;
  const input = form.elements.namedItem('q') as HTMLInputElement;
  const group = form.elements.namedItem('group') as HTMLInputElement;
  const selects = [...form.querySelectorAll<HTMLSelectElement>('select[data-filter]')];
  const synonyms = JSON.parse(form.dataset.synonyms ?? '[]') as string[][];
  const params = new URLSearchParams(location.search);
  // Set before the index loads and never overwritten after: what a reader types meanwhile is kept and searched.
  if (!input.value) input.value = params.get('q') ?? '';
  group.checked ||= params.get('group') === 'body';
  status.textContent = 'Loading the search index…';
  let pagefind: Pagefind;
  // A large site's index comes in shards (src/integrations/pagefind.ts): the list loads alongside Pagefind.
  const shards = fetch(form.dataset.shards!).then(async (r) => {
    if (!r.ok) throw new Error(`${r.status}`);
    return ((await r.json()) as { shards: string[] }).shards;
  });
  shards.catch(() => {}); // awaited below; a failure there is reported, not unhandled
  try {
    pagefind = (await import(/* @vite-ignore */ form.dataset.pagefind!)) as Pagefind;
    await pagefind.options({ baseUrl: form.dataset.base });
    await pagefind.init();
    // Shard folders are listed relative to the list itself, which sits at the site's root.
    const root = new URL(form.dataset.shards!, location.href);
    await Promise.all(
      (await shards).map((dir) => pagefind.mergeIndex(new URL(dir, root).pathname, { baseUrl: form.dataset.base })),
    );
  } catch {
    status.textContent = 'The search index could not be loaded.';
    return;
  }
  // The filters' values (every body, profession, characteristic… with its count) take Pagefind about
  // as long to load as a search: a link that sets no filter is searched first and gets them after.
  const fillFilters = async () => {
    const available = await pagefind.filters();
    for (const sel of selects) {
      const names = JSON.parse(sel.dataset.names ?? '{}') as Record<string, string>;
      const counts = available[sel.dataset.filter!] ?? {};
      const values = Object.keys(counts).sort((a, b) => (names[a] ?? a).localeCompare(names[b] ?? b));
      for (const v of values) sel.add(new Option(`${names[v] ?? v} (${counts[v]})`, v));
    }
    for (const sel of selects) {
      const v = params.get(sel.name);
      if (v && [...sel.options].some((o) => o.value === v)) sel.value = v;
    }
  };
  const filtered = selects.some((sel) => params.get(sel.name));
  if (filtered) await fillFilters();

  let seq = 0;
  // Until the newest search has answered, the list and count on screen belong to an older one:
  // aria-busy says so (to assistive technology, and to the browser tests that wait for it).
  const settle = () => list.setAttribute('aria-busy', 'false');
  const run = async () => {
    const mine = ++seq;
    list.setAttribute('aria-busy', 'true');
    const filters: Record<string, string[]> = {};
    for (const sel of selects) if (sel.value) filters[sel.dataset.filter!] = [sel.value];
    const term = input.value.trim();
    const q = new URLSearchParams();
    if (term) q.set('q', term);
    for (const [k, v] of Object.entries(filters)) q.set(k, v[0]!);
    if (group.checked) q.set('group', 'body');
    history.replaceState(null, '', `${location.pathname}${q.size ? `?${q}` : ''}`);
    if (!term && Object.keys(filters).length === 0) {
      list.replaceChildren();
      status.textContent = 'Type a word or choose a filter.';
      settle();
      return;
    }
    const results = await searchAll(pagefind, term ? expandQuery(term, synonyms) : [''], filters);
    const page = await Promise.all(results.slice(0, SHOWN).map((r) => r.data()));
    if (mine !== seq) return;
    list.replaceChildren(...(group.checked ? groupedItems(page) : page.map(resultItem)));
    status.textContent = `${results.length} result${results.length === 1 ? '' : 's'}${results.length > SHOWN ? `, showing the first ${SHOWN}` : ''}.`;
    settle();
  };
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void run();
  });
  input.addEventListener('input', () => void run());
  for (const sel of selects) sel.addEventListener('change', () => void run());
  group.addEventListener('change', () => void run());
  if (filtered) void run();
  else await run().finally(() => fillFilters());
}
