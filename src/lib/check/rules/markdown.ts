import { remark } from 'remark';
import { LOG_WORD, RESEARCH_LOG, SOURCING_HEADING, splitProse } from '../../prose.ts';
import type { Rule } from '../types.ts';

const processor = remark();

/** RESEARCH_LOG with any run of white space (a folded YAML line break) where it has a space. */
const RESEARCH_LOG_RAW = new RegExp(RESEARCH_LOG.source.replaceAll(' ', '\\s+'), RESEARCH_LOG.flags);

interface MdNode {
  type: string;
  value?: string;
  position?: { start: { line: number; column: number } };
  children?: MdNode[];
}

/**
 * Markdown bodies are prose: no raw HTML (the site renders without it, and a script must never reach
 * a page). Only bodies containing "<" can hold HTML, so others skip the parse.
 */
export const markdownHtml: Rule = {
  id: 'markdown-html',
  description: 'Markdown bodies contain no raw HTML or script',
  run({ content }, report) {
    for (const file of content.files) {
      if (!file.body.includes('<')) continue;
      const tree = processor.parse(file.body) as MdNode;
      const visit = (n: MdNode) => {
        if (n.type === 'html' && n.value !== undefined) {
          const isScript = /<\s*(script|iframe|object|embed|style)\b/i.test(n.value) || /\son\w+\s*=/i.test(n.value);
          report({
            file,
            line: file.bodyLine + (n.position?.start.line ?? 1) - 1,
            column: n.position?.start.column ?? 1,
            path: [],
            message: isScript ? 'script or embedded content in the Markdown body' : 'raw HTML in the Markdown body',
            found: JSON.stringify(n.value.length > 60 ? `${n.value.slice(0, 57)}...` : n.value),
            expected: 'plain Markdown (paragraphs, lists, *emphasis*, [links](https://...))',
            fix: 'remove the HTML tag; use Markdown syntax instead',
          });
        }
        n.children?.forEach(visit);
      };
      visit(tree);
    }
  },
};

/** A standard's body is its own-words summary; the site shows it on every standard page. */
export const summaryPresent: Rule = {
  id: 'summary-present',
  description: 'every standard and characteristic has a Markdown body (the own-words summary); missing is a warning',
  run({ content }, report) {
    for (const s of [...content.standards, ...content.characteristics]) {
      if (s.file.body.trim() === '') {
        report({
          file: s.file,
          line: s.file.bodyLine,
          severity: 'warning',
          message: 'no own-words summary below the frontmatter',
          found: 'an empty body',
          expected: 'two to four sentences in our own words',
          fix: 'summarise what it asks, in our own words, below the closing `---`',
        });
      }
    }
  },
};

/** Published text reads as an editorial product; research logs go under "## Sourcing notes". */
export const editorialProse: Rule = {
  id: 'editorial-prose',
  description: `published text reads as editorial text: research-log phrases ("stored copies", "searched on") in a field or in the Markdown above a final "${SOURCING_HEADING}" heading are a warning`,
  run({ content }, report) {
    for (const file of content.files) {
      // Every phrase has one of these words; an escape could spell one: most files stop here.
      const escaped = file.frontmatter.includes('\\');
      if (!escaped && !LOG_WORD.test(file.frontmatter) && !LOG_WORD.test(file.body)) continue;
      // Every frontmatter text is published somewhere (verification notes, editorial status, review scope).
      // A value can only hold the phrase if the raw text does (with any line break YAML folds into a
      // space) or if an escape could spell it.
      const fields = escaped || RESEARCH_LOG_RAW.test(file.frontmatter);
      const walk = (v: unknown, path: (string | number)[]): void => {
        if (typeof v === 'string') {
          const m = RESEARCH_LOG.exec(v);
          if (m)
            report({
              file,
              path,
              severity: 'warning',
              message: 'research-log wording in a published field',
              found: JSON.stringify(m[0]),
              expected: 'editorial prose that says what was read, not how it was searched for',
              fix: `reword it (e.g. "seen only in a copy on …"), or move the search history under a final \`${SOURCING_HEADING}\` heading`,
            });
        } else if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...path, i]));
        else if (v !== null && typeof v === 'object')
          for (const [k, x] of Object.entries(v as Record<string, unknown>)) walk(x, [...path, k]);
      };
      if (fields) walk(file.data, []);
      const { main } = splitProse(file.body);
      // The phrases never span a line, so one test of the whole text tells whether any line has one.
      if (!RESEARCH_LOG.test(main)) continue;
      const lines = main.split('\n');
      lines.forEach((text, i) => {
        const m = RESEARCH_LOG.exec(text);
        if (!m) return;
        report({
          file,
          line: file.bodyLine + i,
          column: m.index + 1,
          path: [],
          severity: 'warning',
          message: 'research-log wording in the published text',
          found: JSON.stringify(m[0]),
          expected: 'editorial prose; how the text was found goes in the sourcing notes',
          fix: `move this sentence under a final \`${SOURCING_HEADING}\` heading (shown collapsed on the site)`,
        });
      });
    }
  },
};
