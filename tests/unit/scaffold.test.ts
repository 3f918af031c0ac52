import { cpSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { schemaAt, unwrap, zodDef } from '../../src/lib/zod-walk.ts';
import { describe, expect, it } from 'vitest';
import { ENTITY_KINDS, SCHEMAS, type EntityKind } from '../../src/schemas/index.ts';
import { checkSources } from '../../src/lib/check/index.ts';
import { readContentDir } from '../../src/lib/node/content-dir.ts';
import {
  askMissing,
  buildScaffold,
  PROMPTS,
  resolveAnswers,
  scaffoldContext,
  type Answers,
} from '../../src/lib/scaffold.ts';
import { FIXTURES, TODAY } from '../helpers.ts';
import { runMain } from '../run-main.ts';
import { main as newMain } from '../../scripts/new.ts';

const ctx = () => scaffoldContext(readContentDir(FIXTURES), 'content');

const SOURCE = {
  'source-title': 'A published source',
  'source-year': '2021',
  'source-url': 'https://example.org/source',
  'source-says': 'What the source says, in our own words.',
};
/** Valid answers for every kind, against the fixture content. */
const VALID: Record<EntityKind, Answers> = {
  characteristic: {
    name: 'Shared governance',
    level: 'meso',
    domain: 'governance',
    description: 'Academic and clinical partners steer the learning environment together.',
    indicator: ['A joint committee meets each term.', 'Both partners sign the plan.'],
    ...SOURCE,
    'evidence-strength': 'emerging',
    'evidence-note': 'Few studies; mostly descriptive.',
    summary: 'Shared governance means the partners decide together.',
  },
  accreditor: {
    name: 'Delta Dental Council (fixture)',
    abbreviation: 'DDC',
    kind: 'academic-accreditor',
    profession: ['dentistry', 'dental-hygiene'],
    country: 'CA',
    url: 'https://example.org/delta',
    'editorial-status': 'Fixture: nothing read yet.',
  },
  edition: {
    accreditor: 'beta-board',
    edition: '2028',
    title: 'Beta Accreditation Standards',
    'effective-from': '2028-07',
    supersedes: 'beta-2024',
    'source-url': 'https://example.org/beta-board/2028',
    copyright: 'Fixture text.',
    'text-read': 'full',
  },
  standard: {
    edition: 'beta-2024',
    code: 'B.3',
    title: 'Team Debriefs',
    level: 'standard',
    bindingness: 'expected',
    verification: 'verified',
    'source-url': 'https://example.org/beta-board/2024#b-3',
    characteristic: 'teams-and-teamwork',
    strength: 'explicit',
    rationale: 'The standard expects teams with students of several professions to debrief after each session.',
    summary: 'Expects programs to run interprofessional team debriefs.',
  },
  initiative: {
    name: 'Joint simulation days',
    characteristic: 'teams-and-teamwork, psychological-safety',
    ...SOURCE,
  },
  recommendation: {
    title: 'Require a climate where learners of every profession can speak up',
    accreditor: 'gamma-commission',
    edition: 'gamma-2025',
    characteristic: 'psychological-safety',
    cell: 'gap',
    proposal:
      'Each clinical unit that hosts learners shows how learners of every profession can raise concerns safely.',
    'model-standard': 'alpha-2020/a-1',
    'evidence-url': 'https://example.org/fixture-source',
    date: '2026-11-20',
    summary: 'A fixture recommendation.',
  },
};

describe('scaffolding', () => {
  it('every kind can be scaffolded from valid answers into a file that passes the whole check', () => {
    for (const kind of ENTITY_KINDS) {
      const c = ctx();
      const r = resolveAnswers(kind, VALID[kind], c);
      expect(r.errors, kind).toEqual([]);
      expect(r.missing, kind).toEqual([]);
      const s = buildScaffold(kind, r.answers, c, TODAY);
      expect(
        s.diagnostics.filter((d) => d.severity === 'error'),
        `${kind}\n${s.text}`,
      ).toEqual([]);
      const all = checkSources(
        [...c.sources, { path: s.path, segments: s.segments, bytes: new TextEncoder().encode(s.text) }],
        {
          today: TODAY,
        },
      );
      expect(all.errors, kind).toBe(0);
    }
  });

  it('derives IDs and paths, and writes fields in schema order and house style', () => {
    const c = ctx();
    const std = buildScaffold('standard', resolveAnswers('standard', VALID.standard, c).answers, c, TODAY);
    expect(std.path).toBe('content/standards/beta-2024/b-3.md');
    expect(std.text).toBe(`---
code: "B.3"
title: "Team Debriefs"
level: standard
bindingness: expected
sourceUrl: "https://example.org/beta-board/2024#b-3"
verification: verified
mappings:
  - characteristic: teams-and-teamwork
    strength: explicit
    rationale: "The standard expects teams with students of several professions to debrief after each session."
---
Expects programs to run interprofessional team debriefs.
`);
    const ed = buildScaffold('edition', resolveAnswers('edition', VALID.edition, c).answers, c, TODAY);
    expect(ed.path).toBe('content/editions/beta-board-2028.md');
    expect(ed.text).toContain('edition: "2028"\neffectiveFrom: "2028-07"\nsupersedes: beta-2024\n');
    const ch = buildScaffold('characteristic', resolveAnswers('characteristic', VALID.characteristic, c).answers, c);
    expect(ch.path).toBe('content/characteristics/shared-governance.md');
    expect(ch.text).toContain('sources:\n  - title: "A published source"\n    year: 2021\n');
    expect(ch.text).toContain('evidence:\n  strength: emerging\n');
    const acc = resolveAnswers('accreditor', VALID.accreditor, c);
    expect(acc.answers.id).toBe('ddc');
    expect(buildScaffold('accreditor', acc.answers, c).text).toContain('professions: [dentistry, dental-hygiene]\n');
    // Without a summary the file is still valid, with a warning that one is missing.
    expect(buildScaffold('accreditor', acc.answers, c).diagnostics).toEqual([]);
    const noSummary = resolveAnswers('standard', { ...VALID.standard, summary: undefined }, c);
    expect(buildScaffold('standard', noSummary.answers, c, TODAY).diagnostics.map((d) => d.rule)).toEqual([
      'summary-present',
    ]);
  });

  it('a recommendation starts as a draft of today, with its ID and evidence characteristic derived', () => {
    const c = ctx();
    const r = resolveAnswers('recommendation', { ...VALID.recommendation, date: undefined }, c);
    expect(r.answers).toMatchObject({
      id: 'gamma-commission-psychological-safety',
      'proposed-by': 'IP-CLE Crosswalk project (draft)',
      'evidence-characteristic': 'psychological-safety',
      status: 'draft',
      date: new Date().toISOString().slice(0, 10),
    });
    const s = buildScaffold(
      'recommendation',
      resolveAnswers('recommendation', VALID.recommendation, c).answers,
      c,
      TODAY,
    );
    expect(s.path).toBe('content/recommendations/gamma-commission-psychological-safety.md');
    expect(s.text).toContain('history:\n  - status: draft\n    date: "2026-11-20"\n---\n');
    expect(s.diagnostics).toEqual([]);
    const bad = resolveAnswers('recommendation', { ...VALID.recommendation, 'model-standard': 'alpha-2020/a-3' }, c);
    expect(bad.errors[0]).toMatchObject({ flag: 'model-standard', fix: 'did you mean `alpha-2020/a-1`?' });
  });

  it('checks each answer against its field, with did-you-mean', () => {
    const r = resolveAnswers(
      'standard',
      { ...VALID.standard, edition: 'beta-2042', strength: 'explict', characteristic: 'teams-and-teemwork' },
      ctx(),
    );
    expect(r.errors.map((e) => [e.flag, e.message, e.fix])).toEqual([
      ['edition', 'no edition has the ID `beta-2042`', 'did you mean `beta-2024`?'],
      ['characteristic', 'no characteristic has the ID `teams-and-teemwork`', 'did you mean `teams-and-teamwork`?'],
      ['strength', 'not one of the allowed values', 'did you mean `explicit`?'],
    ]);
    const bad = resolveAnswers(
      'characteristic',
      { ...VALID.characteristic, id: 'Shared Governance', 'source-year': '20xx', 'source-url': 'http//x' },
      ctx(),
    );
    expect(bad.errors.map((e) => e.flag)).toEqual(['id', 'source-year', 'source-url']);
    expect(bad.errors[0]).toMatchObject({
      expected: 'lowercase letters, digits and single hyphens',
      fix: 'try `shared-governance`',
    });
    expect(bad.errors[2]!.message).toBe('a full URL starting with https://');
    const stub = resolveAnswers('initiative', { ...VALID.initiative, characteristic: ['team-work'] }, ctx());
    expect(stub.errors[0]).toMatchObject({ message: '`team-work` was replaced by `teams-and-teamwork`' });
  });

  it('asks only for mapping fields once a characteristic is given, and lists what is missing', () => {
    const r = resolveAnswers('standard', { edition: 'beta-2024', code: 'B.9' }, ctx());
    expect(r.missing.map((p) => p.flag)).toEqual(['level', 'bindingness', 'verification']);
    const m = resolveAnswers(
      'standard',
      { edition: 'beta-2024', code: 'B.9', characteristic: 'teams-and-teamwork' },
      ctx(),
    );
    expect(m.missing.map((p) => p.flag)).toEqual(['level', 'bindingness', 'verification', 'strength', 'rationale']);
  });

  it('never overwrites: an existing ID or code is refused', () => {
    const c = ctx();
    const dup = resolveAnswers('standard', { ...VALID.standard, code: 'B-2' }, c);
    expect(dup.errors[0]).toMatchObject({
      flag: 'code',
      message: 'content/standards/beta-2024/b-2.md already exists',
      fix: 'edit the existing file instead (new never overwrites a file)',
    });
    const dupId = resolveAnswers('characteristic', { ...VALID.characteristic, id: 'psychological-safety' }, c);
    expect(dupId.errors[0]!.message).toBe('content/characteristics/psychological-safety.md already exists');
    const stubId = resolveAnswers('characteristic', { ...VALID.characteristic, id: 'team-work' }, c);
    expect(stubId.errors[0]!.message).toBe('content/characteristics/team-work.md already exists');
    const forced = buildScaffold(
      'standard',
      { ...resolveAnswers('standard', VALID.standard, c).answers, code: 'B-2' },
      c,
    );
    expect(forced.errors).toBeGreaterThan(0);
    expect(forced.diagnostics[0]).toMatchObject({ rule: 'new', message: 'the file already exists' });
  });

  it('prompts re-ask until an answer is valid, and accept a suggested ID with Enter', async () => {
    const answers = [
      'Joint simulation days', // name
      '', // id: take the suggestion
      'teams-and-teemwork', // characteristic #1: invalid
      'teams-and-teamwork', // characteristic #1 again
      '', // finish the list
      'A source',
      'last year', // year: invalid
      '2022',
      'https://example.org/s',
      'It describes joint simulation days.',
      '', // summary: optional, skipped
    ];
    const asked: string[] = [];
    const said: string[] = [];
    const result = await askMissing(
      'initiative',
      {},
      ctx(),
      async (q) => {
        asked.push(q);
        return answers.shift();
      },
      (l) => said.push(l),
      { optional: true },
    );
    expect(answers).toEqual([]);
    expect(asked[1]).toBe('ID (the file name; lowercase-with-hyphens, stable forever) [joint-simulation-days]: ');
    expect(asked[2]).toBe('Characteristic the practice builds (one per line; empty line to finish) #1: ');
    expect(said[0]).toContain('did you mean `teams-and-teamwork`?');
    expect(said[1]).toMatch(/^ {2}.*found "last year"/);
    const r = resolveAnswers('initiative', result, ctx());
    expect(r.errors).toEqual([]);
    expect(r.answers).toMatchObject({
      id: 'joint-simulation-days',
      characteristic: ['teams-and-teamwork'],
      'source-year': 2022,
    });
    await expect(
      askMissing(
        'initiative',
        {},
        ctx(),
        async () => 'Shared Onboarding (fixture)',
        () => {},
        { tries: 2 },
      ),
    ).rejects.toThrow(/no valid answer for id|no valid answer for characteristic/);
  });

  it('every prompt resolves to a field of its schema, and every required field has a prompt', () => {
    for (const kind of ENTITY_KINDS) {
      for (const p of PROMPTS[kind]) {
        expect(p.flag).toMatch(/^[a-z]+(?:-[a-z]+)*$/);
        if (p.role !== 'field') continue;
        expect(p.path.length, `${kind} --${p.flag}`).toBeGreaterThan(0);
        expect(schemaAt(SCHEMAS[kind], p.path), `${kind} --${p.flag} -> ${p.path.join('.')}`).toBeDefined();
      }
      const prompted = new Set(PROMPTS[kind].filter((p) => p.role === 'field').map((p) => p.path[0]));
      const shape = zodDef(SCHEMAS[kind]).shape ?? {};
      for (const [field, schema] of Object.entries(shape)) {
        // Standards take their edition from the folder; optional fields may be left to editing.
        if (unwrap(schema).optional || (kind === 'standard' && field === 'mappings')) continue;
        expect(prompted.has(field), `${kind}.${field} has no prompt`).toBe(true);
      }
    }
  });
});

describe('npm run new', () => {
  const run = (dir: string, ...args: string[]) => runMain(newMain, args, { cwd: dir });
  const flags = (a: Answers) =>
    Object.entries(a).flatMap(([k, v]) =>
      v === undefined ? [] : (Array.isArray(v) ? v : [v]).flatMap((x) => [`--${k}`, x]),
    );

  it('creates a file from flags, refuses to overwrite it, and explains missing or invalid flags', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ipcle-new-'));
    cpSync(FIXTURES, join(dir, 'content'), { recursive: true });
    const ok = await run(dir, 'standard', ...flags(VALID.standard));
    expect(ok.stderr).toBe('');
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain('created content/standards/beta-2024/b-3.md');
    const file = join(dir, 'content/standards/beta-2024/b-3.md');
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('code: "B.3"');
    const again = await run(dir, 'standard', ...flags(VALID.standard));
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('content/standards/beta-2024/b-3.md already exists');
    expect(readFileSync(file, 'utf8')).toBe(text);

    const missing = await run(dir, 'characteristic', '--name', 'Shared governance', '--no-input');
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('missing required field(s) for characteristic: --level, --domain');
    const invalid = await run(dir, 'accreditor', ...flags({ ...VALID.accreditor, kind: 'acreditor' }));
    expect(invalid.status).toBe(1);
    expect(invalid.stderr).toContain('--kind: not one of the allowed values');
    expect(existsSync(join(dir, 'content/accreditors/ddc.md'))).toBe(false);
    const dry = await run(dir, 'accreditor', ...flags(VALID.accreditor), '--dry-run');
    expect(dry.status).toBe(0);
    expect(dry.stdout).toMatch(/^---\nname: "Delta Dental Council \(fixture\)"\n/);
    expect(existsSync(join(dir, 'content/accreditors/ddc.md'))).toBe(false);
    expect((await run(dir, 'standards')).status).toBe(2);
    expect((await run(dir, 'standard', '--indicator', 'x')).status).toBe(2);
    expect((await run(dir, 'standard', '--help')).stdout).toContain('--rationale');
  });
});
