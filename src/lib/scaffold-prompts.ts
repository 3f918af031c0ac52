/** The questions `npm run new` asks for each kind of entity, and where each answer goes. */
import type { EntityKind } from '../schemas/index.ts';
import { todayIso } from './dates.ts';
import { slugifyCode, suggestId } from './ids.ts';

export type Answers = Record<string, string | string[] | undefined>;

export interface Prompt {
  /** Flag name (`--source-url`) and answer key. */
  flag: string;
  /** Where the answer goes in the frontmatter; `id` and `summary` are not frontmatter fields. */
  path: (string | number)[];
  role: 'id' | 'field' | 'summary';
  question: string;
  required: boolean;
  /** A list: several answers (repeat the flag, or one per prompt). */
  multiple?: boolean;
  /** The answer names an existing entity of this kind. */
  ref?: EntityKind;
  /** Asked only when this holds (e.g. mapping fields only once a characteristic is given). */
  when?: (a: Answers) => boolean;
  /** Suggested answer, e.g. an ID derived from the name. */
  suggest?: (a: Answers) => string | undefined;
}

export const one = (a: Answers, k: string) => {
  const v = a[k];
  return Array.isArray(v) ? v[0] : v;
};
const field = (flag: string, path: (string | number)[], question: string, required = true): Prompt => ({
  flag,
  path,
  role: 'field',
  question,
  required,
});
const summary: Prompt = {
  flag: 'summary',
  path: [],
  role: 'summary',
  question: 'Summary in your own words (the Markdown body; at most a short quoted phrase)',
  required: false,
};
const sources = (what: string): Prompt[] => [
  field('source-title', ['sources', 0, 'title'], `Title of a source that describes the ${what}`),
  field('source-year', ['sources', 0, 'year'], 'Year the source was published'),
  field('source-url', ['sources', 0, 'url'], 'Where the source can be read (https://...)'),
  field('source-says', ['sources', 0, 'says'], 'What the source says about it, in your own words'),
];
/** The ID prompt every kind asks, with its own suggestion from the answers so far. */
const idPrompt = (suggest: (a: Answers) => string | undefined): Prompt => ({
  flag: 'id',
  path: [],
  role: 'id',
  question: 'ID (the file name; lowercase-with-hyphens, stable forever)',
  required: true,
  suggest,
});

export const mapped = (a: Answers) => one(a, 'characteristic') !== undefined && one(a, 'characteristic') !== '';

