/**
 * The rows the files hold now, per sheet: what the export writes and what the import compares a
 * sheet against. One function for both, so "unchanged" means the same thing on the way out and in.
 */
import type { Content, StandardEntry } from '../content.ts';
import type { ParsedFile } from '../frontmatter.ts';
import { rowHash } from './cells.ts';
import type { Column, SheetSpec } from './columns.ts';

export interface FileRow {
  /** Identity: the entity ID, or `<standard-id>#<characteristic>` for a mapping. */
  key: string;
  /** One value per column (undefined for the key and hash columns), from the raw frontmatter. */
  values: unknown[];
  hash: string;
  file: ParsedFile;
  /** For mappings: the standard and the index of the mapping in its `mappings` list. */
  standard?: StandardEntry;
  mappingIndex?: number;
}

export function getPath(data: unknown, path: readonly string[]): unknown {
  let v = data;
  for (const seg of path) {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return undefined;
    v = (v as Record<string, unknown>)[seg];
  }
  return v;
}

export const mappingKey = (standardId: string, characteristic: unknown) => `${standardId}#${String(characteristic)}`;

function valueOf(
  col: Column,
  id: string,
  file: ParsedFile,
  entry: Record<string, unknown>,
  standard?: StandardEntry,
): unknown {
  switch (col.role) {
    case 'id':
      return id;
    case 'field': {
      const v = getPath(entry, col.path);
      // Entries on another sheet: no rows there and an empty list are the same (`reviews: []`).
      return col.onSheet !== undefined && Array.isArray(v) && v.length === 0 ? undefined : v;
    }
    case 'body':
      return file.body.trimEnd() === '' ? undefined : file.body.trimEnd();
    case 'context':
      return col.path[0] === '@edition' ? standard?.edition : getPath(standard?.file.data, col.path);
    case 'key':
    case 'hash':
      return undefined;
    default:
      return col.role satisfies never;
  }
}

/** Values that the hash covers: every column but the bookkeeping ones. */
export function hashOf(spec: SheetSpec, values: readonly unknown[]): string {
  return rowHash(spec.columns.flatMap((c, i) => (c.role === 'key' || c.role === 'hash' ? [] : [values[i]])));
}

/** The rows of one sheet as the content files hold them now, in export order. */
export function fileRows(spec: SheetSpec, content: Content): FileRow[] {
  const rows: FileRow[] = [];
  const push = (r: Omit<FileRow, 'hash'>) => rows.push({ ...r, hash: hashOf(spec, r.values) });
  switch (spec.row) {
    case 'mapping':
      for (const s of content.standards) {
        const list = s.file.data.mappings;
        if (!Array.isArray(list)) continue;
        list.forEach((m: unknown, i) => {
          const entry = (m ?? {}) as Record<string, unknown>;
          push({
            key: mappingKey(s.id, entry.characteristic),
            values: spec.columns.map((c) => valueOf(c, s.id, s.file, entry, s)),
            file: s.file,
            standard: s,
            mappingIndex: i,
          });
        });
      }
      break;
    case 'review':
      for (const s of content.standards) {
        const list = s.file.data.mappings;
        if (!Array.isArray(list)) continue;
        list.forEach((m: unknown) => {
          const entry = (m ?? {}) as Record<string, unknown>;
          const reviews = Array.isArray(entry.reviews) ? entry.reviews : [];
          reviews.forEach((rev: unknown, j) => {
            const values = spec.columns.map((c) =>
              c.header === 'standard'
                ? s.id
                : c.path[0] === 'characteristic'
                  ? entry.characteristic
                  : getPath(rev, c.path),
            );
            push({ key: `${mappingKey(s.id, entry.characteristic)}#${j}`, values, file: s.file, standard: s });
          });
        });
      }
      break;
    case 'standard':
      for (const s of content.standards)
        push({ key: s.id, values: spec.columns.map((c) => valueOf(c, s.id, s.file, s.file.data, s)), file: s.file });
      break;
    case 'characteristic':
    case 'accreditor':
    case 'edition':
    case 'initiative': {
      const list =
        spec.row === 'characteristic'
          ? content.characteristics
          : spec.row === 'accreditor'
            ? content.accreditors
            : spec.row === 'edition'
              ? content.editions
              : content.initiatives;
      for (const e of list)
        push({ key: e.id, values: spec.columns.map((c) => valueOf(c, e.id, e.file, e.file.data)), file: e.file });
      break;
    }
    default:
      spec.row satisfies never;
  }
  return rows;
}
