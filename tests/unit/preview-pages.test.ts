import { describe, expect, it } from 'vitest';
import { changedPages } from '../../scripts/preview-pages.ts';

describe('preview pages of a pull request', () => {
  it('lists each changed entity page once, then the matrix; IDs that are not IDs are left out', () => {
    expect(
      changedPages({
        entities: [
          { kind: 'standard', id: 'alpha-2020/a-1' },
          { kind: 'standard', id: 'alpha-2020/a-1' },
          { kind: 'characteristic', id: 'psychological-safety' },
          { kind: 'edition', id: '../../etc' },
          { kind: 'accreditor', id: 'x](https://evil.example)' },
          { kind: 'unknown', id: 'z' },
        ],
      }),
    ).toEqual(['standards/alpha-2020/a-1/', 'characteristics/psychological-safety/', 'matrix/']);
    expect(changedPages({})).toEqual([]);
  });
});
