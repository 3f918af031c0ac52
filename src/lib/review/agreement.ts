/**
 * How far reviewers agree: per body, per characteristic and per pair of professions, the share of
 * agreeing reviews and a chance-corrected coefficient (Fleiss' kappa over the mappings two or more
 * reviewers rated; Cohen's kappa between two professions), each with the number of mappings it rests
 * on; and every dissent with its reason.
 */
import type { MappingReview, Strength } from '../../schemas/index.ts';
import { suggestedStrength, type ReviewedMapping } from './records.ts';

/**
 * Fleiss' kappa for subjects rated into categories by several raters: `counts[i][j]` is how many raters
 * put subject i in category j. Subjects may have different numbers of raters (at least two each): the
 * usual generalisation, which is Fleiss (1971) exactly when every subject has the same number.
 * Undefined when chance agreement is 1 (every rating in one category) or no subject has two ratings.
 */
export function fleissKappa(counts: readonly (readonly number[])[]): number | undefined {
  const rated = counts.filter((row) => row.reduce((a, b) => a + b, 0) >= 2);
  if (rated.length === 0) return undefined;
  const categories = Math.max(...rated.map((r) => r.length));
  let total = 0;
  const perCategory = new Array<number>(categories).fill(0);
  let observed = 0;
  for (const row of rated) {
    const n = row.reduce((a, b) => a + b, 0);
    total += n;
    row.forEach((c, j) => (perCategory[j]! += c));
    observed += (row.reduce((a, c) => a + c * c, 0) - n) / (n * (n - 1));
  }
  observed /= rated.length;
  const chance = perCategory.reduce((a, c) => a + (c / total) ** 2, 0);
  return chance >= 1 - 1e-12 ? undefined : (observed - chance) / (1 - chance);
}

/**
 * Cohen's (1960) kappa for two raters who rated the same subjects: `pairs[i]` is the two ratings of
 * subject i. Undefined when chance agreement is 1 or there are no subjects.
 */
export function cohenKappa<T>(pairs: readonly (readonly [T, T])[]): number | undefined {
  if (pairs.length === 0) return undefined;
  const n = pairs.length;
  const first = new Map<T, number>();
  const second = new Map<T, number>();
  let same = 0;
  for (const [a, b] of pairs) {
    if (a === b) same++;
    first.set(a, (first.get(a) ?? 0) + 1);
    second.set(b, (second.get(b) ?? 0) + 1);
  }
  const observed = same / n;
  let chance = 0;
  for (const [k, c] of first) chance += (c / n) * ((second.get(k) ?? 0) / n);
  return chance >= 1 - 1e-12 ? undefined : (observed - chance) / (1 - chance);
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
  note: string;
  suggested?: Strength;
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

const VERDICT_INDEX = { agree: 0, dissent: 1 } as const;

function verdictCounts(reviews: readonly MappingReview[]): number[] {
  const row = [0, 0];
  for (const r of reviews) row[VERDICT_INDEX[r.verdict]]!++;
  return row;
}

/** One Fleiss row over a group of mappings. */
function groupRow(key: string, mappings: readonly ReviewedMapping[]): AgreementRow {
  const reviews = mappings.flatMap((m) => m.reviews);
  const agreeing = reviews.filter((r) => r.verdict === 'agree').length;
  const multi = mappings.filter((m) => m.reviews.length >= 2);
  const kappa =
    multi.length >= MIN_KAPPA_MAPPINGS ? fleissKappa(multi.map((m) => verdictCounts(m.reviews))) : undefined;
  return {
    key,
    reviews: reviews.length,
    agreeing,
    ...(reviews.length > 0 && { share: agreeing / reviews.length }),
    mappings: multi.length,
    ...(kappa !== undefined && { kappa }),
    method: 'fleiss',
  };
}

function groupBy(mappings: readonly ReviewedMapping[], keyOf: (m: ReviewedMapping) => string): AgreementRow[] {
  const groups = new Map<string, ReviewedMapping[]>();
  for (const m of mappings) {
    if (m.reviews.length === 0) continue;
    const k = keyOf(m);
    groups.set(k, [...(groups.get(k) ?? []), m]);
  }
  return [...groups].sort(([a], [b]) => a.localeCompare(b)).map(([k, list]) => groupRow(k, list));
}

/** A profession's verdict on a mapping: its earliest review, so a second reviewer of one profession does not count twice. */
function verdictOf(m: ReviewedMapping, profession: string): MappingReview | undefined {
  return m.reviews.filter((r) => r.profession === profession).sort((a, b) => a.date.localeCompare(b.date))[0];
}

/** Cohen's kappa between every two professions that reviewed the same mappings. */
function professionPairs(mappings: readonly ReviewedMapping[]): AgreementRow[] {
  const professions = [...new Set(mappings.flatMap((m) => m.reviews.map((r) => r.profession)))].sort();
  const rows: AgreementRow[] = [];
  for (let i = 0; i < professions.length; i++) {
    for (let j = i + 1; j < professions.length; j++) {
      const [a, b] = [professions[i]!, professions[j]!];
      const both = mappings.flatMap((m) => {
        const ra = verdictOf(m, a);
        const rb = verdictOf(m, b);
        return ra && rb ? [[ra, rb] as const] : [];
      });
      if (both.length === 0) continue;
      const agreeing = both.reduce(
        (n, [x, y]) => n + (x.verdict === 'agree' ? 1 : 0) + (y.verdict === 'agree' ? 1 : 0),
        0,
      );
      const kappa =
        both.length >= MIN_KAPPA_MAPPINGS
          ? cohenKappa(both.map(([x, y]) => [x.verdict, y.verdict] as const))
          : undefined;
      rows.push({
        key: `${a}+${b}`,
        reviews: both.length * 2,
        agreeing,
        share: agreeing / (both.length * 2),
        mappings: both.length,
        ...(kappa !== undefined && { kappa }),
        method: 'cohen',
      });
    }
  }
  return rows;
}

export function agreement(mappings: readonly ReviewedMapping[]): Agreement {
  const dissents = mappings.flatMap((m) =>
    m.reviews
      .filter((r) => r.verdict === 'dissent')
      .map((r) => {
        const suggested = suggestedStrength(r.note);
        return {
          key: m.key,
          standard: m.standard,
          code: m.code,
          accreditor: m.accreditor,
          characteristic: m.characteristic,
          reviewer: r.reviewer,
          profession: r.profession,
          date: r.date,
          note: r.note ?? '',
          ...(suggested && { suggested }),
        };
      }),
  );
  return {
    overall: groupRow('all', mappings),
    byBody: groupBy(mappings, (m) => m.accreditor),
    byCharacteristic: groupBy(mappings, (m) => m.characteristic),
    byProfessionPair: professionPairs(mappings),
    dissents,
  };
}
