/** Every limit a writer enforces has a check rule that refuses the same content first. */
import { describe, expect, it } from 'vitest';
import { exportTables, ExportError } from '../../src/lib/spreadsheet/export.ts';
import { MAX_CELL_CHARS } from '../../src/lib/spreadsheet/cells.ts';
import { slugifyCode } from '../../src/lib/ids.ts';
import { MAX_BODY_CHARS, MAX_TEXT_CHARS, MAX_TITLE_CHARS, WRITER_LIMITS } from '../../src/lib/limits.ts';
import { baseSet, check } from '../helpers.ts';

const CHAR = 'characteristics/psychological-safety.md';
const STD = 'standards/alpha-2020/a-1.md';

/** Words of prose, exactly `length` characters, no leading or trailing space. */
const prose = (length: number) => `${'word '.repeat(Math.ceil(length / 5))}`.slice(0, length - 1) + 'x';

/** Indicators whose exported cell (one item per line) is exactly `length` characters. */
function indicators(length: number): string {
  const items: string[] = [];
  let left = length;
  while (left > 0) {
    const take = Math.min(MAX_TEXT_CHARS, left - (items.length ? 1 : 0));
    items.push(prose(take));
    left -= take + (items.length > 1 ? 1 : 0);
  }
  expect(items.join('\n')).toHaveLength(length);
  return `indicators:\n${items.map((s) => `  - "${s}"`).join('\n')}\n`;
}

const withIndicators = (length: number) => ({
  ...baseSet(),
  [CHAR]: baseSet()[CHAR]!.replace('indicators: [Learners speak up]\n', indicators(length)),
});

/** A standard whose code's file name (`<slug>.md`) has exactly `bytes` bytes. */
function withCodeBytes(bytes: number) {
  const code = '\u3389'.repeat((bytes - 3) / 4); // ㎉ slugs to "kcal"
  const slug = slugifyCode(code);
  expect(new TextEncoder().encode(`${slug}.md`).length).toBe(bytes);
  const set = baseSet();
  const text = set[STD]!.replace('code: A-1', `code: "${code}"`);
  delete set[STD];
  return { ...set, [`standards/alpha-2020/${slug}.md`]: text };
}

const limitErrors = (r: ReturnType<typeof check>) => r.diagnostics.filter((d) => d.rule === 'length-limits');

/** For each writer limit: content at the limit, and one past it. */
const CASES: Record<
  keyof typeof WRITER_LIMITS,
  { at: () => Record<string, string>; past: () => Record<string, string> }
> = {
  cellChars: {
    at: () => withIndicators(WRITER_LIMITS.cellChars),
    past: () => withIndicators(WRITER_LIMITS.cellChars + 1),
  },
  fileNameBytes: {
    at: () => withCodeBytes(WRITER_LIMITS.fileNameBytes),
    past: () => withCodeBytes(WRITER_LIMITS.fileNameBytes + 4),
  },
};

describe('writer limits', () => {
  it('the spreadsheet writer uses the same cell limit', () => {
    expect(MAX_CELL_CHARS).toBe(WRITER_LIMITS.cellChars);
  });

  it('every writer limit has a case here', () => {
    expect(Object.keys(CASES).sort()).toEqual(Object.keys(WRITER_LIMITS).sort());
  });

  for (const [limit, c] of Object.entries(CASES)) {
    it(`${limit}: the check passes content at the limit and refuses content past it`, () => {
      expect(limitErrors(check(c.at()))).toEqual([]);
      const past = limitErrors(check(c.past()));
      expect(past).toHaveLength(1);
      expect(past[0]!.severity).toBe('error');
    });
  }

  it('cellChars: the export writes the cell at the limit and refuses the one past it, as the check does', () => {
    const at = check(withIndicators(WRITER_LIMITS.cellChars));
    expect(at.errors).toBe(0);
    expect(() => exportTables(at.content)).not.toThrow();
    const past = check(withIndicators(WRITER_LIMITS.cellChars + 1));
    expect(() => exportTables(past.content)).toThrow(ExportError);
    expect(past.text.filter((t) => t.includes('length-limits'))).toMatchInlineSnapshot(`
      [
        "content/characteristics/psychological-safety.md:7:3  error  indicators: too long for the spreadsheet export: the Characteristics sheet's \`indicators\` cell would hold 32,768 characters  [length-limits]
          found:    32,768 characters
          expected: at most 32,767 characters in one cell (Excel's limit)
          fix:      shorten the text or the list; link to long documents instead of copying them",
      ]
    `);
  });
});

describe('field limits', () => {
  it('a title over the limit is refused by the schema with a located message', () => {
    const r = check({
      ...baseSet(),
      [STD]: baseSet()[STD]!.replace('title: Safe Climate', `title: ${prose(MAX_TITLE_CHARS + 1)}`),
    });
    expect(r.diagnostics.map((d) => `${d.rule} ${d.path} | ${d.message} | ${d.found} | ${d.expected}`)).toEqual([
      `schema title | text is too long | 401 characters | at most 400 characters (the title exactly as the body gives it; omit when the body gives none)`,
    ]);
  });

  it('a Markdown body over the limit is refused', () => {
    const r = check({ ...baseSet(), [CHAR]: `${baseSet()[CHAR]!}${prose(MAX_BODY_CHARS)}\n` });
    expect(limitErrors(r).map((d) => `${d.line} ${d.message} | ${d.found}`)).toEqual([
      '16 Markdown body is too long | 20,007 characters',
    ]);
  });
});
