/**
 * Recommendations to bodies: each targets a real edition of one body, addresses cells that really are
 * gaps or opportunities there, cites other bodies' standards and the characteristic's evidence, and
 * keeps an honest, dated status history.
 */
import { ADOPTED_STATUSES, STATUS_TRANSITIONS, type RecommendationStatus } from '../../../schemas/index.ts';
import type { Entry } from '../../content.ts';
import { cellFor } from '../../coverage/cells.ts';
import { indexCrosswalk, startKey, toCrosswalkData, type CrosswalkIndex } from '../../crosswalk.ts';
import { isIsoDate } from '../../dates.ts';
import { didYouMean } from '../../suggest.ts';
import type { Report, Rule, RuleContext } from '../types.ts';

type RecommendationEntry = Entry<'recommendation'>;
const isAdopted = (s: RecommendationStatus) => (ADOPTED_STATUSES as readonly string[]).includes(s);

/** The accreditor an edition belongs to, or undefined when the edition does not exist. */
const bodyOf = (ctx: RuleContext, editionId: string) => ctx.index.editions.get(editionId)?.data.accreditor;

/** The body and edition exist, and the edition is one of that body's. */
const recommendationTarget: Rule = {
  id: 'recommendation-target',
  description: 'a recommendation targets an existing body and an existing edition of that same body',
  run(ctx, report) {
    for (const r of ctx.content.recommendations) {
      const { accreditor, edition } = r.data;
      if (!ctx.index.accreditors.has(accreditor)) {
        report({
          file: r.file,
          path: ['accreditor'],
          message: 'the recommendation is addressed to a body that does not exist',
          found: `\`${accreditor}\``,
          expected: 'the ID of a file in content/accreditors/',
          fix: didYouMean(accreditor, ctx.index.ids.accreditor) ?? 'correct the ID, or add the body first',
        });
      }
      const body = bodyOf(ctx, edition);
      if (body === undefined) {
        report({
          file: r.file,
          path: ['edition'],
          message: 'the edition it would change does not exist',
          found: `\`${edition}\``,
          expected: `the ID of a file in content/editions/ (an edition of \`${accreditor}\`)`,
          fix: didYouMean(edition, ctx.index.ids.edition) ?? 'correct the ID, or add the edition first',
        });
      } else if (body !== accreditor) {
        report({
          file: r.file,
          path: ['edition'],
          message: `edition \`${edition}\` belongs to \`${body}\`, not to the body the recommendation is addressed to`,
          found: `\`${edition}\` (of \`${body}\`)`,
          expected: `an edition of \`${accreditor}\``,
          fix: `name an edition of \`${accreditor}\`, or change \`accreditor\` to \`${body}\``,
        });
      }
    }
  },
};

/** The crosswalk index, built only when some recommendation needs cell statuses. */
function lazyIndex(ctx: RuleContext): () => CrosswalkIndex {
  let crosswalk: CrosswalkIndex | undefined;
  return () => (crosswalk ??= indexCrosswalk(toCrosswalkData(ctx.content, 'check')));
}

/** Each addressed characteristic exists, is named once, and its cell is what the file says it is. */
const recommendationCells: Rule = {
  id: 'recommendation-cells',
  description:
    'a recommendation names existing characteristics, each once, and each cell really is the gap or opportunity it claims in the targeted edition (a warning if not)',
  run(ctx, report) {
    const crosswalk = lazyIndex(ctx);
    for (const r of ctx.content.recommendations) {
      const seen = new Set<string>();
      r.data.addresses.forEach((a, i) => {
        if (!ctx.index.characteristics.has(a.characteristic)) {
          report({
            file: r.file,
            path: ['addresses', i, 'characteristic'],
            message: 'refers to a characteristic that does not exist',
            found: `\`${a.characteristic}\``,
            expected: 'the ID of a file in content/characteristics/',
            fix: didYouMean(a.characteristic, ctx.index.ids.characteristic) ?? 'correct the ID',
          });
          return;
        }
        if (seen.has(a.characteristic)) {
          report({
            file: r.file,
            path: ['addresses', i, 'characteristic'],
            message: `characteristic \`${a.characteristic}\` is addressed twice`,
            found: `\`${a.characteristic}\` twice`,
            expected: 'each characteristic once',
            fix: 'delete the repeated entry',
          });
        }
        seen.add(a.characteristic);
        if (bodyOf(ctx, r.data.edition) !== r.data.accreditor) return; // reported by recommendation-target
        const status = cellFor(crosswalk(), r.data.edition, a.characteristic).status;
        if (status === a.cell) return;
        report({
          file: r.file,
          path: ['addresses', i, 'cell'],
          severity: 'warning',
          message: `\`${a.characteristic}\` is not ${a.cell === 'gap' ? 'a gap' : 'an opportunity'} in \`${r.data.edition}\`: its cell there is ${status}`,
          found: `${a.cell} (the crosswalk computes ${status})`,
          expected: `the cell's computed status in \`${r.data.edition}\`: gap or opportunity`,
          fix:
            status === 'gap' || status === 'opportunity'
              ? `change \`cell\` to ${status}`
              : status === 'not-reviewed'
                ? 'review the edition for this characteristic first (an edition review record), or address another cell'
                : 'the body already asks for it (at least in part): address a gap or opportunity instead',
        });
      });
    }
  },
};

