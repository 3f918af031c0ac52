/**
 * Synthetic content for the benchmark: valid files of every kind (check reports 0 errors) with the
 * shapes of real content: bodies of a few sentences, 1–8 mappings per standard (4 on average), review
 * records on editions, reviewed and disputed mappings, multi-edition bodies with `supersedes`, one
 * body in transition, initiatives and a redirect stub. Deterministic for a given seed.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import {
  ACCREDITOR_KINDS,
  BINDINGNESS,
  DOMAINS,
  EVIDENCE_STRENGTHS,
  LEVELS,
  PROFESSIONS,
  STANDARD_LEVELS,
} from '../src/schemas/index.ts';
import { slugifyCode } from '../src/lib/ids.ts';

export interface CorpusOptions {
  /** Accreditors (bodies). */
  bodies: number;
  /** Standards per body, summed over its editions. */
  standardsPerBody: number;
  characteristics: number;
  /** Default: one per 5 characteristics, at least 2. */
  initiatives?: number;
  seed?: number;
}

export interface CorpusStats {
  files: number;
  bytes: number;
  characteristics: number;
  accreditors: number;
  editions: number;
  standards: number;
  mappings: number;
  initiatives: number;
  stubs: number;
}

export interface GeneratedFile {
  /** Path below the content root, forward slashes. */
  path: string;
  text: string;
}

export const DEFAULT_CORPUS: Required<CorpusOptions> = {
  bodies: 50,
  standardsPerBody: 200,
  characteristics: 100,
  initiatives: 20,
  seed: 1,
};

/** The characteristic the reciprocity report looks for: always generated, so that report has data. */
const RECIPROCITY = 'interprofessional-learning-experiences';

const WORDS = (
  'learners staff teams patients families faculty preceptors supervisors programs units sites students ' +
  'residents nurses pharmacists therapists physicians midwives educators leaders partners clinicians ' +
  'plan review support share document assess evaluate improve coordinate discuss reflect practise ' +
  'communicate debrief onboard orient mentor supervise monitor report escalate include engage ' +
  'safety quality feedback learning practice care curriculum placement rotation handover huddle round ' +
  'simulation outcome competency policy resource schedule workload wellbeing culture climate voice ' +
  'interprofessional collaborative shared structured regular explicit formal informal clinical local ' +
  'joint common routine timely respectful inclusive accountable transparent consistent'
).split(' ');
const TITLE_WORDS = (
  'Learning Environment Teamwork Supervision Assessment Curriculum Governance Resources Safety Quality ' +
  'Feedback Communication Leadership Partnership Wellbeing Onboarding Collaboration Evaluation Practice ' +
  'Integration Professionalism Diversity Outcomes Facilities Faculty Students Policies Improvement'
).split(' ');
const COUNTRIES = ['US', 'CA', 'GB', 'AU', 'NZ', 'IE', 'INT'];
const STYLES = ['dotted', 'roman', 'prefixed', 'dashed'] as const;
const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'];

/** mulberry32: small, fast, deterministic. */
function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
  const chance = (p: number) => next() < p;
  return { next, int, pick, chance };
}
type Rng = ReturnType<typeof rng>;

const q = (s: string) => JSON.stringify(s);
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function phrase(r: Rng, n: number): string {
  return Array.from({ length: n }, () => r.pick(WORDS)).join(' ');
}
function sentence(r: Rng, lo = 8, hi = 18): string {
  return `${cap(phrase(r, r.int(lo, hi)))}.`;
}
function paragraph(r: Rng, lo: number, hi: number): string {
  return Array.from({ length: r.int(lo, hi) }, () => sentence(r)).join(' ');
}
function date(r: Rng, year: number): string {
  return `${year}-${String(r.int(1, 12)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`;
}
/** k distinct items, drawn with a bias towards the front of the list (so some are mapped more). */
function sample<T>(r: Rng, xs: readonly T[], k: number, bias = 1): T[] {
  const out = new Set<T>();
  k = Math.min(k, xs.length);
  while (out.size < k) out.add(xs[Math.floor(r.next() ** bias * xs.length)]!);
  return [...out];
}

