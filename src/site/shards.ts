/** The report builder's data shards (src/lib/shards.ts), cut once per build for all the shard endpoints. */
import { splitCrosswalk } from '../lib/shards.ts';
import { getSite } from './data.ts';

let cached: ReturnType<typeof splitCrosswalk> | undefined;

export function getShards(): ReturnType<typeof splitCrosswalk> {
  return (cached ??= splitCrosswalk(getSite().loaded.index));
}

/** A shard as the JSON response the builder fetches. */
export const json = (value: unknown) =>
  new Response(JSON.stringify(value), { headers: { 'Content-Type': 'application/json' } });
