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

/** One Fleiss row over a group of mappings: one pass, no copies (it runs for every report, over every mapping). */
function groupRow(key: string, mappings: readonly RatedMapping[]): AgreementRow {
  let reviews = 0;
  let agreeing = 0;
  const multi: number[][] = [];
  for (const m of mappings) {
    reviews += m.reviews.length;
    for (const r of m.reviews) if (r.verdict === 'agree') agreeing++;
    if (m.reviews.length >= 2) multi.push(verdictCounts(m.reviews));
  }
  const kappa = multi.length >= MIN_KAPPA_MAPPINGS ? fleissKappa(multi) : undefined;
  return {
    key,
    reviews,
    agreeing,
    ...(reviews > 0 && { share: agreeing / reviews }),
    mappings: multi.length,
    ...(kappa !== undefined && { kappa }),
    method: 'fleiss',
  };
}

function groupBy(mappings: readonly RatedMapping[], keyOf: (m: RatedMapping) => string): AgreementRow[] {
  const groups = new Map<string, RatedMapping[]>();
  for (const m of mappings) {
    if (m.reviews.length === 0) continue;
    const k = keyOf(m);
    const list = groups.get(k);
    if (list) list.push(m);
    else groups.set(k, [m]);
  }
  return [...groups].sort(([a], [b]) => a.localeCompare(b)).map(([k, list]) => groupRow(k, list));
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
 * Cohen's kappa between every two professions that reviewed the same mappings. One pass over the
 * mappings, pairing only the professions each mapping has (asking every pair of every mapping made
 * the site build quadratic in reviewed mappings).
 */
function professionPairs(mappings: readonly RatedMapping[]): AgreementRow[] {
  const byPair = new Map<string, [MappingReview, MappingReview][]>();
  for (const m of mappings) {
    if (m.reviews.length < 2) continue;
    const verdicts = [...verdictsByProfession(m)].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    for (let i = 0; i < verdicts.length; i++)
      for (let j = i + 1; j < verdicts.length; j++) {
        const key = `${verdicts[i]![0]}+${verdicts[j]![0]}`;
        const both: [MappingReview, MappingReview] = [verdicts[i]![1], verdicts[j]![1]];
        const list = byPair.get(key);
        if (list) list.push(both);
        else byPair.set(key, [both]);
      }
  }
  const rows: AgreementRow[] = [];
  for (const [key, both] of [...byPair].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const agreeing = both.reduce(
      (n, [x, y]) => n + (x.verdict === 'agree' ? 1 : 0) + (y.verdict === 'agree' ? 1 : 0),
      0,
    );
    const kappa =
      both.length >= MIN_KAPPA_MAPPINGS ? cohenKappa(both.map(([x, y]) => [x.verdict, y.verdict] as const)) : undefined;
    rows.push({
      key,
      reviews: both.length * 2,
      agreeing,
      share: agreeing / (both.length * 2),
      mappings: both.length,
      ...(kappa !== undefined && { kappa }),
      method: 'cohen',
    });
  }
  return rows;
}

export function agreement(mappings: readonly RatedMapping[]): Agreement {
  const dissents = mappings.flatMap((m) =>
    m.reviews
      .filter((r) => r.verdict === 'dissent')
      .map((r): Dissent => ({
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
      })),
  );
  return {
    overall: groupRow('all', mappings),
    byBody: groupBy(mappings, (m) => m.accreditor),
    byCharacteristic: groupBy(mappings, (m) => m.characteristic),
    byProfessionPair: professionPairs(mappings),
    dissents,
  };
}
