/** The whole crosswalk as JSON, a versioned download for reuse (the report builder loads the shards under shards/). */
import type { APIRoute } from 'astro';
import { getSite } from '../../site/data.ts';

export const GET: APIRoute = () =>
  new Response(JSON.stringify(getSite().loaded.data), { headers: { 'Content-Type': 'application/json' } });
