import type { EntityKind } from '../../../schemas/index.ts';
import { didYouMean } from '../../suggest.ts';
import type { PathSegment } from '../../diagnostics.ts';
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
  if (ctx.index.ids[kind].has(target)) return;
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

/** Every reference between files resolves. */
export const references: Rule = {
  id: 'references',
  description:
    'every mapping, review record and initiative names an existing characteristic; every standard an existing edition; every edition an existing accreditor; supersedes and replacedBy resolve, and redirect stubs never loop',
  run(ctx, report) {
    const { content, index } = ctx;
    const reportedFolders = new Set<string>();
    for (const s of content.standards) {
      if (!index.ids.edition.has(s.edition) && !reportedFolders.has(s.edition)) {
        reportedFolders.add(s.edition);
        report({
          file: s.file,
          line: 1,
          message: `standards folder \`${s.edition}\` matches no edition`,
          found: `content/standards/${s.edition}/`,
          expected: 'a folder named after a file in content/editions/',
          fix:
            didYouMean(s.edition, index.ids.edition) ?? `create content/editions/${s.edition}.md or move the standards`,
        });
      }
      // Known IDs are the rule, so test them before building a path for the report (40,000 mappings).
      const known = index.ids.characteristic;
      s.data.mappings.forEach((m, i) => {
        if (!known.has(m.characteristic))
          ref(ctx, report, s.file, ['mappings', i, 'characteristic'], 'characteristic', m.characteristic);
      });
    }
    for (const e of content.editions) {
      ref(ctx, report, e.file, ['accreditor'], 'accreditor', e.data.accreditor);
      if (e.data.supersedes !== undefined) ref(ctx, report, e.file, ['supersedes'], 'edition', e.data.supersedes);
      e.data.reviews.forEach((r, i) =>
        r.characteristics.forEach((c, j) =>
          ref(ctx, report, e.file, ['reviews', i, 'characteristics', j], 'characteristic', c),
        ),
      );
    }
    for (const it of content.initiatives) {
      it.data.characteristics.forEach((c, i) => ref(ctx, report, it.file, ['characteristics', i], 'characteristic', c));
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
