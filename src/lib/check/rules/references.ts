import type { EntityKind } from '../../../schemas/index.ts';
import { didYouMean } from '../../suggest.ts';
import { formatPath, type PathSegment } from '../../diagnostics.ts';
import type { ParsedFile } from '../../frontmatter.ts';
import type { Report, RuleContext, Rule } from '../types.ts';

const FOLDER: Record<EntityKind, string> = {
  characteristic: 'content/characteristics/',
  accreditor: 'content/accreditors/',
  edition: 'content/editions/',
  standard: 'content/standards/',
  initiative: 'content/initiatives/',
  recommendation: 'content/recommendations/',
};

/** Check one reference; a reference to a replaced entity is a warning that names the successor. */
function ref(
  ctx: RuleContext,
  report: Report,
  file: ParsedFile,
  path: PathSegment[],
  kind: EntityKind,
  target: string,
) {
  const stub = ctx.index.stubs[kind].get(target);
  if (stub) {
    report({
      file,
      path,
      severity: 'warning',
      message: `refers to ${kind} \`${target}\`, which was replaced`,
      found: `\`${target}\``,
      expected: `the current ID \`${stub.data.replacedBy}\``,
      fix: `change it to \`${stub.data.replacedBy}\``,
    });
    return;
  }
  report({
    file,
    path,
    message: `refers to ${/^[aeiou]/.test(kind) ? 'an' : 'a'} ${kind} that does not exist`,
    found: `\`${target}\``,
    expected: `the ID of a file in ${FOLDER[kind]}`,
    fix:
      didYouMean(target, ctx.index.ids[kind]) ??
      `create ${FOLDER[kind]}${target}.md (\`npm run new -- ${kind}\`) or correct the ID`,
  });
}

type Visit = (kind: EntityKind, target: string, path: () => PathSegment[]) => void;

const each = (v: unknown, f: (item: unknown, i: number) => void) => {
  if (Array.isArray(v)) v.forEach(f);
};
const field = (v: unknown, key: string): unknown =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>)[key] : undefined;

/**
 * Every ID a file's frontmatter refers to, read from the raw data, so a file that fails its schema
 * still has its references checked in the same run (one pass, not one CI round per kind of error).
 */
function eachReference(kind: EntityKind, data: Record<string, unknown>, visit: Visit): void {
  const at = (target: unknown, refKind: EntityKind, path: () => PathSegment[]) => {
    if (typeof target === 'string') visit(refKind, target, path);
  };
  switch (kind) {
    case 'standard':
      each(data.mappings, (m, i) =>
        at(field(m, 'characteristic'), 'characteristic', () => ['mappings', i, 'characteristic']),
      );
      return;
    case 'edition':
      at(data.accreditor, 'accreditor', () => ['accreditor']);
      at(data.supersedes, 'edition', () => ['supersedes']);
      each(data.reviews, (r, i) =>
        each(field(r, 'characteristics'), (c, j) =>
          at(c, 'characteristic', () => ['reviews', i, 'characteristics', j]),
        ),
      );
      return;
    case 'initiative':
      each(data.characteristics, (c, i) => at(c, 'characteristic', () => ['characteristics', i]));
      return;
    case 'characteristic':
    case 'accreditor':
    case 'recommendation':
      return;
    default:
      kind satisfies never;
  }
}

/** The IDs of every file of each kind that is not a stub, whether or not it passed its schema. */
function presentIds(
  files: readonly ParsedFile[],
  stubFiles: ReadonlySet<ParsedFile>,
  valid: Readonly<Record<EntityKind, ReadonlySet<string>>>,
): Record<EntityKind, ReadonlySet<string>> {
  const out: Partial<Record<EntityKind, Set<string>>> = {};
  for (const f of files) {
    if (f.kind === undefined || f.id === undefined || stubFiles.has(f) || valid[f.kind].has(f.id)) continue;
    (out[f.kind] ??= new Set(valid[f.kind])).add(f.id);
  }
  return { ...valid, ...out };
}

