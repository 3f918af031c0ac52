/**
 * Everything the site pages read, computed once per build from the validated content: the loaded
 * crosswalk, rendered Markdown bodies, and per-page lookups. Pages call getSite(); nothing here is
 * specific to one page.
 */
import { micromark } from 'micromark';
import { loadCrosswalk, type Loaded } from '../node/crosswalk.ts';

export interface Site {
  loaded: Loaded;
  /** Markdown body of an entity, rendered to HTML (raw HTML is refused by the check and escaped here). */
  html(kind: string, id: string): string;
  contentDir: string;
}

let cached: Site | undefined;

export function getSite(): Site {
  if (cached) return cached;
  const contentDir = process.env.CROSSWALK_CONTENT ?? 'content';
  const loaded = loadCrosswalk(contentDir);
  const bodies = new Map<string, string>();
  const c = loaded.check.content;
  for (const list of [c.characteristics, c.accreditors, c.editions, c.standards, c.initiatives]) {
    for (const e of list) bodies.set(`${e.kind}:${e.id}`, e.file.body);
  }
  const rendered = new Map<string, string>();
  cached = {
    loaded,
    contentDir,
    html(kind, id) {
      const key = `${kind}:${id}`;
      let h = rendered.get(key);
      if (h === undefined) {
        h = micromark(bodies.get(key) ?? '');
        rendered.set(key, h);
      }
      return h;
    },
  };
  return cached;
}
