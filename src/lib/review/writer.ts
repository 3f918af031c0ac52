/**
 * Plans the edit that adds one review record to a standard's file: the frontmatter is edited in place
 * (formatting kept), the result must differ from the file only by inserted lines, and the whole content
 * is checked with the new file before anything is written. Pure: the caller reads and writes the disk.
 */
import { mappingReviewSchema, type MappingReview } from '../../schemas/index.ts';
import { checkSources, type CheckResult } from '../check/index.ts';
import type { SourceFile } from '../content.ts';
import { formatHuman } from '../diagnostics.ts';
import { assembleFile, editFrontmatter } from '../frontmatter-edit.ts';
import { parseContentFile } from '../frontmatter.ts';
import { sameReviewer } from './records.ts';

export class ReviewWriteError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReviewWriteError';
  }
}

export interface ReviewPlan {
  /** The file's path as the sources name it. */
  path: string;
  before: string;
  after: string;
  /** The lines the record adds (for messages and the "only added" guarantee). */
  added: string[];
}

const REVIEW_KEYS = Object.keys(mappingReviewSchema.shape);
const MAPPING_KEYS = ['characteristic', 'strength', 'rationale', 'quote', 'reviews'];

/**
 * Plan adding `review` to the mapping of `characteristic` in the standard stored at `standardPath`
 * (its path among `sources`). Throws ReviewWriteError with what to do when it cannot be done safely.
 */
export function planReview(
  sources: readonly SourceFile[],
  standardPath: string,
  characteristic: string,
  review: MappingReview,
  options: { today: string },
): ReviewPlan {
  const source = sources.find((s) => s.path === standardPath);
  if (!source) throw new ReviewWriteError(`${standardPath} is not in the content folder`);
  const before = new TextDecoder().decode(source.bytes);
  const { file, diagnostics } = parseContentFile(source.path, source.bytes);
  if (!file) throw new ReviewWriteError(`${standardPath} cannot be read: ${diagnostics.map(formatHuman).join('; ')}`);
  const mappings = Array.isArray(file.data.mappings)
    ? (file.data.mappings as { characteristic?: unknown; reviews?: unknown }[])
    : [];
  const index = mappings.findIndex((m) => m?.characteristic === characteristic);
  if (index < 0)
    throw new ReviewWriteError(`${standardPath} has no mapping to \`${characteristic}\` (was it changed or removed?)`);
  const existing = Array.isArray(mappings[index]!.reviews)
    ? (mappings[index]!.reviews as { reviewer?: unknown }[])
    : [];
  if (existing.some((r) => typeof r?.reviewer === 'string' && sameReviewer(r.reviewer, review.reviewer)))
    throw new ReviewWriteError(
      `${review.reviewer} has already reviewed this mapping (${standardPath}, ${characteristic})`,
    );

  const keyOrder = (parent: readonly (string | number)[]) =>
    parent.length === 2 ? MAPPING_KEYS : parent.length === 4 ? REVIEW_KEYS : [];
  const ordered = Object.fromEntries(
    REVIEW_KEYS.flatMap((k) => (k in review ? [[k, review[k as keyof MappingReview]]] : [])),
  );
  const { text, exact } = editFrontmatter(
    file.frontmatter,
    [{ op: 'append', path: ['mappings', index, 'reviews'], value: ordered }],
    keyOrder,
  );
  const after = assembleFile(text, file.body);
  const added = addedLines(before, after);
  if (!exact || added === undefined)
    throw new ReviewWriteError(
      `${standardPath}: adding the record would reformat other lines of the file; add it by hand (see CONTRIBUTING.md, "How review records work")`,
    );
  const result = checkSources(
    sources.map((s) => (s === source ? { ...s, bytes: new TextEncoder().encode(after) } : s)),
    options,
  );
  const introduced = newErrors(checkSources(sources, options), result);
  if (introduced.length)
    throw new ReviewWriteError(`the record was not written, because the check then fails:\n${introduced.join('\n')}`);
  return { path: standardPath, before, after, added };
}

/** Error messages in `after` that `before` did not have. */
function newErrors(before: CheckResult, after: CheckResult): string[] {
  const key = (d: { file: string; message: string; path: string }) => `${d.file}|${d.path}|${d.message}`;
  const old = new Set(before.diagnostics.filter((d) => d.severity === 'error').map(key));
  return after.diagnostics.filter((d) => d.severity === 'error' && !old.has(key(d))).map(formatHuman);
}

/**
 * The lines a review adds: inserted lines only, except that an empty `reviews: []` may become the block
 * list that now holds the record (its one changed line is reported as added).
 */
function addedLines(before: string, after: string): string[] | undefined {
  const inserted = insertedLines(before, after);
  if (inserted) return inserted;
  const empties = [...before.matchAll(/^( *)reviews: \[\]$/gm)];
  for (const e of empties) {
    const opened = before.slice(0, e.index) + `${e[1]}reviews:` + before.slice(e.index + e[0].length);
    const rest = insertedLines(opened, after);
    if (rest) return [`${e[1]}reviews:`, ...rest];
  }
  return undefined;
}

/**
 * The lines `after` inserts into `before` in one contiguous block, or undefined when `after` changes
 * or removes any line of `before`: the guarantee that a review adds a record and nothing else.
 */
export function insertedLines(before: string, after: string): string[] | undefined {
  const a = before.split('\n');
  const b = after.split('\n');
  if (b.length < a.length) return undefined;
  let head = 0;
  while (head < a.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  if (head + tail < a.length) return undefined;
  return b.slice(head, b.length - tail);
}