/** Model language names existing standards of other bodies that bear on what is addressed. */
const recommendationModelLanguage: Rule = {
  id: 'recommendation-model-language',
  description:
    'model language names existing standards of other bodies (an error otherwise), which map an addressed characteristic explicitly or in part (a warning otherwise)',
  run(ctx, report) {
    const standards = new Map(ctx.content.standards.map((s) => [s.id, s]));
    for (const r of ctx.content.recommendations) {
      const addressed = new Set(r.data.addresses.map((a) => a.characteristic));
      r.data.modelLanguage.forEach((m, i) => {
        const path = ['modelLanguage', i, 'standard'];
        const s = standards.get(m.standard);
        if (!s) {
          report({
            file: r.file,
            path,
            message: 'model language names a standard that does not exist',
            found: `\`${m.standard}\``,
            expected: 'the ID of a standard: <edition-id>/<file name without .md> of a file in content/standards/',
            fix: didYouMean(m.standard, standards.keys()) ?? 'correct the ID (it is the standard page address)',
          });
          return;
        }
        const body = bodyOf(ctx, s.edition);
        if (body === r.data.accreditor) {
          report({
            file: r.file,
            path,
            message: 'model language must come from another body: this standard is the targeted body’s own',
            found: `\`${m.standard}\` (of \`${body}\`)`,
            expected: `a standard of a body other than \`${r.data.accreditor}\``,
            fix: "cite another body's standard that already requires the characteristic",
          });
          return;
        }
        const strong = s.data.mappings.filter((x) => x.strength !== 'implicit' && addressed.has(x.characteristic));
        if (strong.length === 0) {
          report({
            file: r.file,
            path,
            severity: 'warning',
            message: `\`${m.standard}\` does not map any addressed characteristic explicitly or in part`,
            found: s.data.mappings.map((x) => `${x.characteristic} (${x.strength})`).join(', ') || 'no mappings',
            expected: `an explicit or partial mapping to ${[...addressed].map((c) => `\`${c}\``).join(' or ')}`,
            fix: 'cite a standard that already requires the characteristic, or add and review that mapping first',
          });
        }
      });
    }
  },
};

/** Every addressed characteristic's evidence is cited from the characteristic's own sources. */
const recommendationEvidence: Rule = {
  id: 'recommendation-evidence',
  description:
    "every addressed characteristic's evidence is cited, from the sources listed on the characteristic; evidence is only for addressed characteristics",
  run(ctx, report) {
    for (const r of ctx.content.recommendations) {
      const addressed = r.data.addresses.map((a) => a.characteristic);
      const cited = new Set<string>();
      r.data.evidence.forEach((e, i) => {
        if (!addressed.includes(e.characteristic)) {
          report({
            file: r.file,
            path: ['evidence', i, 'characteristic'],
            message: `evidence for \`${e.characteristic}\`, which the recommendation does not address`,
            found: `\`${e.characteristic}\``,
            expected: `one of the addressed characteristics: ${addressed.map((c) => `\`${c}\``).join(', ')}`,
            fix: 'name an addressed characteristic, or add this one to `addresses`',
          });
          return;
        }
        cited.add(e.characteristic);
        const c = ctx.index.characteristics.get(e.characteristic);
        if (!c) return; // reported by recommendation-cells
        const urls = c.data.sources.map((s) => s.url);
        if (!urls.includes(e.url)) {
          report({
            file: r.file,
            path: ['evidence', i, 'url'],
            message: `not one of the sources of characteristic \`${e.characteristic}\``,
            found: JSON.stringify(e.url),
            expected: `one of: ${urls.join(', ')}`,
            fix: `cite one of those, or add this source to content/characteristics/${e.characteristic}.md first`,
          });
        }
      });
      r.data.addresses.forEach((a, i) => {
        if (cited.has(a.characteristic)) return;
        report({
          file: r.file,
          path: ['addresses', i, 'characteristic'],
          message: `no evidence is cited for \`${a.characteristic}\``,
          found: 'no `evidence` entry for it',
          expected: 'at least one `evidence` entry citing one of its sources',
          fix: `add \`- characteristic: ${a.characteristic}\` with \`url:\` one of its sources to \`evidence\``,
        });
      });
    }
  },
};

/** Whether edition `later` comes after `earlier`: on its supersedes chain, or starting later. */
function isLaterEdition(ctx: RuleContext, later: string, earlier: string): boolean {
  if (later === earlier) return false;
  const seen = new Set<string>();
  for (let id = ctx.index.editions.get(later)?.data.supersedes; id !== undefined && !seen.has(id);) {
    if (id === earlier) return true;
    seen.add(id);
    id = ctx.index.editions.get(id)?.data.supersedes;
  }
  const a = ctx.index.editions.get(later)?.data.effectiveFrom;
  const b = ctx.index.editions.get(earlier)?.data.effectiveFrom;
  return a !== undefined && b !== undefined && startKey({ effectiveFrom: a }) > startKey({ effectiveFrom: b });
}

