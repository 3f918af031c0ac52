/** The report builder's shards in the built site: together they are the crosswalk download, and the builder is pointed at them. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CrosswalkData } from '../../src/lib/crosswalk.ts';
import { mergeShards, SHARD_PATHS, type BodyShard, type ShardIndex } from '../../src/lib/shards.ts';
import { SITE_DIR } from './setup.ts';

const read = <T>(path: string) => JSON.parse(readFileSync(join(SITE_DIR, 'data', path), 'utf8')) as T;

describe('report builder shards', () => {
  it('hold every standard of crosswalk.json, one body shard per body', () => {
    const full = read<CrosswalkData>('crosswalk.json');
    const index = read<ShardIndex>(SHARD_PATHS.index);
    expect(readdirSync(join(SITE_DIR, 'data/shards/bodies')).sort()).toEqual(
      full.accreditors.map((a) => `${a.id}.json`).sort(),
    );
    const bodies = full.accreditors.map((a) => read<BodyShard>(SHARD_PATHS.body(a.id)));
    expect(mergeShards(index, bodies)).toEqual(full);
  });

  it('the builder loads them, not crosswalk.json', () => {
    const html = readFileSync(join(SITE_DIR, 'report/index.html'), 'utf8');
    expect(html).toMatch(/data-data="\/ipcle\/data\/"/);
  });
});
