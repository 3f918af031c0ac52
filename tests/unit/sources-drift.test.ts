/** Official sources, older-edition wording, editorial prose, the drift worklist and lineage. */
import { describe, expect, it } from 'vitest';
import { mirrorHost } from '../../src/lib/check/rules/sources.ts';
import { BINDING_WEIGHT, STATUS_MEANING, STATUSES, STRENGTH_WEIGHT } from '../../src/lib/coverage.ts';
import { indexCrosswalk } from '../../src/lib/crosswalk.ts';
import { driftForAccreditor, driftMarkdown, driftWorklist, lineageOf } from '../../src/lib/drift.ts';
import { HOW_TO_READ, SUPPORT_LINE } from '../../src/lib/method.ts';
import { LOG_WORD, RESEARCH_LOG, splitProse } from '../../src/lib/prose.ts';
import { baseSet, check, loadFixtures } from '../helpers.ts';

const STD = 'standards/alpha-2020/a-1.md';
const ED = 'editions/alpha-2020.md';
const base = baseSet();
const rules = (files: Record<string, string>, rule: string) => check(files).diagnostics.filter((d) => d.rule === rule);

/** A second edition of Alpha that supersedes 2020, with one standard. */
const newer = (edition: string, standard: string) => ({
  'editions/alpha-2024.md': `---\naccreditor: alpha\ntitle: Alpha Standards\nedition: "2024"\neffectiveFrom: "2024-07-01"\nsupersedes: alpha-2020\nsourceUrl: https://example.org/alpha/2024\ncopyright: Alpha.\n${edition}---\n`,
  'standards/alpha-2024/b-1.md': `---\ncode: B-1\ntitle: Climate\nlevel: standard\nbindingness: required\nsourceUrl: https://example.org/alpha/2024#b-1\nverification: verified\n${standard}---\nSummary.\n`,
});

describe('official-source', () => {
  it('recognises mirror hosts and their subdomains, not look-alikes', () => {
    expect(mirrorHost('https://www.scribd.com/document/1')).toBe('scribd.com');
    expect(mirrorHost('https://github.com/x/y/blob/main/a.ts')).toBe('github.com');
    expect(mirrorHost('https://en.fdocuments.net/doc')).toBe('fdocuments.net');
    expect(mirrorHost('https://notscribd.com/x')).toBeUndefined();
    expect(mirrorHost('https://lcme.org/publications/')).toBeUndefined();
    expect(mirrorHost('not a url')).toBeUndefined();
  });
  it('refuses a mirror as a standard’s or an edition’s official source, and says where it goes', () => {
    const files = {
      ...base,
      [STD]: base[STD]!.replace('https://example.org/alpha/2020#a-1', 'https://www.scribd.com/document/123'),
      [ED]: base[ED]!.replace('https://example.org/alpha/2020', 'https://docplayer.net/1-alpha.html'),
    };
    const found = rules(files, 'official-source');
    expect(found.map((d) => [d.file, d.path, d.severity])).toEqual([
      ['content/editions/alpha-2020.md', 'sourceUrl', 'error'],
      ['content/standards/alpha-2020/a-1.md', 'sourceUrl', 'error'],
    ]);
    expect(found[1]!.message).toBe('official source is a mirror (scribd.com)');
    expect(found[1]!.fix).toContain('readUrl');
  });
  it('accepts a mirror as where the text was read', () => {
    const files = {
      ...base,
      [STD]: base[STD]!.replace(
        'verification: verified',
        'verification: verified\nreadUrl: https://www.scribd.com/document/123\nreadDate: "2026-11-20"',
      ),
    };
    expect(rules(files, 'official-source')).toEqual([]);
    expect(check(files).errors).toBe(0);
  });
  it('wording read only in an older edition is at most secondary, and must be this body’s older edition', () => {
    const files = { ...base, ...newer('textRead: part\n', 'readEdition: alpha-2020\n') };
    const found = rules(files, 'official-source');
    expect(found.map((d) => [d.path, d.message])).toEqual([
      ['verification', 'wording read only in an older edition (alpha-2020) cannot be verified for this one'],
    ]);
    const ok = { ...base, ...newer('textRead: part\n', 'readEdition: alpha-2020\n') };
    ok['standards/alpha-2024/b-1.md'] = ok['standards/alpha-2024/b-1.md']!.replace(
      'verification: verified',
      'verification: secondary',
    );
    expect(rules(ok, 'official-source')).toEqual([]);
    const self = { ...base, ...newer('textRead: part\n', 'readEdition: alpha-2024\n') };
    expect(rules(self, 'official-source').map((d) => d.message)).toContain(
      'readEdition names this standard’s own edition',
    );
  });
});