export const PROMPTS: Record<EntityKind, Prompt[]> = {
  characteristic: [
    field('name', ['name'], 'Name of the characteristic (short, sentence case)'),
    idPrompt((a) => suggestId(one(a, 'name') ?? '')),
    field('level', ['level'], 'Level'),
    field('domain', ['domain'], 'Domain'),
    field('description', ['description'], 'Description: one or two sentences in your own words'),
    { ...field('indicator', ['indicators'], 'Observable indicator'), multiple: true },
    ...sources('characteristic'),
    field('evidence-strength', ['evidence', 'strength'], 'Strength of the evidence'),
    field('evidence-note', ['evidence', 'note'], 'Where the evidence is strong or thin, in your own words'),
    summary,
  ],
  accreditor: [
    field('name', ['name'], "The body's full name"),
    field('abbreviation', ['abbreviation'], 'Abbreviation the body uses (e.g. LCME)'),
    idPrompt((a) => suggestId(one(a, 'abbreviation') ?? one(a, 'name') ?? '')),
    field('label', ['label'], 'Short display name, unique across bodies (only when the abbreviation is shared)', false),
    field('program', ['program'], 'Which line of documents or programs (only when the body has several)', false),
    field('kind', ['kind'], 'Kind of body'),
    { ...field('profession', ['professions'], 'Profession it covers'), multiple: true },
    field('country', ['country'], 'Country: ISO code such as US or GB, or INT'),
    field('url', ['url'], "The body's home page (https://...)"),
    { ...field('alias', ['aliases'], 'Other names or acronyms it is known by', false), multiple: true },
    field('editorial-status', ['editorialStatus'], 'Editorial status: which text was read, what is awaited'),
    summary,
  ],
  edition: [
    { ...field('accreditor', ['accreditor'], 'Accreditor ID (the body that publishes it)'), ref: 'accreditor' },
    field('edition', ['edition'], 'Edition label as the body writes it (e.g. 2025-26)'),
    idPrompt((a) => {
      const acc = one(a, 'accreditor');
      const ed = one(a, 'edition');
      return acc && ed ? `${acc}-${slugifyCode(ed)}` : undefined;
    }),
    field('title', ['title'], 'Document title exactly as published'),
    field(
      'effective-from',
      ['effectiveFrom'],
      'Effective from (YYYY, YYYY-MM or YYYY-MM-DD, as the source gives it)',
      false,
    ),
    field('effective-to', ['effectiveTo'], 'Last date in force (YYYY, YYYY-MM or YYYY-MM-DD)', false),
    { ...field('supersedes', ['supersedes'], 'ID of the edition this one replaces', false), ref: 'edition' },
    field('source-url', ['sourceUrl'], "The body's page or PDF for this edition (https://...)"),
    field('dates-source', ['datesSource'], 'Where the dates were seen, if not at the source URL', false),
    field('copyright', ['copyright'], 'Copyright note: whose text the standards are'),
    field('text-read', ['textRead'], 'How much of its text was read (full, part, or none: title and dates only)'),
    field(
      'transition-note',
      ['transitionNote'],
      'What changes for interprofessional learning (if in transition)',
      false,
    ),
    summary,
  ],
  standard: [
    { ...field('edition', [], 'Edition ID the standard belongs to'), role: 'id', ref: 'edition' },
    field('code', ['code'], 'Code exactly as the body numbers it (e.g. 7.9)'),
    field('title', ['title'], 'Title exactly as the body gives it (leave empty if it has none)', false),
    field('level', ['level'], "Level in the body's hierarchy"),
    field('parent', ['parent'], "Parent's code, as the body numbers it", false),
    field('section', ['section'], "The body's grouping heading, verbatim", false),
    field('bindingness', ['bindingness'], 'How binding it is'),
    field('verification', ['verification'], 'Where you saw the code and title'),
    field('source-url', ['sourceUrl'], "The body's own page or PDF for it (never a mirror) (https://...)", false),
    field('source-page', ['sourcePage'], 'Page or section in the source', false),
    field('read-url', ['readUrl'], 'Where you read the text, if not at the source URL (https://...)', false),
    field('read-date', ['readDate'], 'When you read it (YYYY-MM-DD)', false),
    field('verification-note', ['verificationNote'], 'How and where it was checked', false),
    {
      ...field(
        'characteristic',
        ['mappings', 0, 'characteristic'],
        'Characteristic it bears on (leave empty for none)',
        false,
      ),
      ref: 'characteristic',
    },
    { ...field('strength', ['mappings', 0, 'strength'], 'Strength of the mapping'), when: mapped },
    {
      ...field('rationale', ['mappings', 0, 'rationale'], 'Rationale: why, in one or two sentences of your own'),
      when: mapped,
    },
    { ...field('quote', ['mappings', 0, 'quote'], 'A short verbatim phrase (at most 25 words)', false), when: mapped },
    summary,
  ],
  initiative: [
    field('name', ['name'], 'Name of the practice'),
    idPrompt((a) => suggestId(one(a, 'name') ?? '')),
    {
      ...field('characteristic', ['characteristics'], 'Characteristic the practice builds'),
      multiple: true,
      ref: 'characteristic',
    },
    ...sources('practice'),
    summary,
  ],
  recommendation: [
    field('title', ['title'], 'What you ask the body to do, in one short sentence'),
    idPrompt((a) => {
      const acc = one(a, 'accreditor');
      const c = one(a, 'characteristic');
      return acc && c ? `${acc}-${c}` : undefined;
    }),
    { ...field('accreditor', ['accreditor'], 'Body it is addressed to (accreditor ID)'), ref: 'accreditor' },
    {
      ...field('edition', ['edition'], 'Edition it would change (edition ID, usually the one in force)'),
      ref: 'edition',
    },
    {
      ...field('proposed-by', ['proposedBy'], 'Who proposes it'),
      suggest: () => 'IP-CLE Crosswalk project (draft)',
    },
    {
      ...field('characteristic', ['addresses', 0, 'characteristic'], 'Characteristic it addresses'),
      ref: 'characteristic',
    },
    field('cell', ['addresses', 0, 'cell'], 'Is that cell a gap or an opportunity in the edition'),
    field('proposal', ['proposal'], 'The wording you propose, in your own words (never copied from a body)'),
    {
      ...field('model-standard', ['modelLanguage', 0, 'standard'], "Another body's standard that already asks for it"),
      ref: 'standard',
    },
    field('model-note', ['modelLanguage', 0, 'note'], 'What that standard asks, in your own words', false),
    {
      ...field('evidence-characteristic', ['evidence', 0, 'characteristic'], 'Characteristic whose evidence you cite'),
      ref: 'characteristic',
      suggest: (a) => one(a, 'characteristic'),
    },
    field('evidence-url', ['evidence', 0, 'url'], "One of that characteristic's sources (its URL)"),
    field('evidence-note', ['evidence', 0, 'note'], 'What the evidence shows, in your own words', false),
    {
      ...field('status', ['history', 0, 'status'], 'First status (a new recommendation starts as a draft)'),
      suggest: () => 'draft',
    },
    { ...field('date', ['history', 0, 'date'], 'Date drafted (YYYY-MM-DD)'), suggest: () => todayIso() },
    summary,
  ],
};
