/**
 * The file texts a foreign import would write: a new file per proposed standard, an appended mapping
 * per existing one. The content as it would be is checked, so `--write` never leaves a broken tree.
 */
import { checkSources } from '../../check/index.ts';
import type { SourceFile } from '../../content.ts';
import { assembleFile, editFrontmatter, houseStyleYaml } from '../../frontmatter-edit.ts';
import { slugifyCode } from '../../ids.ts';
import { fieldsOf, schemaAt } from '../../zod-issues.ts';
import { SCHEMAS } from '../../../schemas/index.ts';
import type { ForeignOptions, Proposal } from './plan.ts';

export interface ForeignFile {
  file: string;
  /** The text now; null for a file the import creates. */
  before: string | null;
  after: string;
}

const keyOrder = (parent: readonly (string | number)[]) => fieldsOf(schemaAt(SCHEMAS.standard, parent));

/** The content root as the sources name it ("content/"), from any file's path and segments. */
function rootOf(sources: readonly SourceFile[]): string {
  const s = sources[0];
  if (!s) return 'content/';
  const tail = s.segments.join('/');
  return s.path.endsWith(tail) ? s.path.slice(0, s.path.length - tail.length) : 'content/';
}

export function buildFiles(
  sources: readonly SourceFile[],
  proposals: readonly Proposal[],
  options: ForeignOptions,
): { files: ForeignFile[]; errors: string[] } {
  const root = rootOf(sources);
  const byPath = new Map(sources.map((s) => [s.path, s]));
  const files: ForeignFile[] = [];
  const errors: string[] = [];
  const added: SourceFile[] = [];
  for (const p of proposals) {
    if (p.existing) {
      if (p.data.mappings.length === 0) continue;
      const before = new TextDecoder().decode(byPath.get(p.existing.file.path)!.bytes);
      const edits = p.data.mappings.map((m) => ({ op: 'append' as const, path: ['mappings'], value: stripEmpty(m) }));
      const { text } = editFrontmatter(p.existing.file.frontmatter, edits, keyOrder);
      files.push({ file: p.existing.file.path, before, after: assembleFile(text, p.existing.file.body) });
      continue;
    }
    const segments = ['standards', p.edition, `${slugifyCode(p.code)}.md`];
    const path = `${root}${segments.join('/')}`;
    if (byPath.has(path) || added.some((a) => a.path === path)) {
      errors.push(
        `rows ${p.rows.join(', ')}: code ${p.code} would be written to ${path}, which holds another code; rename one`,
      );
      continue;
    }
    const data = { ...p.data, mappings: p.data.mappings.map(stripEmpty) };
    if (data.mappings.length === 0) delete (data as { mappings?: unknown }).mappings;
    const after = assembleFile(houseStyleYaml(data), `${p.summary ?? ''}\n`);
    files.push({ file: path, before: null, after });
    added.push({ path, segments, bytes: new TextEncoder().encode(after) });
  }
  if (errors.length || files.length === 0) return { files, errors };
  // Check the content as it would be: anything new that the check reports stops the write.
  const replaced = new Map(files.map((f) => [f.file, f.after]));
  const next = [
    ...sources.map((s) =>
      replaced.has(s.path) ? { ...s, bytes: new TextEncoder().encode(replaced.get(s.path)!) } : s,
    ),
    ...added,
  ];
  const seen = new Set(checkSources(sources, options).diagnostics.map((d) => `${d.file}|${d.message}`));
  for (const d of checkSources(next, options).diagnostics)
    if (d.severity === 'error' && !seen.has(`${d.file}|${d.message}`))
      errors.push(`${d.file}:${d.line}: ${d.path ? `${d.path}: ` : ''}${d.message}${d.fix ? ` (${d.fix})` : ''}`);
  return { files, errors };
}

/** A proposed mapping has no reviews yet: the key is left out rather than written empty. */
function stripEmpty<T extends { reviews?: unknown[] }>(m: T): Omit<T, 'reviews'> {
  const { reviews, ...rest } = m;
  return reviews && reviews.length ? m : rest;
}
