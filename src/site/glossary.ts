/** The glossary the site shows and search expands queries with, read once per content state from content/glossary.yaml. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { oncePerContent } from '../lib/node/crosswalk.ts';
import { formatHuman } from '../lib/diagnostics.ts';
import { GLOSSARY_FILE, parseGlossary, synonymGroups } from '../lib/glossary.ts';
import type { GlossaryEntry } from '../schemas/glossary.ts';

export interface SiteGlossary {
  entries: GlossaryEntry[];
  /** Phrases search treats as the same, lowercased (see expandQuery). */
  groups: string[][];
}

/** Per content folder, emptied whenever the content changes (`astro dev` edits). */
const caches = oncePerContent(() => new Map<string, SiteGlossary>());

/** The glossary of a content folder; none when the file is absent; a build error naming line and fix when invalid. */
export function getGlossary(contentDir = process.env.CROSSWALK_CONTENT ?? 'content'): SiteGlossary {
  const cache = caches();
  const hit = cache.get(contentDir);
  if (hit) return hit;
  const path = join(contentDir, GLOSSARY_FILE);
  let out: SiteGlossary = { entries: [], groups: [] };
  if (existsSync(path)) {
    const { entries, diagnostics } = parseGlossary(path, readFileSync(path, 'utf8'));
    if (diagnostics.length) throw new Error(`the glossary is invalid:\n${diagnostics.map(formatHuman).join('\n')}`);
    out = { entries: [...entries].sort((a, b) => a.term.localeCompare(b.term)), groups: synonymGroups(entries) };
  }
  cache.set(contentDir, out);
  return out;
}
