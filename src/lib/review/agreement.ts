/**
 * How far reviewers agree: per body, per characteristic and per pair of professions, the share of
 * agreeing reviews and a chance-corrected coefficient (Fleiss' kappa over the mappings two or more
 * reviewers rated; Cohen's kappa between two professions), each with the number of mappings it rests
 * on; and every dissent with its reason.
 */
import type { MappingReview, Strength } from '../../schemas/index.ts';
import type { ReviewedMapping } from './records.ts';

/** What the statistics read of a mapping (a ReviewedMapping fits; so does the report's index data). */
export type RatedMapping = Pick<
  ReviewedMapping,
  'standard' | 'code' | 'accreditor' | 'characteristic' | 'strength' | 'reviews'
>;

/**
 * Fleiss' kappa for subjects rated into categories by several raters: `counts[i][j]` is how many raters
 * put subject i in category j. Subjects may have different numbers of raters (at least two each): the
 * usual generalisation, which is Fleiss (1971) exactly when every subject has the same number.
 * Undefined when chance agreement is 1 (every rating in one category) or no subject has two ratings.
 */
export function fleissKappa(counts: readonly (readonly number[])[]): number | undefined {
  const sums = new FleissSums();
  for (const row of counts) sums.add(row);
  return sums.kappa();
}

/**
 * Fleiss' kappa as running sums, so a report's every group (overall, each body, each characteristic)
 * is filled in one pass over the mappings without keeping a row per mapping. Subjects with fewer than
 * two ratings are skipped.
 */
class FleissSums {
  /** Subjects with two or more ratings. */
  subjects = 0;
  private ratings = 0;
  private perCategory: number[] = [];
  private observed = 0;

  add(row: readonly number[]): void {
    let n = 0;
    let squares = 0;
    for (const c of row) {
      n += c;
      squares += c * c;
    }
    if (n < 2) return;
    this.subjects++;
    this.ratings += n;
    for (let j = 0; j < row.length; j++) this.perCategory[j] = (this.perCategory[j] ?? 0) + row[j]!;
    this.observed += (squares - n) / (n * (n - 1));
  }

  kappa(): number | undefined {
    if (this.subjects === 0) return undefined;
    const observed = this.observed / this.subjects;
    const chance = this.perCategory.reduce((a, c) => a + (c / this.ratings) ** 2, 0);
    return chance >= 1 - 1e-12 ? undefined : (observed - chance) / (1 - chance);
  }
}

/**
 * Cohen's (1960) kappa for two raters who rated the same subjects: `pairs[i]` is the two ratings of
 * subject i. Undefined when chance agreement is 1 or there are no subjects.
 */
export function cohenKappa<T>(pairs: readonly (readonly [T, T])[]): number | undefined {
  const sums = new CohenSums<T>();
  for (const [a, b] of pairs) sums.add(a, b);
  return sums.kappa();
}

/** Cohen's kappa as running sums over the pairs of ratings, as FleissSums. */
class CohenSums<T> {
  pairs = 0;
  private same = 0;
  private first = new Map<T, number>();
  private second = new Map<T, number>();

  add(a: T, b: T): void {
    this.pairs++;
    if (a === b) this.same++;
    this.first.set(a, (this.first.get(a) ?? 0) + 1);
    this.second.set(b, (this.second.get(b) ?? 0) + 1);
  }

  kappa(): number | undefined {
    const n = this.pairs;
    if (n === 0) return undefined;
    let chance = 0;
    for (const [k, c] of this.first) chance += (c / n) * ((this.second.get(k) ?? 0) / n);
    return chance >= 1 - 1e-12 ? undefined : (this.same / n - chance) / (1 - chance);
  }
}

export interface AgreementRow {
  /** Body ID, characteristic ID, or the two professions joined by `+`. */
  key: string;
  reviews: number;
  agreeing: number;
  /** Share of agreeing reviews, 0–1; undefined without reviews. */
  share?: number;
  /** The mappings the kappa rests on: rated by two or more reviewers (both professions, for a pair). */
  mappings: number;
  kappa?: number;
  /** Which coefficient `kappa` is. */
  method: 'fleiss' | 'cohen';
}