describe('drift rule', () => {
  it('continues must name a code of the superseded edition', () => {
    const found = rules({ ...base, ...newer('textRead: part\n', "continues: ['A-9']\n") }, 'drift');
    expect(found.map((d) => [d.path, d.message])).toEqual([
      ['continues[0]', 'continues "A-9", which is not a standard of alpha-2020'],
    ]);
    expect(rules({ ...base, ...newer('textRead: part\n', "continues: ['A-1']\n") }, 'drift')).toEqual([]);
  });
  it('once the full text is read, every mapped standard of the older edition needs a decision', () => {
    const pending = rules({ ...base, ...newer('textRead: full\n', '') }, 'drift');
    expect(pending).toHaveLength(1);
    expect(pending[0]).toMatchObject({
      severity: 'warning',
      message: 'alpha-2020 A-1 has mappings and no decision in this edition',
    });
    expect(pending[0]!.fix).toContain('npm run drift -- --accreditor alpha');
    // part-read editions are not warned: the worklist lists them instead
    expect(rules({ ...base, ...newer('textRead: part\n', '') }, 'drift')).toEqual([]);
    // continued, or dropped with a reason, settles it
    expect(rules({ ...base, ...newer('textRead: full\n', "continues: ['A-1']\n") }, 'drift')).toEqual([]);
    const dropped =
      'textRead: full\ndropped:\n  - code: A-1\n    reason: The 2024 text no longer asks for a safe climate.\n';
    expect(rules({ ...base, ...newer(dropped, '') }, 'drift')).toEqual([]);
    const wrong = 'textRead: full\ndropped:\n  - code: Z-1\n    reason: Gone.\n';
    expect(rules({ ...base, ...newer(wrong, '') }, 'drift').map((d) => d.message)).toContain(
      'dropped "Z-1", which is not a standard of alpha-2020',
    );
  });
});

