/** The whole crosswalk as JSON: what the report builder loads, and a versioned download for reuse. */
import type { APIRoute } from 'astro';
import { getSite } from '../../site/data.ts';

export const GET: APIRoute = () =>
  new Response(JSON.stringify(getSite().loaded.data), { headers: { 'Content-Type': 'application/json' } });
