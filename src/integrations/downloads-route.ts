/**
 * `astro dev` only: serves the generated downloads (src/integrations/downloads.ts) under data/. A build
 * renders them in a separate process instead (src/integrations/downloads-build.ts), in parallel with the
 * pages; see src/integrations/crosswalk.ts.
 */
import type { APIRoute } from 'astro';
import { getSite } from '../site/data.ts';
import { downloads, downloadType, sourceOfSite } from './downloads.ts';

export function getStaticPaths() {
  return downloads(sourceOfSite(getSite())).map((d) => ({ params: { file: d.path.replace(/^data\//, '') } }));
}

export const GET: APIRoute = async ({ params }) => {
  const path = `data/${params.file}`;
  const file = downloads(sourceOfSite(getSite())).find((d) => d.path === path);
  if (!file) return new Response('not found', { status: 404 });
  return new Response((await file.render()) as BodyInit, { headers: { 'Content-Type': downloadType(path) } });
};
