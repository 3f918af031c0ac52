import type { EntityKind } from '../../schemas/index.ts';
import type { Content, Entry, StandardEntry, StubEntry } from '../content.ts';
import type { PathSegment, Severity } from '../diagnostics.ts';
import type { ParsedFile } from '../frontmatter.ts';

/** Lookup tables built once per check and shared by every rule. */
export interface ContentIndex {
  ids: Record<EntityKind, Set<string>>;
  stubs: Record<EntityKind, Map<string, StubEntry>>;
  characteristics: Map<string, Entry<'characteristic'>>;
  accreditors: Map<string, Entry<'accreditor'>>;
  editions: Map<string, Entry<'edition'>>;
  standardsByEdition: Map<string, StandardEntry[]>;
}

export interface RuleContext {
  content: Content;
  index: ContentIndex;
  /** Today's date (YYYY-MM-DD), injected so rules stay pure. */
  today: string;
}

export interface Finding {
  file: ParsedFile;
  path?: PathSegment[];
  /** Point at the key rather than the value. */
  key?: boolean;
  /** Override the line (e.g. for Markdown body findings). */
  line?: number;
  column?: number;
  severity?: Severity;
  message: string;
  found?: string;
  expected?: string;
  fix?: string;
}

export type Report = (finding: Finding) => void;

export interface Rule {
  id: string;
  /** One line for the rule list in CONTRIBUTING.md. */
  description: string;
  run(ctx: RuleContext, report: Report): void;
}
