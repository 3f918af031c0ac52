/** The rule registry: every cross-file rule the check runs, in order. Syntax and schema are load stages. */
import type { Rule } from '../types.ts';
import { invisibleCharacters, mixedScript } from './characters.ts';
import { drift } from './drift.ts';
import { editions } from './editions.ts';
import { fileName } from './file-name.ts';
import { httpsUrls } from './https-urls.ts';
import { lengthLimits } from './limits.ts';
import { markdownLinks } from './links.ts';
import { longWords } from './long-words.ts';
import { oneMappingPerCharacteristic, quoteLength, rationale } from './mappings.ts';
import { editorialProse, markdownHtml, summaryPresent } from './markdown.ts';
import { references } from './references.ts';
import { RECOMMENDATION_RULES } from './recommendations.ts';
import { reviewConsistency } from './reviews.ts';
import { uniqueIds, uniqueLabels } from './unique-ids.ts';
import { officialSource } from './sources.ts';
import { verificationSource } from './verification.ts';

export const RULES: readonly Rule[] = [
  fileName,
  uniqueIds,
  uniqueLabels,
  invisibleCharacters,
  mixedScript,
  references,
  editions,
  drift,
  oneMappingPerCharacteristic,
  rationale,
  quoteLength,
  verificationSource,
  officialSource,
  httpsUrls,
  lengthLimits,
  markdownHtml,
  markdownLinks,
  longWords,
  reviewConsistency,
  summaryPresent,
  editorialProse,
  ...RECOMMENDATION_RULES,
];

/** Stages that run while loading, listed with the registry for documentation. */
export const LOAD_STAGES = [
  {
    id: 'layout',
    description:
      'files live in the folder for their kind and end in .md; a symlink, special file or nested README.md is an error and a dotfile a warning (never skipped in silence)',
  },
  { id: 'file-size', description: 'a content file is at most 1 MB' },
  { id: 'encoding', description: 'UTF-8 without BOM, LF line endings (BOM and CRLF are warnings)' },
  { id: 'syntax', description: 'frontmatter between `---` lines, valid YAML, no duplicate keys, no tabs' },
  { id: 'schema', description: 'fields match the schema of their kind; unknown fields are errors' },
  {
    id: 'exceptions',
    description:
      'content/exceptions.yaml entries have a reason and still match a finding (a stale exception is an error)',
  },
] as const;
