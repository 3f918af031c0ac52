/** The report builder's data in the browser: shards fetched from the site's data folder (src/lib/shards.ts). */
import type { LoadShard } from '../lib/shards.ts';

/** Fetches shards under `dataUrl` (the data folder's address); a failed request says which file and why. */
export function shardLoader(dataUrl: string): LoadShard {
  const base = new URL(dataUrl, location.href);
  return async (path) => {
    const res = await fetch(new URL(path, base));
    if (!res.ok) throw new Error(`could not load the crosswalk data (${path}: ${res.status})`);
    return res.json();
  };
}
