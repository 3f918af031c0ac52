import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { citeMapping, citeStandard, CitationError, parseCitationCff } from '../../src/lib/citation.ts';
import { loadFixtures } from '../helpers.ts';

const meta = parseCitationCff(readFileSync('CITATION.cff', 'utf8'));

function inputFor(standardId: string) {
  const { index } = loadFixtures();
  const standard = index.standards.get(standardId)!;
  const edition = index.editions.get(standard.edition)!;
  const accreditor = index.accreditors.get(edition.accreditor)!;
  return { index, standard, edition, accreditor };
}

describe('CITATION.cff', () => {
  it('gives the title, authors and licence to cite', () => {
    expect(meta).toMatchObject({
      title: 'IP-CLE Crosswalk',
      authors: ['IP-CLE Crosswalk contributors'],
      license: 'CC-BY-4.0',
    });
    expect(meta.version).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('names what is missing', () => {
    expect(() => parseCitationCff('cff-version: 1.2.0\n')).toThrow(CitationError);
    expect(() => parseCitationCff('title: X\nlicense: MIT\n')).toThrow('`authors` is missing');
    expect(() => parseCitationCff('title: X\nauthors: [{affiliation: Y}]\nlicense: MIT\n')).toThrow(
      'authors[0] has no `name` or `family-names`',
    );
    expect(() => parseCitationCff('title: X\nauthors: [{name: Y}]\n')).toThrow('`license` is missing');
    expect(
      parseCitationCff(
        'title: X\nauthors:\n  - family-names: Doe\n    given-names: Jane\n  - name: Team\nlicense: MIT\n',
      ).authors,
    ).toEqual(['Doe, Jane', 'Team']);
  });
});

describe('cite this', () => {
  it('cites a standard page with the data version, licence, URL and the body’s own document', () => {
    const { standard, edition, accreditor } = inputFor('beta-2024/b-1-1');
    const c = citeStandard(meta, {
      standard,
      edition,
      accreditor,
      dataVersion: '2026-11-25+abc1234',
      url: 'https://example.org/crosswalk/standards/beta-2024/b-1-1/',
      accessed: '2026-11-26',
    });
    expect(c.text).toBe(
      'IP-CLE Crosswalk contributors (2026). BPB B.1.1 Interprofessional Education, Beta Accreditation Standards (2024): ' +
        'summary and mappings to IP-CLE characteristics. In IP-CLE Crosswalk (data version 2026-11-25+abc1234). ' +
        'CC BY 4.0. https://example.org/crosswalk/standards/beta-2024/b-1-1/ (accessed 2026-11-26).',
    );
    expect(c.source).toBe('BPB, Beta Accreditation Standards (2024), B.1.1: https://example.org/beta-board/2024#b-1-1');
    expect(c.bibtex).toContain('@misc{ipcle-beta-2024-b-1-1,');
    expect(c.bibtex).toContain('  author = {{IP-CLE Crosswalk contributors}},');
    expect(c.bibtex).toContain('  url = {https://example.org/crosswalk/standards/beta-2024/b-1-1/},');
  });

  it('cites a mapping with its strength and review status', () => {
    const { index, standard, edition, accreditor } = inputFor('beta-2024/b-2');
    const mapping = standard.mappings.find((m) => m.characteristic === 'teams-and-teamwork')!;
    const characteristic = index.characteristics.get('teams-and-teamwork')!;
    const c = citeMapping(meta, {
      standard,
      edition,
      accreditor,
      characteristic,
      mapping,
      dataVersion: 'fixture',
      url: 'https://example.org/s/#teams-and-teamwork',
    });
    expect(c.text).toContain(
      'Mapping of BPB B-2 Team Practice (2024) to “Teams and teamwork” (implicit; disputed by a reviewer). In IP-CLE Crosswalk (data version fixture).',
    );
    // No date in the version: the release date's year is used; no "accessed" without a date.
    expect(c.text).toMatch(/^IP-CLE Crosswalk contributors \(\d{4}\)\. /);
    expect(c.text.endsWith('https://example.org/s/#teams-and-teamwork.')).toBe(true);
    expect(c.bibtex).toContain('@misc{ipcle-beta-2024-b-2-teams-and-teamwork,');
  });

  it('escapes BibTeX special characters and handles a standard without a title', () => {
    const { standard, edition, accreditor } = inputFor('gamma-2025/g-3');
    const c = citeStandard(
      { ...meta, authors: ['Doe, Jane', 'R&D {Team}'] },
      { standard, edition, accreditor, dataVersion: '100%_v1', url: 'https://example.org/x' },
    );
    expect(c.text).toContain('Doe, Jane & R&D {Team} (');
    expect(c.text).toContain('GPC G 3, Gamma Practice Manual (2025)');
    expect(c.bibtex).toContain('author = {{Doe, Jane} and {R\\&D \\{Team\\}}}');
    expect(c.bibtex).toContain('data version 100\\%\\_v1');
    expect(c.source).toBe('GPC, Gamma Practice Manual (2025), G 3: https://example.org/gamma-commission/2025');
  });
});
