/** Builds the report model every format renders, so all formats show the same numbers. */
import {
  byProfession,
  computeCoverage,
  describeCounts,
  evidenceShare,
  initiativeOpportunities,
  QUALIFIERS,
  reciprocity,
  zeroCounts,
  type Coverage,
  type Selection,
} from '../coverage.ts';
import type { CrosswalkIndex } from '../crosswalk.ts';
import { MAX_SHORT_CHARS } from '../limits.ts';
import { reportReviews } from '../review/report.ts';
import { actFirst, modelWording } from './committee-model.ts';
import type { GapReport } from './schema.ts';
import { REPORT_SCHEMA_VERSION } from './version.ts';

/** The longest institution name the cover takes: a name, not a paragraph. */
export const MAX_INSTITUTION_CHARS = MAX_SHORT_CHARS;

/** The institution name as the cover shows it (spaces collapsed), or a clear error when too long. */
export function institutionName(raw: string | undefined): string | undefined {
  const name = raw?.replace(/\s+/g, ' ').trim();
  if (name && name.length > MAX_INSTITUTION_CHARS)
    throw new RangeError(
      `The institution name is ${name.length} characters long; the cover takes at most ${MAX_INSTITUTION_CHARS}. Shorten it.`,
    );
  return name || undefined;
}

export interface ReportOptions {
  /** Institution named on the cover; blank means none. */
  institution?: string | undefined;
}

/**
 * The gap report for a selection: coverage, severities, gaps, opportunities and provenance, as one
 * serializable model that every format (JSON, CSV, XLSX, Markdown, HTML, PDF) renders.
 */
export function buildReport(
  crosswalk: CrosswalkIndex,
  sel: Selection,
  generatedOn: string,
  options: ReportOptions = {},
): GapReport {
  const institution = institutionName(options.institution);
  const cov = computeCoverage(crosswalk, sel);
  const total = zeroCounts();
  for (const r of cov.rows) for (const k of Object.keys(total) as (keyof typeof total)[]) total[k] += r.counts[k];
  const sum = (f: (b: (typeof cov.bodies)[number]) => number) => cov.bodies.reduce((n, b) => n + f(b), 0);
  const qualified = Object.fromEntries(QUALIFIERS.map((q) => [q, 0])) as Record<(typeof QUALIFIERS)[number], number>;
  for (const r of cov.rows) for (const c of r.cells) for (const q of c.qualifiers) qualified[q]++;
  const editionLabel = (id: string) => {
    const e = crosswalk.editions.get(id);
    return e ? `${e.title} (${e.edition})` : id;
  };
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    title: 'IP-CLE Crosswalk gap report',
    ...(institution && { institution }),
    dataVersion: crosswalk.data.version,
    generatedOn,
    selection: {
      accreditors: [...sel.accreditors],
      professions: [...sel.professions],
      kinds: [...sel.kinds],
      countries: [...sel.countries],
      characteristics: [...sel.characteristics],
      on: sel.on,
    },
    summary: {
      bodies: cov.bodies.length,
      characteristics: cov.rows.length,
      cells: cov.bodies.length * cov.rows.length,
      counts: total,
      standards: sum((b) => b.standards),
      verifiedStandards: sum((b) => b.verified),
      mappings: sum((b) => b.mappings),
      reviewedMappings: sum((b) => b.reviewedMappings),
      organisations: new Set(cov.bodies.map((b) => b.accreditor.name)).size,
      qualified,
      carried: sum((b) => b.carried),
      solidCells: evidenceShare(cov).solid,
    },
    bodies: cov.bodies.map((b) => ({
      id: b.accreditor.id,
      name: b.accreditor.name,
      abbreviation: b.accreditor.abbreviation,
      label: b.accreditor.label,
      kind: b.accreditor.kind,
      professions: [...b.accreditor.professions],
      country: b.accreditor.country,
      edition: {
        id: b.edition!.id,
        title: b.edition!.title,
        edition: b.edition!.edition,
        ...(b.edition!.effectiveFrom !== undefined && { effectiveFrom: b.edition!.effectiveFrom }),
        ...(b.edition!.effectiveTo !== undefined && { effectiveTo: b.edition!.effectiveTo }),
        sourceUrl: b.edition!.sourceUrl,
        textRead: b.edition!.textRead,
      },
      ...(b.newerMayExistSince !== undefined && { newerMayExistSince: b.newerMayExistSince }),
      ...(b.accreditor.editorialStatus !== undefined && { editorialStatus: b.accreditor.editorialStatus }),
      carried: b.carried,
      counts: b.counts,
      standards: b.standards,
      verifiedStandards: b.verified,
      mappings: b.mappings,
      reviewedMappings: b.reviewedMappings,
      ...(b.transition && {
        transition: {
          from: b.transition.from.id,
          to: b.transition.to.id,
          toTitle: `${b.transition.to.title} (${b.transition.to.edition})`,
          ...(b.transition.startsOn !== undefined && { startsOn: b.transition.startsOn }),
          ...(b.transition.note !== undefined && { note: b.transition.note }),
          changes: b.transition.changes,
        },
      }),
    })),
    noEdition: cov.noEdition.map((a) => ({ id: a.id, name: a.name })),
    characteristics: cov.rows.map((r) => ({
      id: r.characteristic.id,
      name: r.characteristic.name,
      level: r.characteristic.level,
      domain: r.characteristic.domain,
      severity: r.severity,
      counts: r.counts,
      carried: r.carried,
      summary: describeCounts(r.counts, cov.bodies.length),
      cells: r.cells.map((c, i) => ({
        body: cov.bodies[i]!.accreditor.id,
        status: c.status,
        support: c.support,
        qualifiers: c.qualifiers,
        standards: c.standards,
        ...(c.carried && {
          carried: {
            from: c.carried.from,
            fromLabel: editionLabel(c.carried.from),
            status: c.carried.status,
            standards: c.carried.standards,
          },
        }),
      })),
    })),
    ...gapAndOpportunityCells(crosswalk, cov),
    actFirst: actFirst(cov),
    modelWording: modelWording(crosswalk, cov, sel.on),
    professions: byProfession(cov),
    opportunities: {
      initiatives: initiativeOpportunities(crosswalk, cov).map((o) => ({
        id: o.initiative.id,
        name: o.initiative.name,
        characteristics: [...o.initiative.characteristics],
        bodies: o.bodies,
        standards: o.standards,
      })),
      reciprocity: reciprocity(crosswalk, cov).map((p) => ({
        a: { body: p.a.accreditor, standards: p.a.standards.map((s) => s.id) },
        b: { body: p.b.accreditor, standards: p.b.standards.map((s) => s.id) },
      })),
    },
    reviewAgreement: reportReviews(crosswalk, {
      editions: cov.bodies.map((b) => b.edition!.id),
      characteristics: cov.rows.map((r) => r.characteristic.id),
    }),
  };
}