/** A reviewer's dissent, as the review page and every report format show it. */
export interface Dissent {
  standard: string;
  code: string;
  /** The body's ID. */
  body: string;
  characteristic: string;
  reviewer: string;
  profession: string;
  date: string;
  /** The strength as mapped, and the one the reviewer would give instead, if any. */
  strength: Strength;
  suggestedStrength?: Strength;
  note?: string;
}

export interface Agreement {
  overall: AgreementRow;
  byBody: AgreementRow[];
  byCharacteristic: AgreementRow[];
  byProfessionPair: AgreementRow[];
  dissents: Dissent[];
}

/** A kappa over a single mapping says nothing about a body or characteristic: at least this many. */
export const MIN_KAPPA_MAPPINGS = 2;

/** Kappa to two decimals, or why there is none: every format and the review-status page say it alike. */
export function kappaText(k: number | undefined, mappings: number): string {
  if (mappings < MIN_KAPPA_MAPPINGS) return `none yet (needs ${MIN_KAPPA_MAPPINGS} mappings rated twice or more)`;
  return k === undefined ? 'undefined (every rating the same)' : k.toFixed(2);
}

const VERDICT_INDEX = { agree: 0, dissent: 1 } as const;

/** Fills `row` with the number of agreeing and dissenting reviews (in VERDICT_INDEX order). */
function countVerdicts(reviews: readonly MappingReview[], row: number[]): number[] {
  row[VERDICT_INDEX.agree] = 0;
  row[VERDICT_INDEX.dissent] = 0;
  for (const r of reviews) row[r.verdict === 'agree' ? VERDICT_INDEX.agree : VERDICT_INDEX.dissent]!++;
  return row;
}

/** One Fleiss row's sums: reviews, agreeing reviews and the kappa over mappings reviewed twice or more. */
class GroupSums {
  reviews = 0;
  agreeing = 0;
  private fleiss = new FleissSums();

  add(counts: readonly number[]): void {
    this.reviews += counts[0]! + counts[1]!;
    this.agreeing += counts[VERDICT_INDEX.agree]!;
    this.fleiss.add(counts);
  }

  row(key: string): AgreementRow {
    const mappings = this.fleiss.subjects;
    const kappa = mappings >= MIN_KAPPA_MAPPINGS ? this.fleiss.kappa() : undefined;
    return {
      key,
      reviews: this.reviews,
      agreeing: this.agreeing,
      ...(this.reviews > 0 && { share: this.agreeing / this.reviews }),
      mappings,
      ...(kappa !== undefined && { kappa }),
      method: 'fleiss',
    };
  }
}

/** One Cohen row's sums for a pair of professions. */
class PairSums {
  agreeing = 0;
  cohen = new CohenSums<MappingReview['verdict']>();
  add(x: MappingReview, y: MappingReview): void {
    this.agreeing += (x.verdict === 'agree' ? 1 : 0) + (y.verdict === 'agree' ? 1 : 0);
    this.cohen.add(x.verdict, y.verdict);
  }
  row(key: string): AgreementRow {
    const mappings = this.cohen.pairs;
    const kappa = mappings >= MIN_KAPPA_MAPPINGS ? this.cohen.kappa() : undefined;
    return {
      key,
      reviews: mappings * 2,
      agreeing: this.agreeing,
      share: this.agreeing / (mappings * 2),
      mappings,
      ...(kappa !== undefined && { kappa }),
      method: 'cohen',
    };
  }
}

function sumsFor<S>(groups: Map<string, S>, key: string, Sums: new () => S): S {
  let sums = groups.get(key);
  if (!sums) groups.set(key, (sums = new Sums()));
  return sums;
}

