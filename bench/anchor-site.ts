/**
 * The plain-Astro anchor's pages: one per page of the project's build, at the same URL, carrying the
 * text, headings, filters and title Pagefind indexed there, padded with unindexed links to the same
 * HTML size. Also the generated project's files (config, one route, a stylesheet).
 */
import { statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import type { Fragment } from './fragments.ts';
import { BENCH, walkFiles } from './util.ts';

export interface AnchorPage {
  /** Path below the site root without slashes at the ends; '' for the home page. */
  route: string;
  title: string;
  indexed: boolean;
  /** Headings (with their id) and paragraphs, in page order. */
  blocks: { h?: string; t: string }[];
  filters: [string, string][];
  /** Unindexed links that bring the page to the project page's HTML size. */
  pad: number;
}

/** Words per paragraph when the indexed text is laid out again. */
const PARAGRAPH_WORDS = 60;
const padLink = (i: number) => `<li><a href="/related/${String(i).padStart(4, '0')}/">Related page</a></li>`;
export const PAD_BYTES = padLink(0).length;
const SHELL =
  '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">' +
  '<title></title><link rel="stylesheet" href="/site.css"></head><body><header data-pagefind-ignore="all"><nav><a href="/">Home</a></nav></header>' +
  '<main><div hidden data-pagefind-ignore><span data-pagefind-meta="title"></span></div><ul data-pagefind-ignore></ul></main></body></html>';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', "'": '&#39;', '"': '&quot;' };
/** Bytes of text once Astro has escaped it. */
const escapedBytes = (s: string) => Buffer.byteLength(s.replace(/[&<>'"]/g, (c) => ESCAPES[c]!));

/** The HTML bytes the route template renders for a page (checked against the build afterwards). */
export function estimateBytes(p: Omit<AnchorPage, 'pad'>, pad: number): number {
  let n = SHELL.length + 2 * escapedBytes(p.title) + (p.indexed ? ' data-pagefind-body'.length : 0);
  for (const [k, v] of p.filters) n += `<span data-pagefind-filter="${k}"></span>`.length + escapedBytes(v);
  for (const b of p.blocks) n += escapedBytes(b.t) + (b.h ? `<h2 id="${b.h}"></h2>`.length : '<p></p>'.length);
  return n + pad * PAD_BYTES;
}

/** Lays the indexed text out again: a heading at each of Pagefind's anchors, paragraphs between. */
function blocksOf(f: Fragment): { h?: string; t: string }[] {
  const words = f.content.split(' ').filter((w) => w !== '');
  const heads = new Map(f.anchors.map((a) => [a.location, a]));
  const blocks: { h?: string; t: string }[] = [];
  let para: string[] = [];
  const flush = () => {
    if (para.length) blocks.push({ t: para.join(' ') });
    para = [];
  };
  for (let i = 0; i < words.length;) {
    const a = heads.get(i);
    if (a) {
      flush();
      const n = Math.max(1, a.text.split(' ').filter((w) => w !== '').length);
      blocks.push({ h: a.id, t: words.slice(i, i + n).join(' ') });
      i += n;
      continue;
    }
    para.push(words[i]!);
    if (para.length >= PARAGRAPH_WORDS) flush();
    i++;
  }
  flush();
  return blocks;
}

/** One anchor page per `index.html` of the project's build, calibrated to it. */
export function planAnchorPages(siteOut: string, fragments: Map<string, Fragment>): AnchorPage[] {
  const pages: AnchorPage[] = [];
  for (const file of walkFiles(siteOut)) {
    if (!file.endsWith('/index.html')) continue;
    const route = relative(siteOut, dirname(file)).split('\\').join('/');
    const f = fragments.get(route === '' ? '/' : `/${route}/`);
    const page: Omit<AnchorPage, 'pad'> = {
      route,
      title: f?.meta.title ?? route,
      indexed: f !== undefined,
      blocks: f ? blocksOf(f) : [],
      filters: f ? Object.entries(f.filters).flatMap(([k, vs]) => vs.map((v): [string, string] => [k, v])) : [],
    };
    const missing = statSync(file).size - estimateBytes(page, 0);
    pages.push({ ...page, pad: Math.max(0, Math.round(missing / PAD_BYTES)) });
  }
  return pages;
}

/** The generated project: its own config (cold caches in the run's folder), one route, a stylesheet. */
export function anchorProjectFiles(pagesJson: string, cacheDir: string): Record<string, string> {
  const route = `---
import { readFileSync } from 'node:fs';
export function getStaticPaths() {
  const pages = JSON.parse(readFileSync(${JSON.stringify(pagesJson)}, 'utf8'));
  return pages.map((p) => ({ params: { slug: p.route === '' ? undefined : p.route }, props: p }));
}
const { title, blocks, filters, indexed, pad } = Astro.props;
---
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>{title}</title><link rel="stylesheet" href="/site.css"></head><body><header data-pagefind-ignore="all"><nav><a href="/">Home</a></nav></header><main data-pagefind-body={indexed ? '' : undefined}><div hidden data-pagefind-ignore><span data-pagefind-meta="title">{title}</span>{filters.map(([k, v]) => <span data-pagefind-filter={k}>{v}</span>)}</div>{blocks.map((b) => (b.h ? <h2 id={b.h}>{b.t}</h2> : <p>{b.t}</p>))}<ul data-pagefind-ignore>{Array.from({ length: pad }, (_, i) => <li><a href={\`/related/\${String(i).padStart(4, '0')}/\`}>Related page</a></li>)}</ul></main></body></html>
`;
  return {
    'package.json': `${JSON.stringify({ name: 'bench-plain-astro', private: true, type: 'module' }, null, 2)}\n`,
    'tsconfig.json': `${JSON.stringify({ extends: 'astro/tsconfigs/base' }, null, 2)}\n`,
    'astro.config.mjs':
      `import { defineConfig } from 'astro/config';\n` +
      `import pagefindIndex from ${JSON.stringify(join(BENCH, 'anchor-pagefind.ts'))};\n\n` +
      `export default defineConfig({\n` +
      `  cacheDir: ${JSON.stringify(cacheDir)},\n` +
      `  trailingSlash: 'always',\n` +
      `  build: { format: 'directory' },\n` +
      `  integrations: [pagefindIndex()],\n` +
      `  devToolbar: { enabled: false },\n` +
      `});\n`,
    'src/pages/[...slug].astro': route,
    'public/site.css': 'body { font: 16px/1.5 system-ui, sans-serif; margin: 0 auto; max-width: 60rem; }\n',
  };
}
