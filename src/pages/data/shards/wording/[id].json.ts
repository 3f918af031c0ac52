/** One characteristic's model wording candidates from every edition, for reports with a gap in it. */
import type { APIRoute } from 'astro';
import { getShards, json } from '../../../../site/shards.ts';

export function getStaticPaths() {
  return getShards().wording.map((shard) => ({ params: { id: shard.characteristic }, props: { shard } }));
}

export const GET: APIRoute = ({ props }) => json(props.shard);
