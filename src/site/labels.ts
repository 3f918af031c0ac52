/** Display labels for enumerated values, shared by pages and the browser scripts. */
import type { Bindingness, Strength, TextRead, Verification } from '../schemas/index.ts';
import type { ReviewStatus } from '../lib/crosswalk.ts';

export const VERIFICATION_LABEL: Record<Verification, string> = {
  verified: 'Verified in the body’s own text',
  secondary: 'Seen in a secondary source',
  unverified: 'Unverified',
};
export const VERIFICATION_SHORT: Record<Verification, string> = {
  verified: 'verified',
  secondary: 'secondary source',
  unverified: 'unverified',
};
export const STRENGTH_LABEL: Record<Strength, string> = {
  explicit: 'Explicit: required in so many words',
  partial: 'Partial: part of it, or one setting only',
  implicit: 'Implicit: can serve as evidence (integration opportunity)',
};
export const BINDING_LABEL: Record<Bindingness, string> = {
  required: 'Required',
  expected: 'Expected',
  guidance: 'Guidance',
};
export const REVIEW_LABEL: Record<ReviewStatus, string> = {
  reviewed: 'Reviewed (two professions agree)',
  proposed: 'Proposed (not yet reviewed by two professions)',
  disputed: 'Disputed (a reviewer dissents)',
};
export const KIND_LABEL: Record<string, string> = {
  'academic-accreditor': 'Academic accreditor',
  'practice-accreditor': 'Practice accreditor',
  'recognition-program': 'Recognition program',
  regulator: 'Regulator',
  'reference-framework': 'Reference framework',
  'formative-program': 'Formative program',
};
export const COUNTRY_LABEL: Record<string, string> = {
  US: 'United States',
  GB: 'United Kingdom',
  CA: 'Canada',
  AU: 'Australia',
  INT: 'International',
};

export function professionLabel(p: string): string {
  return p.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase());
}

export { percent } from '../lib/percent.ts';

export function standardLabel(s: { code: string; title?: string | undefined }): string {
  return s.title ? `${s.code} ${s.title}` : s.code;
}

/** How much of an edition's text was read, as a phrase. */
export const TEXT_READ_LABEL: Record<TextRead, string> = {
  full: 'whole text read',
  part: 'text read in part',
  none: 'text not yet read (title and dates only)',
};
