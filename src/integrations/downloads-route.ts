/**
 * `astro dev` only: serves the generated downloads (src/integrations/downloads.ts) under data/, the
 * report builder's shards among them (one list per state of the content, so each is cut once). A build
 * renders them in a separate process instead (src/integrations/downloads-build.ts), in parallel with the
 * pages; see src/integrations/crosswalk.ts.
 */
import type { APIRoute } from 'astro';
import { getSite, type Site } from '../site/data.ts';
import { downloads, downloadType, sourceOfSite, type Download } from './downloads.ts';

/** The downloads of one state of the site (a content edit makes a new one), by path. */
const lists = new WeakMap<Site, Map<string, Download>>();
function downloadsOf(site: Site): Map<string, Download> {
  let list = lists.get(site);
  if (!list) lists.set(site, (list = new Map(downloads(sourceOfSite(site)).map((d) => [d.path, d]))));
  return list;
}

export function getStaticPaths() {
  return [...downloadsOf(getSite()).keys()].map((path) => ({ params: { file: path.replace(/^data\//, '') } }));
}

export const GET: APIRoute = async ({ params }) => {
  const path = `data/${params.file}`;
  const file = downloadsOf(getSite()).get(path);
  if (!file) return new Response('not found', { status: 404 });
  return new Response((await file.render()) as BodyInit, { headers: { 'Content-Type': downloadType(path) } });
};
