/** Parse and validate a report selection from CLI flags or URL parameters, with "did you mean". */
import { ACCREDITOR_KINDS, type AccreditorKind } from '../schemas/enums.ts';
import type { Selection } from './coverage.ts';
import type { CrosswalkIndex } from './crosswalk.ts';
import { isIsoDate } from './dates.ts';
import { didYouMean } from './suggest.ts';

export class SelectionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SelectionError';
  }
}

export interface SelectionInput {
  accreditors?: readonly string[];
  professions?: readonly string[];
  kinds?: readonly string[];
  countries?: readonly string[];
  characteristics?: readonly string[];
  on?: string;
}

function checkAll(values: readonly string[], known: Iterable<string>, what: string, flag: string): string[] {
  const set = new Set(known);
  for (const v of values) {
    if (!set.has(v)) {
      const hint = didYouMean(v, set);
      throw new SelectionError(
        `unknown ${what} "${v}" in ${flag}${hint ? `: ${hint}` : ''} (known: ${[...set].sort().join(', ')})`,
      );
    }
  }
  return [...new Set(values)];
}

export function parseSelection(crosswalk: CrosswalkIndex, input: SelectionInput, today: string): Selection {
  const on = input.on ?? today;
  if (!isIsoDate(on))
    throw new SelectionError(
      `invalid date "${on}" for --on: expected a calendar date written YYYY-MM-DD, e.g. 2027-03-01`,
    );
  const professions = new Set(crosswalk.data.accreditors.flatMap((a) => a.professions));
  return {
    accreditors: checkAll(input.accreditors ?? [], crosswalk.accreditors.keys(), 'accreditor', '--accreditor'),
    professions: checkAll(input.professions ?? [], professions, 'profession', '--profession'),
    kinds: checkAll(input.kinds ?? [], ACCREDITOR_KINDS, 'kind', '--kind') as AccreditorKind[],
    countries: checkAll(
      input.countries ?? [],
      new Set(crosswalk.data.accreditors.map((a) => a.country)),
      'country',
      '--country',
    ),
    characteristics: checkAll(
      input.characteristics ?? [],
      crosswalk.characteristics.keys(),
      'characteristic',
      '--characteristic',
    ),
    on,
  };
}

/** The selection as URL search parameters (the report builder's shareable link). */
export function selectionToParams(sel: Selection): URLSearchParams {
  const p = new URLSearchParams();
  for (const a of sel.accreditors) p.append('body', a);
  for (const a of sel.professions) p.append('profession', a);
  for (const a of sel.kinds) p.append('kind', a);
  for (const a of sel.countries) p.append('country', a);
  for (const a of sel.characteristics) p.append('characteristic', a);
  p.set('on', sel.on);
  return p;
}

export function paramsToInput(p: URLSearchParams): SelectionInput {
  const on = p.get('on');
  return {
    accreditors: p.getAll('body'),
    professions: p.getAll('profession'),
    kinds: p.getAll('kind'),
    countries: p.getAll('country'),
    characteristics: p.getAll('characteristic'),
    ...(on ? { on } : {}),
  };
}
