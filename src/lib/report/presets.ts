/** Named selections for the report builder; each is a link, so a preset can be shared like any report. */

export interface Preset {
  id: string;
  name: string;
  /** Accreditor IDs (file names in content/accreditors). */
  bodies: readonly string[];
}

export const PRESETS: readonly Preset[] = [
  {
    id: 'us-academic-health-centre',
    name: 'US academic health centre',
    bodies: ['lcme', 'ccne', 'acpe', 'acgme-cpr', 'tjc-hospital'],
  },
  {
    id: 'uk-medicine-nursing-pharmacy',
    name: 'UK medicine, nursing and pharmacy',
    bodies: ['gmc-promoting-excellence', 'nmc-education-framework', 'gphc'],
  },
  {
    id: 'australian-health-sciences',
    name: 'Australian medicine, nursing and pharmacy',
    bodies: ['amc', 'anmac', 'apc'],
  },
];

/** Presets whose every body is in the crosswalk (a preset missing a body would mislead). */
export function availablePresets(known: ReadonlySet<string>, presets: readonly Preset[] = PRESETS): Preset[] {
  return presets.filter((p) => p.bodies.every((b) => known.has(b)));
}

/** The builder's link for a preset: its bodies, and its name for the cover. */
export function presetParams(p: Preset): URLSearchParams {
  const params = new URLSearchParams();
  for (const b of p.bodies) params.append('body', b);
  params.set('preset', p.name);
  return params;
}