/** The report's gap cells, opportunity cells and the recommendations that target them, in one pass over the cells. */
function gapAndOpportunityCells(
  crosswalk: CrosswalkIndex,
  cov: Coverage,
): Pick<GapReport, 'gaps' | 'opportunityCells' | 'recommendations'> {
  const gaps: GapReport['gaps'] = [];
  const opportunityCells: GapReport['opportunityCells'] = [];
  const targets: { characteristic: string; edition: string }[] = [];
  for (const r of cov.rows)
    r.cells.forEach((c, i) => {
      if (c.status !== 'gap' && c.status !== 'opportunity') return;
      const cell = {
        characteristic: r.characteristic.id,
        body: cov.bodies[i]!.accreditor.id,
        edition: cov.bodies[i]!.edition!.id,
      };
      if (c.status === 'gap') gaps.push(cell);
      else opportunityCells.push({ ...cell, standards: c.standards.map((s) => s.id) });
      targets.push({ characteristic: cell.characteristic, edition: cell.edition });
    });
  return { gaps, opportunityCells, recommendations: recommendationsFor(crosswalk, targets) };
}

/** The recommendations that target the report's gap and opportunity cells, each with the cells it targets there. */
function recommendationsFor(
  crosswalk: CrosswalkIndex,
  cells: readonly { characteristic: string; edition: string }[],
): NonNullable<GapReport['recommendations']> {
  const out = new Map<string, NonNullable<GapReport['recommendations']>[number]>();
  for (const { characteristic, edition } of cells) {
    for (const r of crosswalk.recommendationsByCell.get(edition)?.get(characteristic) ?? []) {
      const cell = r.addresses.find((a) => a.characteristic === characteristic)!.cell;
      const entry = out.get(r.id) ?? {
        id: r.id,
        title: r.title,
        status: r.status,
        body: r.accreditor,
        edition: r.edition,
        cells: [],
      };
      entry.cells.push({ characteristic, cell });
      out.set(r.id, entry);
    }
  }
  return [...out.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