/** Every reference between files resolves. */
export const references: Rule = {
  id: 'references',
  description:
    'every mapping, review record and initiative names an existing characteristic; every standard an existing edition; every edition an existing accreditor; supersedes and replacedBy resolve, and redirect stubs never loop; checked also in files with schema errors, so both are reported at once',
  run(ctx, report) {
    const { content, index } = ctx;
    const reportedFolders = new Set<string>();
    const stubFiles = new Set(content.stubs.map((s) => s.file));
    // A field the schema already refused (e.g. an ID in capitals) is not reported twice.
    const refused = new Set(content.diagnostics.map((d) => `${d.file}|${d.path}`));
    // A file that exists but fails its schema has its own error; what refers to it is not wrong too.
    const present = presentIds(content.files, stubFiles, index.ids);
    for (const file of content.files) {
      const kind = file.kind;
      if (kind === undefined || stubFiles.has(file)) continue;
      if (kind === 'standard') {
        const edition = file.id!.slice(0, file.id!.indexOf('/'));
        if (!present.edition.has(edition) && !reportedFolders.has(edition)) {
          reportedFolders.add(edition);
          report({
            file,
            line: 1,
            message: `standards folder \`${edition}\` matches no edition`,
            found: `content/standards/${edition}/`,
            expected: 'a folder named after a file in content/editions/',
            fix:
              didYouMean(edition, index.ids.edition) ?? `create content/editions/${edition}.md or move the standards`,
          });
        }
      }
      // Known IDs are the rule, so test them before building a path for the report (40,000 mappings).
      eachReference(kind, file.data, (refKind, target, path) => {
        if (present[refKind].has(target)) return;
        const p = path();
        if (refused.has(`${file.path}|${formatPath(p)}`)) return;
        ref(ctx, report, file, p, refKind, target);
      });
    }
    for (const stub of content.stubs) {
      if (stub.data.replacedBy === stub.id.split('/').pop()) {
        report({
          file: stub.file,
          path: ['replacedBy'],
          message: 'a stub cannot replace itself',
          found: `\`${stub.data.replacedBy}\``,
          expected: 'the ID of another file of the same kind',
          fix: 'name the successor, or delete the stub',
        });
        continue;
      }
      const target =
        stub.kind === 'standard' ? `${stub.id.split('/')[0]}/${stub.data.replacedBy}` : stub.data.replacedBy;
      if (!index.ids[stub.kind].has(target) && !index.stubs[stub.kind].has(target)) {
        report({
          file: stub.file,
          path: ['replacedBy'],
          message: `replacedBy names a ${stub.kind} that does not exist`,
          found: `\`${stub.data.replacedBy}\``,
          expected: `the ID of a file in ${FOLDER[stub.kind]}`,
          fix: didYouMean(stub.data.replacedBy, index.ids[stub.kind]) ?? 'correct the ID',
        });
      }
    }
    stubCycles(ctx, report);
  },
};

/** Redirect stubs that lead back to themselves: every reader following them would go round forever. */
function stubCycles({ content, index }: RuleContext, report: Report) {
  const reported = new Set<string>();
  for (const start of content.stubs) {
    const next = (id: string) => {
      const to = index.stubs[start.kind].get(id)?.data.replacedBy;
      return to === undefined ? undefined : start.kind === 'standard' ? `${id.split('/')[0]}/${to}` : to;
    };
    const seen: string[] = [];
    let cur: string | undefined = start.id;
    while (cur !== undefined && !seen.includes(cur)) {
      seen.push(cur);
      cur = next(cur);
    }
    if (cur === undefined) continue;
    const cycle = seen.slice(seen.indexOf(cur));
    if (cycle.length < 2) continue; // a stub replacing itself is reported above
    const key = `${start.kind}:${[...cycle].sort()[0]}`;
    if (reported.has(key) || start.id !== [...cycle].sort()[0]) continue;
    reported.add(key);
    report({
      file: start.file,
      path: ['replacedBy'],
      message: `redirect stubs point at each other in a loop: no ${start.kind} is reached`,
      found: [...cycle, cycle[0]].join(' → '),
      expected: `a chain of stubs that ends at an existing ${start.kind}`,
      fix: `point one of the stubs at the current ${start.kind}, or restore the entity one of them stands for`,
    });
  }
}
