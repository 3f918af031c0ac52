import { describe, expect, it } from 'vitest';
import { applyExceptions } from '../../src/lib/check/exceptions.ts';
import { checkSources } from '../../src/lib/check/index.ts';
import { baseSet, source, TODAY } from '../helpers.ts';

const undated = baseSet();
undated['editions/alpha-2020.md'] = undated['editions/alpha-2020.md']!.replace('effectiveFrom: "2020-07-01"\n', '');
const sources = Object.entries(undated).map(([p, t]) => source(p, t));
const run = (text: string) =>
  checkSources(sources, {
    today: TODAY,
    exceptions: { path: 'content/exceptions.yaml', text, contentPrefix: 'content/' },
  });

describe('exceptions are data with a reason', () => {
  it('an exception sets aside the finding it names and the summary says so', () => {
    expect(checkSources(sources, { today: TODAY }).warnings).toBe(1);
    const r = run('- rule: editions\n  file: editions/alpha-2020.md\n  reason: No source gives the date.\n');
    expect(r.diagnostics).toEqual([]);
    expect(r.summary).toMatch(/0 errors, 0 warnings \(1 accepted in exceptions\.yaml\)$/);
  });
  it('an exception that matches nothing is an error naming its line', () => {
    const r = run(
      '- rule: editions\n  file: editions/alpha-2020.md\n  reason: ok\n- rule: references\n  file: standards/alpha-2020/a-1.md\n  reason: stale\n',
    );
    expect(r.errors).toBe(1);
    expect(r.diagnostics[0]).toMatchObject({
      rule: 'exceptions',
      file: 'content/exceptions.yaml',
      line: 4,
      fix: 'delete this exception (the finding it excused is gone)',
    });
  });
  it('an exception without a reason is refused', () => {
    const r = run('- rule: editions\n  file: editions/alpha-2020.md\n');
    expect(r.diagnostics.map((d) => d.rule)).toEqual(['editions', 'exceptions']);
    expect(r.diagnostics[1]!.message).toMatch(/^invalid exception/);
  });
  it('path narrows an exception to one field', () => {
    const d = {
      rule: 'x',
      severity: 'warning' as const,
      file: 'content/a.md',
      line: 1,
      column: 1,
      path: 'title',
      message: 'm',
    };
    const src = {
      path: 'e.yaml',
      contentPrefix: 'content/',
      text: '- rule: x\n  file: a.md\n  path: code\n  reason: r\n',
    };
    const r = applyExceptions([d], src);
    expect(r.kept.map((k) => k.rule)).toEqual(['x', 'exceptions']);
  });
});
