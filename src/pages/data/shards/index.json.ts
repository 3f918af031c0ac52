/** The report builder's index shard: bodies, editions, characteristics and the rest, without standards. */
import type { APIRoute } from 'astro';
import { getShards, json } from '../../../site/shards.ts';

export const GET: APIRoute = () => json(getShards().index);
