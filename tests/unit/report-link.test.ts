/** The report builder's link is bounded before parsing, with a message saying what is too long (issue 12, item 9). */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MAX_INSTITUTION_CHARS } from '../../src/lib/report/build.ts';
import { readReportLink, REPORT_LINK_LIMITS, ReportLinkError } from '../../src/lib/report/link.ts';
import { PRESETS, presetParams } from '../../src/lib/report/presets.ts';
import { paramsToInput, SelectionError, selectionToParams } from '../../src/lib/selection.ts';

const ids = (dir: string) => readdirSync(`content/${dir}`).flatMap((f) => (f.endsWith('.md') ? [f.slice(0, -3)] : []));
const refused = (search: string) => {
  try {
    readReportLink(search);
  } catch (e) {
    expect(e).toBeInstanceOf(ReportLinkError);
    expect(e).toBeInstanceOf(SelectionError);
    return (e as Error).message;
  }
  throw new Error(`not refused: ${search.slice(0, 80)}`);
};

describe('readReportLink', () => {
  it('accepts the longest honest link: every body and characteristic of the crosswalk, a full institution and a preset', () => {
    const p = selectionToParams({
      accreditors: ids('accreditors'),
      professions: [],
      kinds: [],
      countries: [],
      characteristics: ids('characteristics'),
      on: '2026-11-25',
    });
    p.set('institution', 'Ü'.repeat(MAX_INSTITUTION_CHARS)); // percent-encoded: 6 characters each
    p.set('paper', 'letter');
    p.set('preset', PRESETS[0]!.name);
    const search = `?${p}`;
    expect(search.length).toBeLessThan(REPORT_LINK_LIMITS.chars / 2);
    expect(paramsToInput(readReportLink(search)).accreditors).toEqual(ids('accreditors'));
    for (const preset of PRESETS) expect(readReportLink(`?${presetParams(preset)}`).get('preset')).toBe(preset.name);
    expect([...readReportLink('')]).toEqual([]);
  });

  it('refuses a 1.5 MB link by its length, at once, without echoing it', () => {
    const search = `?body=${'a'.repeat(1_500_000)}`;
    const message = refused(search);
    expect(message).toBe(
      'This report link is 1,500,005 characters long; a report link holds at most 16,000. The link may have been cut, pasted twice or altered. Choose the bodies again from the list above and press Show report.',
    );
  });

  it('refuses a list parameter repeated more often than any selection needs', () => {
    const search = `?${Array.from({ length: 501 }, (_, i) => `kind=k${i}`).join('&')}`;
    expect(search.length).toBeLessThan(REPORT_LINK_LIMITS.chars);
    expect(refused(search)).toMatch(/^This report link names "kind" 501 times; at most 500\. /);
    expect(() => readReportLink(`?${Array.from({ length: 500 }, () => 'body=x').join('&')}`)).not.toThrow();
  });

  it('refuses a value longer than 1,000 characters, naming the parameter and quoting its start (decoded)', () => {
    expect(refused(`?body=ok&institution=${'%41'.repeat(1_001)}`)).toMatch(
      /^The "institution" in this report link is 1,001 characters long \("A{30}…"\); at most 1,000\. /,
    );
    expect(refused(`?${'x'.repeat(1_001)}=1`)).toMatch(
      /^A parameter name in this report link is 1,001 characters long \("x{30}…"\); at most 1,000\. /,
    );
    expect(() => readReportLink(`?institution=${'A'.repeat(1_000)}`)).not.toThrow();
  });

  it('refuses a single parameter given twice: the link would not say which report it asks for', () => {
    expect(refused('?on=2026-01-01&on=2027-01-01')).toMatch(/^This report link gives "on" 2 times; give it once\. /);
    expect(refused('?paper=a4&paper=letter')).toMatch(/"paper" 2 times/);
  });

  it('leaves unknown parameters to the page (a tracking tag does not break a shared link)', () => {
    expect(readReportLink('?body=alpha&utm_source=mail&utm_source=x').getAll('body')).toEqual(['alpha']);
  });
});
