/** Enumerations that browser code needs, kept free of zod so the report builder's bundle stays small. */
export const ACCREDITOR_KINDS = [
  'academic-accreditor',
  'practice-accreditor',
  'recognition-program',
  'regulator',
  'reference-framework',
  'formative-program',
] as const;
export type AccreditorKind = (typeof ACCREDITOR_KINDS)[number];
