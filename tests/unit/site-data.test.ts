import { describe, expect, it } from 'vitest';
import type { StandardData } from '../../src/lib/crosswalk.ts';
import { getSite } from '../../src/site/data.ts';
import { joinBase, siteUrls } from '../../src/site/urls.ts';

process.env.CROSSWALK_CONTENT = 'tests/fixtures/content';
process.env.CROSSWALK_TODAY = '2026-11-25';
process.env.CROSSWALK_DATA_VERSION = 'fixture';

describe('site data', () => {
  const site = getSite();
  it('figures are computed from the content', () => {
    expect(site.figures).toEqual({
      bodies: 3,
      editions: 4,
      standards: 6,
      mappings: 7,
      verified: 3,
      secondary: 2,
      reviewedMappings: 1,
      cells: 12,
      reviewedCells: 9,
    });
  });
  it('related standards: other professions, edition in force, explicit or partial only', () => {
    const probe: StandardData = {
      id: 'gamma-2025/probe',
      edition: 'gamma-2025',
      code: 'P',
      continues: [],
      bindingness: 'required',
      verification: 'verified',
      mappings: [
        {
          characteristic: 'interprofessional-learning-experiences',
          strength: 'partial',
          rationale: 'x',
          review: 'proposed',
          agreedBy: [],
        },
        { characteristic: 'teams-and-teamwork', strength: 'partial', rationale: 'x', review: 'proposed', agreedBy: [] },
      ],
    };
    const related = site.related(probe);
    expect([...related.keys()]).toEqual(['interprofessional-learning-experiences']);
    expect(related.get('interprofessional-learning-experiences')!.map((s) => s.id)).toEqual([
      'beta-2024/b-1-1',
      'beta-2024/b-2',
    ]);
    // a body of the same profession is not "another profession"; alpha's 2027 edition is not in force yet
    const alpha = { ...probe, edition: 'alpha-2020' };
    expect(
      site
        .related(alpha)
        .get('interprofessional-learning-experiences')!
        .map((s) => s.id),
    ).toEqual(['beta-2024/b-1-1', 'beta-2024/b-2']);
  });
  it('Markdown bodies render to HTML and raw HTML would be escaped', () => {
    expect(site.html('standard', 'beta-2024/b-1-1')).toBe('<p>Fixture summary of B.1.1.</p>\n');
  });
  it('editions of a body, newest first, with the one in force', () => {
    const e = site.editionsOf('alpha-council');
    expect(e.all.map((x) => x.id)).toEqual(['alpha-2027', 'alpha-2020']);
    expect(e.current?.id).toBe('alpha-2020');
  });
  it('joinBase honours any base path', () => {
    expect(joinBase('/', 'matrix/')).toBe('/matrix/');
    expect(joinBase('/ipcle', 'matrix/')).toBe('/ipcle/matrix/');
    expect(joinBase('/ipcle/', '/matrix/')).toBe('/ipcle/matrix/');
  });
  it('siteUrls: one set per base, each link under its own base', () => {
    expect(siteUrls('/ipcle')).toBe(siteUrls('/ipcle'));
    expect(siteUrls('/ipcle').standard('a-2020/b-1')).toBe('/ipcle/standards/a-2020/b-1/');
    expect(siteUrls('/').standard('a-2020/b-1')).toBe('/standards/a-2020/b-1/');
    expect(siteUrls('/x/').to('/favicon.svg')).toBe('/x/favicon.svg');
  });
});
