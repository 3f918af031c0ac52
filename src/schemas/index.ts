/** The content model: one schema per entity kind, keyed by the folder its files live in. */
import type { z } from 'astro/zod';
import { accreditorSchema } from './accreditor.ts';
import { characteristicSchema } from './characteristic.ts';
import { editionSchema } from './edition.ts';
import { initiativeSchema } from './initiative.ts';
import { recommendationSchema } from './recommendation.ts';
import { standardSchema } from './standard.ts';

export * from './common.ts';
export * from './accreditor.ts';
export * from './characteristic.ts';
export * from './edition.ts';
export * from './initiative.ts';
export * from './mapping.ts';
export * from './recommendation.ts';
export * from './standard.ts';

export const ENTITY_KINDS = [
  'characteristic',
  'accreditor',
  'edition',
  'standard',
  'initiative',
  'recommendation',
] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

/** Folder under content/ for each kind. */
export const FOLDERS: Record<EntityKind, string> = {
  characteristic: 'characteristics',
  accreditor: 'accreditors',
  edition: 'editions',
  standard: 'standards',
  initiative: 'initiatives',
  recommendation: 'recommendations',
};

export const SCHEMAS = {
  characteristic: characteristicSchema,
  accreditor: accreditorSchema,
  edition: editionSchema,
  standard: standardSchema,
  initiative: initiativeSchema,
  recommendation: recommendationSchema,
} as const satisfies Record<EntityKind, z.ZodType>;

export type EntityData = { [K in EntityKind]: z.output<(typeof SCHEMAS)[K]> };
