/** Renderers ask for names and codes per row (one call per dissent, per gap): the lookups are built once per report. */
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/lib/report/build.ts';
import { lookups } from '../../src/lib/report/committee.ts';
import { loadFixtures, TODAY } from '../helpers.ts';

const { index } = loadFixtures();
const all = { accreditors: [], professions: [], kinds: [], countries: [], characteristics: [], on: TODAY };

describe('report lookups', () => {
  it('are built once per report, and each report gets its own', () => {
    const report = buildReport(index, all, TODAY);
    const l = lookups(report);
    expect(lookups(report)).toBe(l);
    const gamma = buildReport(index, { ...all, accreditors: ['gamma-commission'] }, TODAY);
    expect(lookups(gamma)).not.toBe(l);
    const b = report.bodies[0]!;
    expect(l.body(b.id)).toBe(b.label);
    expect(l.body('no-such-body')).toBe('no-such-body');
    const cell = report.characteristics.flatMap((c) => c.cells).find((c) => c.standards.length)!;
    expect(l.code(cell.standards[0]!.id)).toBe(cell.standards[0]!.code);
  });
});
