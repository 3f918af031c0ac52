import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkDir } from '../../src/lib/check/index.ts';
import { readContentDir } from '../../src/lib/node/content-dir.ts';
import { formatHuman } from '../../src/lib/diagnostics.ts';
import { expandQuery, parseGlossary, synonymGroups } from '../../src/lib/glossary.ts';
import { standardSearchTitle } from '../../src/site/search-meta.ts';

const real = parseGlossary('content/glossary.yaml', readFileSync('content/glossary.yaml', 'utf8'));
const groups = synonymGroups(real.entries);

describe('content/glossary.yaml', () => {
  it('is valid, and names the synonyms of issue 17', () => {
    expect(real.diagnostics.map(formatHuman)).toEqual([]);
    expect(groups).toEqual(
      expect.arrayContaining([
        ['interprofessional education', 'ipe', 'inter-professional education'],
        ['teamwork', 'teaming'],
        ['interprofessional collaborative practice', 'ipcp', 'inter-professional collaborative practice'],
      ]),
    );
  });
  it('is not read as a content entity (no "not a Markdown file" finding)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'glossary-'));
    mkdirSync(join(dir, 'characteristics'));
    writeFileSync(join(dir, 'glossary.yaml'), '[]\n');
    writeFileSync(join(dir, 'characteristics', 'x.md'), '---\n---\n');
    expect(readContentDir(dir, dir).map((f) => f.path)).toEqual(['characteristics/x.md']);
  });
});

describe('search query expansion', () => {
  it('makes an abbreviation, its term and other spellings find each other', () => {
    expect(expandQuery('IPE', groups)).toEqual(['ipe', 'interprofessional education', 'inter-professional education']);
    expect(expandQuery('Inter-professional  education', groups)).toEqual([
      'inter-professional education',
      'interprofessional education',
      'ipe',
    ]);
    expect(expandQuery('teaming', groups)).toEqual(['teaming', 'teamwork']);
    expect(expandQuery('IPCP', groups)).toContain('interprofessional collaborative practice');
  });
  it('swaps a phrase inside a longer query, whole words only, longest phrase first', () => {
    expect(expandQuery('IPE simulation', groups)).toContain('interprofessional education simulation');
    expect(expandQuery('recipe', groups)).toEqual(['recipe']);
    // "interprofessional education" is one phrase, not "interprofessional" + "education"
    expect(expandQuery('interprofessional education', groups)).toEqual([
      'interprofessional education',
      'ipe',
      'inter-professional education',
    ]);
  });
  it('stays small', () => {
    expect(expandQuery('IPE IPCP teamwork interprofessional', groups, 5)).toHaveLength(5);
    expect(expandQuery('', groups)).toEqual(['']);
  });
});

describe('glossary errors say where and how to fix', () => {
  it('npm run check reports them with the content (checkDir reads the glossary)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'glossary-check-'));
    writeFileSync(join(dir, 'glossary.yaml'), '- term: IPE\n  definition: One.\n- term: IPE\n  definition: Two.\n');
    const r = checkDir(dir, { today: '2026-12-04' });
    expect(r.errors).toBe(1);
    expect(r.diagnostics[0]).toMatchObject({ rule: 'glossary', line: 3 });
    expect(r.diagnostics[0]!.file).toMatch(/glossary\.yaml$/);
  });

  it('a phrase in two entries', () => {
    const { diagnostics } = parseGlossary(
      'content/glossary.yaml',
      '- term: Teamwork\n  synonyms: [teaming]\n  definition: One.\n- term: Teaming\n  definition: Two.\n',
    );
    expect(diagnostics.map(formatHuman)).toEqual([
      [
        'content/glossary.yaml:4:1  error  [1]: "teaming" is already listed under "Teamwork"  [glossary]',
        '    found:    "teaming" in entries 1 and 2',
        '    expected: each word or spelling in one entry only, so search knows what it stands for',
        '    fix:      keep "teaming" in one entry, or merge the two entries',
      ].join('\n'),
    ]);
  });
  it('a missing definition and an unknown field', () => {
    const { entries, diagnostics } = parseGlossary('g.yaml', '- term: IPE\n  synonym: [x]\n');
    expect(entries).toEqual([]);
    expect(diagnostics.map((d) => `${d.line} ${d.path} ${d.message}`)).toEqual([
      expect.stringMatching(/^1 \[0\]\.definition /),
      expect.stringMatching(/^1 \[0\] Unrecognized key: "synonym"/),
    ]);
  });
  it('a YAML syntax error gives its line', () => {
    const { diagnostics } = parseGlossary('g.yaml', '- term: A\n  definition: B\n\t- term: C\n');
    expect(diagnostics[0]!.message).toMatch(/^YAML syntax error/);
    expect(diagnostics[0]!.line).toBe(3);
  });
});

describe('search result titles', () => {
  it('read "BODY code: title", and never repeat a code that is its title', () => {
    expect(standardSearchTitle('BPB', { code: 'B.1.1', title: 'Interprofessional Education' })).toBe(
      'BPB B.1.1: Interprofessional Education',
    );
    expect(standardSearchTitle('IPEC', { code: 'Teams and Teamwork', title: 'Teams and Teamwork' })).toBe(
      'IPEC Teams and Teamwork',
    );
    expect(standardSearchTitle('GPC', { code: 'G 3' })).toBe('GPC G 3');
  });
});