function code(style: (typeof STYLES)[number], section: number, n: number): { code: string; parent: string } {
  switch (style) {
    case 'dotted':
      return { code: `${section}.${n}`, parent: String(section) };
    case 'roman':
      return { code: `${ROMAN[(section - 1) % ROMAN.length]}${section > 12 ? section : ''}.${n}`, parent: '' };
    case 'prefixed':
      return { code: `Std ${section}.${n}`, parent: `Std ${section}` };
    case 'dashed':
      return {
        code: `${String.fromCharCode(64 + ((section - 1) % 26) + 1)}${section > 26 ? section : ''}-${n}`,
        parent: '',
      };
  }
}

/** Generate the corpus in memory. */
export function generateCorpus(options: CorpusOptions): { files: GeneratedFile[]; stats: CorpusStats } {
  const o = { ...DEFAULT_CORPUS, ...options };
  const nInitiatives = options.initiatives ?? Math.max(2, Math.round(o.characteristics / 5));
  const r = rng(o.seed);
  const files: GeneratedFile[] = [];
  const stats: CorpusStats = {
    files: 0,
    bytes: 0,
    characteristics: 0,
    accreditors: 0,
    editions: 0,
    standards: 0,
    mappings: 0,
    initiatives: 0,
    stubs: 0,
  };
  const add = (path: string, text: string) => files.push({ path, text });

  // Characteristics.
  const charIds: string[] = [];
  for (let i = 0; i < Math.max(1, o.characteristics); i++) {
    const id = i === 0 ? RECIPROCITY : `${r.pick(WORDS)}-${r.pick(WORDS)}-${i}`;
    charIds.push(id);
    const name = i === 0 ? 'Interprofessional learning experiences' : cap(id.replace(/-\d+$/, '').replace(/-/g, ' '));
    const sources = Array.from({ length: r.int(1, 3) }, (_, j) => [
      `  - title: ${q(`${cap(phrase(r, r.int(3, 8)))}`)}`,
      `    year: ${r.int(1995, 2025)}`,
      `    url: ${q(`https://example.org/sources/${id}/${j}`)}`,
      `    says: ${q(sentence(r))}`,
    ]).flat();
    add(
      `characteristics/${id}.md`,
      [
        '---',
        `name: ${q(name)}`,
        `level: ${r.pick(LEVELS)}`,
        `domain: ${r.pick(DOMAINS)}`,
        `description: ${q(`${sentence(r)} ${sentence(r)}`)}`,
        'indicators:',
        ...Array.from({ length: r.int(2, 5) }, () => `  - ${q(sentence(r, 5, 12))}`),
        'sources:',
        ...sources,
        'evidence:',
        `  strength: ${r.pick(EVIDENCE_STRENGTHS)}`,
        `  note: ${q(sentence(r))}`,
        '---',
        paragraph(r, 2, 4),
        '',
        paragraph(r, 1, 3),
        '',
      ].join('\n'),
    );
    stats.characteristics++;
  }
  // A renamed characteristic keeps a stub (nothing refers to it).
  if (charIds.length > 1) {
    add(
      'characteristics/old-name-of-characteristic.md',
      `---\nreplacedBy: ${charIds[1]}\nreason: "Renamed to match the literature."\n---\n`,
    );
    stats.stubs++;
  }

  // Accreditors, editions, standards.
  for (let b = 0; b < o.bodies; b++) {
    const professions = sample(r, PROFESSIONS, r.chance(0.7) ? 1 : 2);
    const acc = `${professions[0]}-${r.pick(['council', 'board', 'commission', 'agency'])}-${b + 1}`;
    const abbreviation = `${professions[0]!.slice(0, 2).toUpperCase()}${String.fromCharCode(65 + (b % 26))}${b + 1}`;
    add(
      `accreditors/${acc}.md`,
      [
        '---',
        `name: ${q(`${cap(professions[0]!.replace(/-/g, ' '))} Accreditation ${cap(r.pick(['council', 'board', 'commission']))} ${b + 1}`)}`,
        `abbreviation: ${q(abbreviation)}`,
        ...(r.chance(0.2) ? [`program: ${q(`${cap(phrase(r, 2))} programs`)}`] : []),
        `kind: ${b % 7 === 6 ? 'reference-framework' : r.pick(ACCREDITOR_KINDS.slice(0, 4))}`,
        `professions: [${professions.join(', ')}]`,
        `country: ${r.pick(COUNTRIES)}`,
        `url: ${q(`https://example.org/${acc}`)}`,
        `editorialStatus: ${q('Generated benchmark body: every standard text read.')}`,
        '---',
        paragraph(r, 1, 2),
        '',
      ].join('\n'),
    );
    stats.accreditors++;

    // Every 5th body has two editions (the newer supersedes the older); every 10th is in transition
    // to a future edition. Standards are split 40/60 between old and new.
    const multi = b % 5 === 4 && o.standardsPerBody >= 2;
    const editions: { id: string; standards: number; from: string; supersedes?: string; future?: boolean }[] = multi
      ? [
          { id: `${acc}-2019`, standards: Math.floor(o.standardsPerBody * 0.4), from: '2019-07-01' },
          {
            id: b % 10 === 4 ? `${acc}-2027` : `${acc}-2024`,
            standards: o.standardsPerBody - Math.floor(o.standardsPerBody * 0.4),
            from: b % 10 === 4 ? '2027-07-01' : '2024-01',
            supersedes: `${acc}-2019`,
            future: b % 10 === 4,
          },
        ]
      : [{ id: `${acc}-${2018 + (b % 7)}`, standards: o.standardsPerBody, from: String(2018 + (b % 7)) }];
    const style = STYLES[b % STYLES.length]!;

    for (const ed of editions) {
      const reviewed = sample(r, charIds, Math.max(1, Math.round(charIds.length * (0.6 + r.next() * 0.4))));
      const half = Math.ceil(reviewed.length / 2);
      const reviews = r.chance(0.3) ? [reviewed.slice(0, half), reviewed.slice(half)] : [reviewed];
      add(
        `editions/${ed.id}.md`,
        [
          '---',
          `accreditor: ${acc}`,
          `title: ${q(`${cap(phrase(r, 2))} Standards for ${cap(professions[0]!.replace(/-/g, ' '))} Programs`)}`,
          `edition: ${q(ed.id.slice(-4))}`,
          `effectiveFrom: ${q(ed.from)}`,
          ...(ed.supersedes ? [`supersedes: ${ed.supersedes}`] : []),
          `sourceUrl: ${q(`https://example.org/${acc}/${ed.id}.pdf`)}`,
          ...(r.chance(0.3) ? [`datesSource: ${q(`https://example.org/${acc}/news`)}`] : []),
          `copyright: ${q(`© ${abbreviation}. Standards text belongs to the body; we store codes, titles and our own summaries.`)}`,
          'textRead: part',
          ...(ed.future ? [`transitionNote: ${q(sentence(r))}`] : []),
          'reviews:',
          ...reviews
            .filter((list) => list.length > 0)
            .flatMap((list) => [
              `  - reviewer: ${q(`${cap(r.pick(WORDS))} review team`)}`,
              `    date: ${q(date(r, 2025))}`,
              `    characteristics: [${list.join(', ')}]`,
              `    scope: ${q(`Whole document, ${r.int(20, 120)} pages, including appendices.`)}`,
            ]),
          '---',
          paragraph(r, 1, 3),
          '',
        ].join('\n'),
      );
      stats.editions++;

      const perSection = 5 + (b % 8);
      for (let i = 0; i < ed.standards; i++) {
        const section = 1 + Math.floor(i / perSection);
        const c = code(style, section, 1 + (i % perSection));
        const title = `${r.pick(TITLE_WORDS)} ${r.pick(['and', 'in', 'for', 'of'])} ${r.pick(TITLE_WORDS)}`;
        const verification = r.pick(['verified', 'verified', 'secondary', 'unverified'] as const);
        // 1–8 mappings, mean 4: 1 + Binomial(7, 3/7).
        let k = 1;
        for (let t = 0; t < 7; t++) if (r.chance(3 / 7)) k++;
        const mapped = sample(r, charIds, k, 1.6);
        const mappings = mapped.flatMap((ch) => {
          const lines = [
            `  - characteristic: ${ch}`,
            `    strength: ${r.pick(['explicit', 'explicit', 'partial', 'partial', 'implicit'] as const)}`,
            `    rationale: ${q(`${sentence(r, 10, 24)}${r.chance(0.4) ? ` ${sentence(r, 6, 14)}` : ''}`)}`,
          ];
          if (r.chance(0.3)) lines.push(`    quote: ${q(phrase(r, r.int(4, 15)))}`);
          if (r.chance(0.4)) {
            lines.push('    reviews:');
            const n = r.int(1, 3);
            for (let j = 0; j < n; j++) {
              const dissent = r.chance(0.05);
              lines.push(
                `      - reviewer: ${q(`Reviewer ${j + 1} ${cap(r.pick(WORDS))}`)}`,
                `        profession: ${r.pick(PROFESSIONS)}`,
                `        date: ${q(date(r, 2025))}`,
                `        verdict: ${dissent ? 'dissent' : 'agree'}`,
              );
              if (dissent || r.chance(0.2)) lines.push(`        note: ${q(sentence(r))}`);
            }
          }
          return lines;
        });
        stats.mappings += mapped.length;
        add(
          `standards/${ed.id}/${slugifyCode(c.code)}.md`,
          [
            '---',
            `code: ${q(c.code)}`,
            ...(r.chance(0.85) ? [`title: ${q(title)}`] : []),
            `level: ${r.pick(STANDARD_LEVELS)}`,
            ...(c.parent ? [`parent: ${q(c.parent)}`] : []),
            `section: ${q(`Section ${section}: ${r.pick(TITLE_WORDS)}`)}`,
            `bindingness: ${r.pick(BINDINGNESS)}`,
            `sourceUrl: ${q(`https://example.org/${acc}/${ed.id}.pdf#page=${r.int(1, 120)}`)}`,
            ...(r.chance(0.5) ? [`sourcePage: ${q(`p. ${r.int(1, 120)}`)}`] : []),
            `verification: ${verification}`,
            ...(r.chance(0.3) ? [`verificationNote: ${q(sentence(r, 6, 12))}`] : []),
            'mappings:',
            ...mappings,
            '---',
            paragraph(r, 2, 4),
            '',
            ...(r.chance(0.3) ? [`- ${sentence(r, 4, 9)}`, `- ${sentence(r, 4, 9)}`, ''] : []),
          ].join('\n'),
        );
        stats.standards++;
      }
    }
  }

  // Initiatives.
  for (let i = 0; i < nInitiatives; i++) {
    const id = `${r.pick(WORDS)}-${r.pick(WORDS)}-initiative-${i + 1}`;
    const chars = sample(r, charIds, r.int(2, 5), 1.3);
    add(
      `initiatives/${id}.md`,
      [
        '---',
        `name: ${q(cap(id.replace(/-\d+$/, '').replace(/-/g, ' ')))}`,
        `characteristics: [${chars.join(', ')}]`,
        'sources:',
        ...Array.from({ length: r.int(1, 2) }, (_, j) => [
          `  - title: ${q(cap(phrase(r, r.int(3, 8))))}`,
          `    year: ${r.int(2005, 2025)}`,
          `    url: ${q(`https://example.org/initiatives/${id}/${j}`)}`,
          `    says: ${q(sentence(r))}`,
        ]).flat(),
        '---',
        paragraph(r, 2, 4),
        '',
      ].join('\n'),
    );
    stats.initiatives++;
  }

  stats.files = files.length;
  stats.bytes = files.reduce((n, f) => n + Buffer.byteLength(f.text), 0);
  return { files, stats };
}

/** Generate the corpus into `dir` (emptied first). */
export function writeCorpus(dir: string, options: CorpusOptions): CorpusStats {
  const { files, stats } = generateCorpus(options);
  rmSync(dir, { recursive: true, force: true });
  const made = new Set<string>();
  for (const f of files) {
    const abs = join(dir, f.path);
    const d = dirname(abs);
    if (!made.has(d)) {
      mkdirSync(d, { recursive: true });
      made.add(d);
    }
    writeFileSync(abs, f.text);
  }
  return stats;
}
