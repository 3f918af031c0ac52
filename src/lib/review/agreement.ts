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
  'key' | 'standard' | 'code' | 'accreditor' | 'characteristic' | 'strength' | 'reviews'
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
    row.forEach((c, j) => (this.perCategory[j] = (this.perCategory[j] ?? 0) + c));
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

export interface Dissent {
  key: string;
  standard: string;
  code: string;
  accreditor: string;
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

function verdictCounts(reviews: readonly MappingReview[]): number[] {
  const row = [0, 0];
  for (const r of reviews) row[VERDICT_INDEX[r.verdict]]!++;
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

function sumsFor<S>(groups: Map<string, S>, key: string, make: () => S): S {
  let sums = groups.get(key);
  if (!sums) groups.set(key, (sums = make()));
  return sums;
}

const byKey = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
function rows<S extends { row(key: string): AgreementRow }>(
  groups: Map<string, S>,
  order: (a: string, b: string) => number,
): AgreementRow[] {
  return [...groups.keys()].sort(order).map((k) => groups.get(k)!.row(k));
}

/** Each profession's verdict on a mapping: its earliest review, so a second reviewer of one profession does not count twice. */
function verdictsByProfession(m: RatedMapping): Map<string, MappingReview> {
  const out = new Map<string, MappingReview>();
  for (const r of m.reviews) {
    const have = out.get(r.profession);
    if (!have || r.date < have.date) out.set(r.profession, r);
  }
  return out;
}

/**
 * Every figure in one pass over the mappings, with running sums per group (it runs for every report,
 * over every mapping of the selection). Profession pairs: only the professions each mapping has are
 * paired (asking every pair of every mapping made the site build quadratic in reviewed mappings).
 */
export function agreement(mappings: readonly RatedMapping[]): Agreement {
  const overall = new GroupSums();
  const bodies = new Map<string, GroupSums>();
  const characteristics = new Map<string, GroupSums>();
  const pairs = new Map<string, PairSums>();
  const dissents: Dissent[] = [];
  for (const m of mappings) {
    if (m.reviews.length === 0) continue;
    const counts = verdictCounts(m.reviews);
    overall.add(counts);
    sumsFor(bodies, m.accreditor, () => new GroupSums()).add(counts);
    sumsFor(characteristics, m.characteristic, () => new GroupSums()).add(counts);
    if (m.reviews.length >= 2) {
      const verdicts = [...verdictsByProfession(m)].sort(([a], [b]) => byKey(a, b));
      for (let i = 0; i < verdicts.length; i++)
        for (let j = i + 1; j < verdicts.length; j++)
          sumsFor(pairs, `${verdicts[i]![0]}+${verdicts[j]![0]}`, () => new PairSums()).add(
            verdicts[i]![1],
            verdicts[j]![1],
          );
    }
    if (counts[VERDICT_INDEX.dissent] === 0) continue;
    for (const r of m.reviews)
      if (r.verdict === 'dissent')
        dissents.push({
          key: m.key,
          standard: m.standard,
          code: m.code,
          accreditor: m.accreditor,
          characteristic: m.characteristic,
          reviewer: r.reviewer,
          profession: r.profession,
          date: r.date,
          strength: m.strength,
          ...(r.suggestedStrength !== undefined && { suggestedStrength: r.suggestedStrength }),
          ...(r.note !== undefined && { note: r.note }),
        });
  }
  const locale = (a: string, b: string) => a.localeCompare(b);
  return {
    overall: overall.row('all'),
    byBody: rows(bodies, locale),
    byCharacteristic: rows(characteristics, locale),
    byProfessionPair: rows(pairs, byKey),
    dissents,
  };
}