/** One adopted or partly-adopted step names an existing standard of a later edition of the same body. */
function checkAdoptingStandard(
  ctx: RuleContext,
  report: Report,
  r: RecommendationEntry,
  i: number,
  standard: string,
): void {
  const path = ['history', i, 'standard'];
  const s = ctx.content.standards.find((x) => x.id === standard);
  const own = (ctx.index.standardsByEdition.get(r.data.edition) ?? []).map((x) => x.id);
  if (!s) {
    report({
      file: r.file,
      path,
      message: 'names a standard that does not exist',
      found: `\`${standard}\``,
      expected: `the ID of a standard (<edition-id>/<code-slug>) of a later edition of \`${r.data.accreditor}\``,
      fix:
        didYouMean(
          standard,
          ctx.content.standards.map((x) => x.id),
        ) ?? 'add the later edition and its standard first, then name it here',
    });
    return;
  }
  const body = bodyOf(ctx, s.edition);
  if (body !== r.data.accreditor || !isLaterEdition(ctx, s.edition, r.data.edition)) {
    report({
      file: r.file,
      path,
      message:
        body !== r.data.accreditor
          ? `\`${standard}\` is a standard of \`${body}\`, not of \`${r.data.accreditor}\``
          : `\`${standard}\` is not in an edition later than \`${r.data.edition}\``,
      found: `\`${standard}\` (edition \`${s.edition}\`)`,
      expected: `a standard of an edition of \`${r.data.accreditor}\` that supersedes or starts after \`${r.data.edition}\``,
      fix: own.includes(standard)
        ? 'adoption shows in a later edition: add that edition (with `supersedes`) and name its standard'
        : `name the standard of the later edition of \`${r.data.accreditor}\` that adopted it`,
    });
  }
}

/** The history starts with draft, is dated and in order, moves only along allowed transitions. */
const recommendationHistory: Rule = {
  id: 'recommendation-history',
  description:
    'status history: real dates not in the future, oldest first, starting with draft, only allowed transitions; adopted and partly-adopted name a standard of a later edition of the same body (and only they do)',
  run(ctx, report) {
    for (const r of ctx.content.recommendations) {
      const h = r.data.history;
      h.forEach((step, i) => {
        const at = (f: string) => ['history', i, f];
        if (!isIsoDate(step.date) || step.date > ctx.today) {
          report({
            file: r.file,
            path: at('date'),
            message: 'status date is not a real past date',
            found: JSON.stringify(step.date),
            expected: `a calendar date on or before ${ctx.today}`,
            fix: 'write the date the status was actually reached',
          });
        } else if (i > 0 && step.date < h[i - 1]!.date) {
          report({
            file: r.file,
            path: at('date'),
            message: `history is out of order: ${step.status} on ${step.date} comes before ${h[i - 1]!.status} on ${h[i - 1]!.date}`,
            found: step.date,
            expected: `a date on or after ${h[i - 1]!.date}`,
            fix: 'list the statuses oldest first, each with the date it was reached',
          });
        }
        if (i === 0 && step.status !== 'draft') {
          report({
            file: r.file,
            path: at('status'),
            message: 'the history must start with draft',
            found: step.status,
            expected: 'draft',
            fix: 'add a first entry `- status: draft` with the date the recommendation was drafted',
          });
        }
        if (i > 0) {
          const prev = h[i - 1]!.status;
          const allowed = STATUS_TRANSITIONS[prev];
          if (!allowed.includes(step.status)) {
            report({
              file: r.file,
              path: at('status'),
              message: `a recommendation cannot go from ${prev} to ${step.status}`,
              found: `${prev} -> ${step.status}`,
              expected: allowed.length ? `after ${prev}: ${allowed.join(', ')}` : `nothing after ${prev}`,
              fix: allowed.length
                ? `record the steps in between (e.g. ${allowed[0]}), or correct the status`
                : `${prev} is final: start a new recommendation for anything further`,
            });
          }
        }
        if (isAdopted(step.status) && step.standard === undefined) {
          report({
            file: r.file,
            path: at('status'),
            message: `${step.status} needs the standard that adopted it`,
            found: 'no `standard`',
            expected: `\`standard:\` the ID of a standard of a later edition of \`${r.data.accreditor}\``,
            fix: 'add `standard: <edition-id>/<code-slug>` to this entry',
          });
        } else if (!isAdopted(step.status) && step.standard !== undefined) {
          report({
            file: r.file,
            path: at('standard'),
            message: `only adopted and partly-adopted name an adopting standard, not ${step.status}`,
            found: `\`${step.standard}\``,
            expected: 'no `standard` on this entry',
            fix: 'delete `standard`, or correct the status',
          });
        } else if (step.standard !== undefined) checkAdoptingStandard(ctx, report, r, i, step.standard);
      });
    }
  },
};

export const RECOMMENDATION_RULES: readonly Rule[] = [
  recommendationTarget,
  recommendationCells,
  recommendationModelLanguage,
  recommendationEvidence,
  recommendationHistory,
];
