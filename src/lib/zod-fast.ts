/**
 * A fast path for zod validation of valid content, compiled from the same zod schemas (no second
 * description of the content model). zod explains failures; on files that pass it spends most of its
 * time building issue payloads it then throws away: the check's largest cost after reading and parsing
 * (about 250 ms of CPU for 10,000 standards, bench/README.md).
 *
 * `compileFastParse(schema)` returns a function that gives exactly what `schema.safeParse(v).data` gives
 * when `v` is valid (the same values, keys in the same order, defaults filled, `.trim()` applied), and
 * {@link NOT_FAST} otherwise. NOT_FAST means "ask zod": for invalid input, and for any input whose schema
 * uses a construct this file does not know, so a schema change can slow the check down but never let
 * invalid content through. Leaves whose semantics are zod's own (URL and number formats) are handed to
 * zod one value at a time. Like zod, it builds new objects and lists and never changes its input.
 * tests/unit/zod-fast.test.ts holds it to zod on real and generated content.
 */
import type { z } from 'astro/zod';

/** "This input is not known valid by the fast path": validate with zod. */
export const NOT_FAST: unique symbol = Symbol('not-fast');
export type FastParse<T> = (input: unknown) => T | typeof NOT_FAST;

interface CheckDef {
  check: string;
  format?: string;
  pattern?: RegExp;
  minimum?: number;
  maximum?: number;
  tx?: (v: string) => string;
  fn?: (v: unknown) => unknown;
  when?: unknown;
  abort?: boolean;
}
interface Def {
  type: string;
  checks?: { _zod: { def: CheckDef } }[];
  format?: string;
  shape?: Record<string, z.ZodType>;
  catchall?: z.ZodType;
  element?: z.ZodType;
  entries?: Record<string, string | number>;
  innerType?: z.ZodType;
  readonly defaultValue?: unknown;
}
type Parse = (v: unknown) => unknown;

const defOf = (s: z.ZodType): Def => (s as unknown as { _zod: { def: Def } })._zod.def;

/** zod validates this one value itself (exact by construction; used where zod's semantics are its own). */
function viaZod(schema: z.ZodType): Parse {
  return (v) => {
    const r = schema.safeParse(v);
    return r.success ? r.data : NOT_FAST;
  };
}

/** The checks of a string, in their order; undefined when one is of a kind not handled here. */
function stringChecks(def: Def): ((v: string) => string | typeof NOT_FAST)[] | undefined {
  const out: ((v: string) => string | typeof NOT_FAST)[] = [];
  for (const c of def.checks ?? []) {
    const d = c._zod.def;
    if (d.check === 'overwrite' && d.tx) {
      const tx = d.tx;
      out.push((v) => tx(v));
    } else if (d.check === 'min_length' && typeof d.minimum === 'number') {
      const min = d.minimum;
      out.push((v) => (v.length >= min ? v : NOT_FAST));
    } else if (d.check === 'max_length' && typeof d.maximum === 'number') {
      const max = d.maximum;
      out.push((v) => (v.length <= max ? v : NOT_FAST));
    } else if (
      d.check === 'string_format' &&
      d.format === 'regex' &&
      d.pattern &&
      !d.pattern.global &&
      !d.pattern.sticky
    ) {
      const re = d.pattern;
      out.push((v) => (re.test(v) ? v : NOT_FAST));
    } else if (d.check === 'custom' && d.fn) {
      const fn = d.fn;
      out.push((v) => (fn(v) === true ? v : NOT_FAST));
    } else return undefined;
  }
  return out;
}

function compileString(schema: z.ZodType, def: Def): Parse {
  // A format on the type itself (z.url(), z.email(), …) is zod's to judge.
  if (def.format !== undefined) return viaZod(schema);
  const checks = stringChecks(def);
  if (!checks) return viaZod(schema);
  return (v) => {
    if (typeof v !== 'string') return NOT_FAST;
    let s: string | typeof NOT_FAST = v;
    for (let i = 0; i < checks.length; i++) {
      s = checks[i]!(s);
      if (s === NOT_FAST) return NOT_FAST;
    }
    return s;
  };
}

function compileArray(schema: z.ZodType, def: Def): Parse {
  let min = 0;
  for (const c of def.checks ?? []) {
    const d = c._zod.def;
    if (d.check === 'min_length' && typeof d.minimum === 'number') min = Math.max(min, d.minimum);
    else return viaZod(schema);
  }
  const element = compile(def.element!);
  return (v) => {
    if (!Array.isArray(v) || v.length < min) return NOT_FAST;
    const out = new Array<unknown>(v.length);
    for (let i = 0; i < v.length; i++) {
      const x = element(v[i]);
      if (x === NOT_FAST) return NOT_FAST;
      out[i] = x;
    }
    return out;
  };
}

/** One field of an object: whether it may be absent, and what fills it then. */
interface Field {
  key: string;
  parse: Parse;
  absent: 'fail' | 'omit' | 'default';
  schema: z.ZodType;
}

function compileObject(schema: z.ZodType, def: Def): Parse {
  const strict = def.catchall !== undefined && defOf(def.catchall).type === 'never';
  if (def.catchall !== undefined && !strict) return viaZod(schema);
  const fields: Field[] = [];
  for (const [key, s] of Object.entries(def.shape ?? {})) {
    const d = defOf(s);
    if (d.type === 'optional' && d.innerType && defOf(d.innerType).type !== 'default') {
      fields.push({ key, parse: compile(d.innerType), absent: 'omit', schema: s });
    } else if (d.type === 'default' && d.innerType) {
      fields.push({ key, parse: compile(d.innerType), absent: 'default', schema: s });
    } else if (d.type !== 'optional' && d.type !== 'default') {
      fields.push({ key, parse: compile(s), absent: 'fail', schema: s });
    } else return viaZod(schema);
  }
  const known = new Set(fields.map((f) => f.key));
  return (v) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return NOT_FAST;
    const input = v as Record<string, unknown>;
    if (strict) for (const k in input) if (!known.has(k)) return NOT_FAST;
    // A new object with the schema's keys in the schema's order, as zod's.
    const out: Record<string, unknown> = {};
    for (let i = 0; i < fields.length; i++) {
      const f = fields[i]!;
      const x = input[f.key];
      if (x === undefined) {
        // A key present with the value undefined is not something YAML writes: leave it to zod.
        if (f.key in input || f.absent === 'fail') return NOT_FAST;
        if (f.absent === 'default') out[f.key] = defOf(f.schema).defaultValue;
        continue;
      }
      const y = f.parse(x);
      if (y === NOT_FAST) return NOT_FAST;
      out[f.key] = y;
    }
    return out;
  };
}

function compile(schema: z.ZodType): Parse {
  const def = defOf(schema);
  switch (def.type) {
    case 'string':
      return compileString(schema, def);
    case 'enum': {
      const values = new Set(Object.values(def.entries ?? {}));
      return (v) => (values.has(v as string) ? v : NOT_FAST);
    }
    case 'array':
      return compileArray(schema, def);
    case 'object':
      return compileObject(schema, def);
    default:
      // numbers, unions, pipes, …: zod's own semantics, one value at a time
      return viaZod(schema);
  }
}

/** See the file comment. Compile once per schema and reuse the function. */
export function compileFastParse<S extends z.ZodType>(schema: S): FastParse<z.output<S>> {
  return compile(schema) as FastParse<z.output<S>>;
}
