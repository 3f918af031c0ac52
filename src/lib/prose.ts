/**
 * A Markdown body has two parts: the published text, and optional research notes under a final
 * "## Sourcing notes" heading, which stay in the repository and show collapsed on the site.
 */
export const SOURCING_HEADING = '## Sourcing notes';

export interface ProseParts {
  /** The editorial text every page shows. */
  main: string;
  /** The research notes, without their heading; undefined when there are none. */
  notes?: string;
  /** 1-based line of the heading within the body, when present. */
  notesLine?: number;
}

export function splitProse(body: string): ProseParts {
  const lines = body.split('\n');
  const at = lines.findIndex((l) => l.trim() === SOURCING_HEADING);
  if (at < 0) return { main: body };
  const notes = lines
    .slice(at + 1)
    .join('\n')
    .trim();
  return { main: lines.slice(0, at).join('\n'), ...(notes && { notes }), notesLine: at + 1 };
}

/** Phrases of a research log, which belong under the sourcing notes, not in the published text. */
export const RESEARCH_LOG =
  /\b(?:stored cop(?:y|ies)|stored text|stored (?:web )?pages?|searched (?:on|for)|a further search|searches? (?:on|of) \d{4}|search tool|(?:pages|docs|code) corpus)\b/i;
/** A word every RESEARCH_LOG phrase contains: the check's cheap first test (keep the two in step). */
export const LOG_WORD = /search|stored|corpus/i;
