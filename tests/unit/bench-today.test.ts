/** The bench dates every build and phase of a run alike, so a run across midnight measures no cache miss. */
import { describe, expect, it } from 'vitest';
import { pinToday } from '../../bench/util.ts';

describe('bench: the date of a run', () => {
  it('is fixed at the start for everything the run starts, in its environment', () => {
    const env: NodeJS.ProcessEnv = {};
    expect(pinToday(env, new Date('2026-12-06T23:59:30Z'))).toBe('2026-12-06');
    expect(env.CROSSWALK_TODAY).toBe('2026-12-06');
    // Asked again after midnight (as each later build reads it), it is still the run's date.
    expect(pinToday(env, new Date('2026-12-07T00:00:30Z'))).toBe('2026-12-06');
  });

  it('keeps a date given by whoever runs the bench', () => {
    const env: NodeJS.ProcessEnv = { CROSSWALK_TODAY: '2026-01-15' };
    expect(pinToday(env, new Date('2026-12-06T12:00:00Z'))).toBe('2026-01-15');
  });
});
