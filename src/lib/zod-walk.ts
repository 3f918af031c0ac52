/**
 * Walking zod schemas by data path: unwrap optional/default wrappers, find the sub-schema at a path,
 * list an object's fields. Shared by the message helper, the field reference and the spreadsheet columns.
 */
import type { z } from 'astro/zod';

export interface ZodDef {
  type: string;
  innerType?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  entries?: Record<string, string>;
}

export const zodDef = (s: z.ZodType): ZodDef => (s as unknown as { def: ZodDef }).def;

const WRAPPERS = ['optional', 'default', 'nullable', 'prefault', 'readonly'];

/** Strip optional/default/nullable wrappers; `optional` says whether any was there. */
export function unwrap(s: z.ZodType): { schema: z.ZodType; optional: boolean } {
  let cur = s;
  let optional = false;
  while (WRAPPERS.includes(zodDef(cur).type) && zodDef(cur).innerType) {
    optional = true;
    cur = zodDef(cur).innerType!;
  }
  return { schema: cur, optional };
}

/** The sub-schema at a data path, following objects and arrays. */
export function schemaAt(schema: z.ZodType, path: readonly (string | number)[]): z.ZodType | undefined {
  let s: z.ZodType | undefined = schema;
  for (const seg of path) {
    if (!s) return undefined;
    const d = zodDef(unwrap(s).schema);
    if (d.type === 'object' && typeof seg === 'string') s = d.shape?.[seg];
    else if (d.type === 'array') s = d.element;
    else return undefined;
  }
  return s;
}

export function fieldsOf(schema: z.ZodType | undefined): string[] {
  if (!schema) return [];
  const d = zodDef(unwrap(schema).schema);
  return d.type === 'object' ? Object.keys(d.shape ?? {}) : [];
}
