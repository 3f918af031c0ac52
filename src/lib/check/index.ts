/** The check: load content, run every registered rule, return sorted diagnostics and a summary. */
import { readContentDir } from '../node/content-dir.ts';
import { readExceptions, readGlossary } from '../node/exceptions.ts';
import { parseGlossary } from '../glossary.ts';
import { ENTITY_KINDS, type EntityKind } from '../../schemas/index.ts';
import { entriesOf, loadFiles, type Content, type SourceFile, type StandardEntry, type StubEntry } from '../content.ts';
import { countBySeverity, formatPath, sortDiagnostics, type Diagnostic } from '../diagnostics.ts';
import { locate } from '../frontmatter.ts';
import { todayIso } from '../dates.ts';
import { applyExceptions, EXCEPTIONS_FILE, type ExceptionsSource } from './exceptions.ts';
import { RULES } from './rules/index.ts';
import type { ContentIndex, Finding, Rule } from './types.ts';

function buildIndex(content: Content): ContentIndex {
  const ids = {} as Record<EntityKind, Set<string>>;
  const stubs = {} as Record<EntityKind, Map<string, StubEntry>>;
  for (const kind of ENTITY_KINDS) {
    ids[kind] = new Set(entriesOf(content, kind).map((e) => e.id));
    stubs[kind] = new Map();
  }
  for (const s of content.stubs) stubs[s.kind].set(s.id, s);
  const standardsByEdition = new Map<string, StandardEntry[]>();
  for (const s of content.standards) {
    const list = standardsByEdition.get(s.edition);
    if (list) list.push(s);
    else standardsByEdition.set(s.edition, [s]);
  }
  return {
    ids,
    stubs,
    characteristics: new Map(content.characteristics.map((e) => [e.id, e])),
    accreditors: new Map(content.accreditors.map((e) => [e.id, e])),
    editions: new Map(content.editions.map((e) => [e.id, e])),
    standardsByEdition,
  };
}

function runRules(content: Content, options: { today?: string; rules?: readonly Rule[] } = {}): Diagnostic[] {
  const index = buildIndex(content);
  const ctx = { content, index, today: options.today ?? todayIso() };
  const out: Diagnostic[] = [];
  for (const rule of options.rules ?? RULES) {
    const report = (f: Finding) => {
      const at = f.line !== undefined ? { line: f.line, column: f.column ?? 1 } : locate(f.file, f.path ?? [], f.key);
      out.push({
        rule: rule.id,
        severity: f.severity ?? 'error',
        file: f.file.path,
        line: at.line,
        column: at.column,
        path: formatPath(f.path ?? []),
        message: f.message,
        ...(f.found !== undefined && { found: f.found }),
        ...(f.expected !== undefined && { expected: f.expected }),
        ...(f.fix !== undefined && { fix: f.fix }),
      });
    };
    rule.run(ctx, report);
  }
  return out;
}

export interface CheckResult {
  content: Content;
  diagnostics: Diagnostic[];
  errors: number;
  warnings: number;
  summary: string;
}

export function checkSources(
  sources: readonly SourceFile[],
  options: { today?: string; exceptions?: ExceptionsSource; glossary?: { path: string; text: string } } = {},
): CheckResult {
  const content = loadFiles(sources);
  let found = [...content.diagnostics, ...runRules(content, options)];
  if (options.glossary) found.push(...parseGlossary(options.glossary.path, options.glossary.text).diagnostics);
  let excepted = 0;
  if (options.exceptions) ({ kept: found, excepted } = applyExceptions(found, options.exceptions));
  const diagnostics = sortDiagnostics(found);
  const { errors, warnings } = countBySeverity(diagnostics);
  const mappings = content.standards.reduce((n, s) => n + s.data.mappings.length, 0);
  const summary =
    `checked ${sources.length} files: ${content.characteristics.length} characteristics, ${content.accreditors.length} accreditors, ` +
    `${content.editions.length} editions, ${content.standards.length} standards, ${mappings} mappings, ${content.initiatives.length} initiatives: ` +
    `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}` +
    (excepted ? ` (${excepted} accepted in ${EXCEPTIONS_FILE})` : '');
  return { content, diagnostics, errors, warnings, summary };
}

export function checkDir(root: string, options: { today?: string } = {}): CheckResult {
  const exceptions = readExceptions(root);
  const glossary = readGlossary(root);
  return checkSources(readContentDir(root), {
    ...options,
    ...(exceptions && { exceptions }),
    ...(glossary && { glossary }),
  });
}
