/**
 * The glossary (content/glossary.yaml): parsed and checked from its text, and the search-query
 * expansion that makes an abbreviation, a term and its synonyms find each other.
 */
import { parseDocument, type Document } from 'yaml';
import { glossaryFileSchema, type GlossaryEntry } from '../schemas/glossary.ts';
import { formatPath, show, type Diagnostic } from './diagnostics.ts';
import { normalise } from './synonyms.ts';

export { expandQuery } from './synonyms.ts';

export const GLOSSARY_FILE = 'glossary.yaml';

function lineOf(text: string, offset: number): number {
  let n = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
}

/** The words search treats as one: term, abbreviation and synonyms, lowercased. */
function phrasesOf(e: GlossaryEntry): string[] {
  return [...new Set([e.term, ...(e.abbreviation ? [e.abbreviation] : []), ...e.synonyms].map(normalise))];
}

/** Parse and check the glossary; never throws. A phrase in two entries is an error (search could not tell which). */
export function parseGlossary(path: string, text: string): { entries: GlossaryEntry[]; diagnostics: Diagnostic[] } {
  const doc: Document = parseDocument(text, { uniqueKeys: true });
  const at = (path_: (string | number)[], message: string, extra: Partial<Diagnostic> = {}): Diagnostic => {
    const node = doc.getIn(path_, true) as { range?: [number, number, number] } | undefined;
    return {
      rule: 'glossary',
      severity: 'error',
      file: path,
      line: lineOf(text, node?.range?.[0] ?? 0),
      column: 1,
      path: formatPath(path_),
      message,
      ...extra,
    };
  };
  if (doc.errors.length) {
    const e = doc.errors[0]!;
    return {
      entries: [],
      diagnostics: [
        {
          ...at([], `YAML syntax error: ${e.message.split('\n')[0]}`),
          line: lineOf(text, e.pos[0]),
          fix: 'indent with two spaces, start each entry with "- term:", and quote text that contains a colon',
        },
      ],
    };
  }
  const parsed = glossaryFileSchema.safeParse(doc.toJS() ?? []);
  if (!parsed.success)
    return {
      entries: [],
      diagnostics: parsed.error.issues.map((issue) => {
        const p = issue.path as (string | number)[];
        return at(p, issue.message, {
          found: show(
            p.reduce<unknown>((v, k) => (v as Record<string | number, unknown> | undefined)?.[k], doc.toJS()),
          ),
          expected: 'entries with term, definition, and optionally abbreviation and synonyms (a list)',
          fix: 'compare the entry with the others in the file; the comment at its top lists the fields',
        });
      }),
    };
  const diagnostics: Diagnostic[] = [];
  const owner = new Map<string, number>();
  parsed.data.forEach((e, i) => {
    for (const p of phrasesOf(e)) {
      const first = owner.get(p);
      if (first === undefined) owner.set(p, i);
      else if (first !== i)
        diagnostics.push(
          at([i], `"${p}" is already listed under "${parsed.data[first]!.term}"`, {
            found: `"${p}" in entries ${first + 1} and ${i + 1}`,
            expected: 'each word or spelling in one entry only, so search knows what it stands for',
            fix: `keep "${p}" in one entry, or merge the two entries`,
          }),
        );
    }
  });
  return { entries: parsed.data, diagnostics };
}

/** Groups of phrases that mean the same, for the browser (small: only what search needs). */
export function synonymGroups(entries: readonly GlossaryEntry[]): string[][] {
  return entries.map(phrasesOf).filter((g) => g.length > 1);
}
