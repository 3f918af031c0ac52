/** One body's standards, for the report builder (a report loads the shards of the bodies it covers). */
import type { APIRoute } from 'astro';
import { getShards, json } from '../../../../site/shards.ts';

export function getStaticPaths() {
  return getShards().bodies.map((shard) => ({ params: { id: shard.accreditor }, props: { shard } }));
}

export const GET: APIRoute = ({ props }) => json(props.shard);