const byKey = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const byProfession = (a: MappingReview, b: MappingReview) => byKey(a.profession, b.profession);
function rows<S extends { row(key: string): AgreementRow }>(
  groups: Map<string, S>,
  order: (a: string, b: string) => number,
): AgreementRow[] {
  return [...groups.keys()].sort(order).map((k) => groups.get(k)!.row(k));
}

/**
 * Each profession's verdict on a mapping, professions in order: its earliest review, so a second
 * reviewer of one profession does not count twice. Small arrays, not a map: a mapping has few reviews.
 */
function verdictsByProfession(reviews: readonly MappingReview[], out: MappingReview[]): MappingReview[] {
  out.length = 0;
  for (const r of reviews) {
    let i = 0;
    while (i < out.length && out[i]!.profession !== r.profession) i++;
    if (i === out.length) out.push(r);
    else if (r.date < out[i]!.date) out[i] = r;
  }
  return out.length > 1 ? out.sort(byProfession) : out;
}

/**
 * Every figure as running sums per group, one mapping at a time (it runs for every report, over every
 * mapping of the selection). Profession pairs: only the professions each mapping has are paired (asking
 * every pair of every mapping made the site build quadratic in reviewed mappings). `add` keeps nothing of
 * the mapping it is given but copies of its fields, so a caller may reuse one object for every mapping.
 */
export class AgreementSums {
  private overall = new GroupSums();
  private bodies = new Map<string, GroupSums>();
  private characteristics = new Map<string, GroupSums>();
  // First profession -> second -> sums: no joined key string per pair and mapping.
  private pairs = new Map<string, Map<string, PairSums>>();
  private dissents: Dissent[] = [];
  // Scratch rows, filled anew for each mapping (the sums keep numbers, never the rows).
  private counts = [0, 0];
  private verdicts: MappingReview[] = [];

  add(m: RatedMapping): void {
    if (m.reviews.length === 0) return;
    const counts = countVerdicts(m.reviews, this.counts);
    this.overall.add(counts);
    sumsFor(this.bodies, m.accreditor, GroupSums).add(counts);
    sumsFor(this.characteristics, m.characteristic, GroupSums).add(counts);
    if (m.reviews.length >= 2) {
      const verdicts = verdictsByProfession(m.reviews, this.verdicts);
      for (let i = 0; i < verdicts.length - 1; i++) {
        const x = verdicts[i]!;
        let withX = this.pairs.get(x.profession);
        if (!withX) this.pairs.set(x.profession, (withX = new Map()));
        for (let j = i + 1; j < verdicts.length; j++)
          sumsFor(withX, verdicts[j]!.profession, PairSums).add(x, verdicts[j]!);
      }
    }
    if (counts[VERDICT_INDEX.dissent] === 0) return;
    for (const r of m.reviews)
      if (r.verdict === 'dissent')
        this.dissents.push({
          standard: m.standard,
          code: m.code,
          body: m.accreditor,
          characteristic: m.characteristic,
          reviewer: r.reviewer,
          profession: r.profession,
          date: r.date,
          strength: m.strength,
          ...(r.suggestedStrength !== undefined && { suggestedStrength: r.suggestedStrength }),
          ...(r.note !== undefined && { note: r.note }),
        });
  }

  result(): Agreement {
    const locale = (a: string, b: string) => a.localeCompare(b);
    return {
      overall: this.overall.row('all'),
      byBody: rows(this.bodies, locale),
      byCharacteristic: rows(this.characteristics, locale),
      byProfessionPair: rows(
        new Map([...this.pairs].flatMap(([x, withX]) => [...withX].map(([y, sums]) => [`${x}+${y}`, sums] as const))),
        byKey,
      ),
      dissents: this.dissents,
    };
  }
}

/** The agreement figures of a set of mappings. */
export function agreement(mappings: Iterable<RatedMapping>): Agreement {
  const sums = new AgreementSums();
  for (const m of mappings) sums.add(m);
  return sums.result();
}
