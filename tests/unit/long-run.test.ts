/** The long-word scan skips through ordinary text; it must find exactly the run a character-by-character read finds. */
import { describe, expect, it } from 'vitest';
import { longRun } from '../../src/lib/check/rules/long-words.ts';
import { MAX_WORD_CHARS } from '../../src/lib/limits.ts';

/** Every character read in turn: the definition the scan must match. */
function reference(s: string): { start: number; length: number } | undefined {
  let start = 0;
  for (let i = 0; i <= s.length; i++) {
    const c = i < s.length ? s.charCodeAt(i) : 32;
    if (c > 32 && c !== 0xa0) continue;
    if (i - start > MAX_WORD_CHARS) {
      const word = s.slice(start, i).replace(/^[([{<"'“‘]+|[)\]}>"'”’.,;:!?]+$/g, '');
      if (word.length > MAX_WORD_CHARS) return { start, length: word.length };
    }
    start = i + 1;
  }
  return undefined;
}

/** A small deterministic generator, so a failure can be replayed. */
function rng(seed: number): () => number {
  return () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
}

describe('long-word scan', () => {
  it('finds the same first long run as reading every character, on 3,000 generated texts', () => {
    const r = rng(7);
    const seps = [' ', '\n', '\t', '\u00a0'];
    const pieces = ['a', 'word', '(', ')', '.', '"', 'https://example.org/path', 'x'.repeat(50)];
    for (let n = 0; n < 3000; n++) {
      let s = '';
      const parts = Math.floor(r() * 40);
      for (let k = 0; k < parts; k++) {
        const len = r() < 0.15 ? MAX_WORD_CHARS - 3 + Math.floor(r() * 8) : Math.floor(r() * 12);
        let w = '';
        while (w.length < len) w += pieces[Math.floor(r() * pieces.length)];
        s += w.slice(0, Math.max(len, 1)) + seps[Math.floor(r() * seps.length)]!.repeat(1 + Math.floor(r() * 2));
      }
      expect(longRun(s), JSON.stringify(s.slice(0, 80))).toEqual(reference(s));
    }
  });
  it('reports a run at the very start, at the very end, and one only punctuation makes too long as none', () => {
    const long = 'y'.repeat(MAX_WORD_CHARS + 1);
    expect(longRun(long)).toEqual({ start: 0, length: MAX_WORD_CHARS + 1 });
    expect(longRun(`a b ${long}`)).toEqual({ start: 4, length: MAX_WORD_CHARS + 1 });
    expect(longRun(`(${'z'.repeat(MAX_WORD_CHARS)}).`)).toBeUndefined();
    expect(longRun(`(${'z'.repeat(MAX_WORD_CHARS)}). ${long}`)).toEqual({
      start: MAX_WORD_CHARS + 4,
      length: MAX_WORD_CHARS + 1,
    });
  });
});