describe('editorial-prose', () => {
  it('warns on research-log wording in published text, not under the sourcing notes', () => {
    const log = 'A search of stored copies on 2026-11-30 found nothing.';
    const inMain = { ...base, [ED]: `${base[ED]!}The edition.\n\n${log}\n` };
    const found = rules(inMain, 'editorial-prose');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: 'warning', found: '"stored copies"' });
    const inNotes = { ...base, [ED]: `${base[ED]!}The edition.\n\n## Sourcing notes\n\n${log}\n` };
    expect(rules(inNotes, 'editorial-prose')).toEqual([]);
  });
  it('warns on research-log wording in a published field too, located at the field', () => {
    const files = {
      ...base,
      [STD]: base[STD]!.replace(
        'verification: verified',
        'verification: verified\nverificationNote: Read in stored copies of the page.',
      ),
    };
    const found = rules(files, 'editorial-prose');
    expect(found.map((d) => [d.path, d.severity, d.found])).toEqual([
      ['verificationNote', 'warning', '"stored copies"'],
    ]);
  });
  it('finds the phrase where YAML folds a line break into it, or an escape spells it', () => {
    for (const note of [
      'verificationNote: Read in stored\n  copies of the page.',
      'verificationNote: >\n  Read in stored\n  copies of the page.',
      'verificationNote: "Read in stored \\x63opies of the page."',
    ]) {
      const files = { ...base, [STD]: base[STD]!.replace('verification: verified', `verification: verified\n${note}`) };
      expect(
        rules(files, 'editorial-prose').map((d) => [d.path, d.found]),
        note,
      ).toEqual([['verificationNote', '"stored copies"']]);
    }
  });
  it("every research-log phrase contains one of the check's first-test words", () => {
    // The alternatives of RESEARCH_LOG, each written out as the shortest text it matches.
    const phrases = RESEARCH_LOG.source
      .replace(/^\\b\(\?:|\)\\b$/g, '')
      .split(/\|(?![^(]*\))/)
      .map((p) =>
        p
          .replace(/\(\?:([^|)]*)[^)]*\)\??/g, '$1')
          .replace(/\\d\{4\}/g, '2026')
          .replace(/s\?/g, ''),
      );
    expect(phrases.length).toBeGreaterThanOrEqual(6);
    // What the search tool's copies were also called in published notes.
    for (const p of ['the stored text was cut off', 'Searches of stored web pages', 'a stored page'])
      expect(RESEARCH_LOG.test(p), p).toBe(true);
    for (const p of phrases) {
      expect(RESEARCH_LOG.test(p), p).toBe(true);
      expect(LOG_WORD.test(p), p).toBe(true);
    }
  });
  it('splitProse separates the published text from the notes', () => {
    expect(splitProse('Text.\n\n## Sourcing notes\n\nRead at X.\n')).toEqual({
      main: 'Text.\n',
      notes: 'Read at X.',
      notesLine: 3,
    });
    expect(splitProse('Only text.')).toEqual({ main: 'Only text.' });
  });
});

describe('drift worklist and lineage', () => {
  const { index: crosswalk } = loadFixtures();
  it('lists each mapped standard of the superseded edition with its decision', () => {
    const w = driftWorklist(crosswalk, 'alpha-2027')!;
    expect(w.previous.id).toBe('alpha-2020');
    expect(w.items.map((i) => [i.code, i.decision])).toEqual([
      ['A-1', 'pending'],
      ['A-2', 'pending'],
    ]);
    expect(w.pending).toBe(2);
    expect(driftWorklist(crosswalk, 'alpha-2020')).toBeUndefined();
    const data = structuredClone(crosswalk.data);
    data.standards.find((s) => s.id === 'alpha-2027/a-1')!.continues = ['A-1'];
    data.editions.find((e) => e.id === 'alpha-2027')!.dropped = [
      { code: 'A-2', reason: 'Orientation left the standards.' },
    ];
    const ix2 = indexCrosswalk(data);
    const w2 = driftWorklist(ix2, 'alpha-2027')!;
    expect(w2.items.map((i) => [i.code, i.decision, i.continuedBy, i.reason])).toEqual([
      ['A-1', 'continued', ['A-1'], undefined],
      ['A-2', 'dropped', [], 'Orientation left the standards.'],
    ]);
    expect(w2.pending).toBe(0);
    expect(lineageOf(ix2, 'alpha-2027/a-1').continues.map((s) => s.id)).toEqual(['alpha-2020/a-1']);
    expect(lineageOf(ix2, 'alpha-2020/a-1').continuedBy.map((s) => s.id)).toEqual(['alpha-2027/a-1']);
    const md = driftMarkdown(ix2, driftForAccreditor(ix2, 'alpha-council'));
    expect(md).toContain('# ANC: 2020 → 2027');
    expect(md).toContain(
      '| A-2 | Orientation | shared-interprofessional-onboarding (partial) | dropped: Orientation left the standards. |',
    );
  });
});

describe('method text is generated from the engine', () => {
  it('names every status with its meaning and the actual weights', () => {
    for (const s of STATUSES) expect(HOW_TO_READ.some((l) => l.includes(STATUS_MEANING[s]))).toBe(true);
    for (const [k, v] of Object.entries({ ...STRENGTH_WEIGHT, ...BINDING_WEIGHT }))
      expect(SUPPORT_LINE).toContain(`${k} ${v}`);
  });
});
