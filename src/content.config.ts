/**
 * Astro content collections over the same schemas and the same loader as `npm run check`, so the
 * site's data layer is typed by src/schemas and refuses invalid content with the check's messages.
 */
import { defineCollection } from 'astro:content';
import type { Loader } from 'astro/loaders';
import {
  accreditorSchema,
  characteristicSchema,
  editionSchema,
  initiativeSchema,
  standardSchema,
  type EntityKind,
} from './schemas/index.ts';
import { entriesOf } from './lib/content.ts';
import { getSite } from './lib/site/data.ts';

function crosswalkLoader(kind: EntityKind): Loader {
  return {
    name: `crosswalk-${kind}`,
    load: async ({ store, parseData }) => {
      store.clear();
      for (const e of entriesOf(getSite().loaded.check.content, kind)) {
        const entry = e as unknown as { id: string; data: Record<string, unknown>; file: { body: string } };
        const data = await parseData({ id: entry.id, data: entry.data });
        store.set({ id: entry.id, data, body: entry.file.body });
      }
    },
  };
}

export const collections = {
  characteristics: defineCollection({ loader: crosswalkLoader('characteristic'), schema: characteristicSchema }),
  accreditors: defineCollection({ loader: crosswalkLoader('accreditor'), schema: accreditorSchema }),
  editions: defineCollection({ loader: crosswalkLoader('edition'), schema: editionSchema }),
  standards: defineCollection({ loader: crosswalkLoader('standard'), schema: standardSchema }),
  initiatives: defineCollection({ loader: crosswalkLoader('initiative'), schema: initiativeSchema }),
};
