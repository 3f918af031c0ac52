#!/usr/bin/env node
/**
 * npm run generate [-- --check]: writes the files generated from the schemas (JSON Schema files and
 * the field/rule reference in docs/data-model.md and CONTRIBUTING.md). --check fails if any is stale.
 */
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { z } from 'astro/zod';
import { SCHEMAS, stubSchema } from '../src/schemas/index.ts';
import { fieldReferenceMarkdown, replaceBetween, rulesMarkdown } from '../src/lib/field-reference.ts';
import { gapReportSchema } from '../src/lib/report/schema.ts';

const check = process.argv.includes('--check');
const outputs = new Map<string, string>();

const jsonSchema = (schema: z.ZodType, title: string) =>
  `${JSON.stringify({ $comment: 'generated from src/schemas by `npm run generate`; do not edit', title, ...z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) }, null, 2)}\n`;
for (const [kind, schema] of Object.entries(SCHEMAS)) {
  outputs.set(
    `src/schemas/json/${kind}.schema.json`,
    jsonSchema(z.union([schema, stubSchema]), `IP-CLE Crosswalk ${kind} frontmatter`),
  );
}
outputs.set('src/schemas/json/gap-report.schema.json', jsonSchema(gapReportSchema, 'IP-CLE Crosswalk gap report'));

for (const doc of ['docs/data-model.md', 'CONTRIBUTING.md']) {
  if (!existsSync(doc)) continue;
  let text = readFileSync(doc, 'utf8');
  text = replaceBetween(text, 'fields', fieldReferenceMarkdown());
  if (text.includes('<!-- rules:start -->')) text = replaceBetween(text, 'rules', rulesMarkdown());
  outputs.set(doc, text);
}

const stale: string[] = [];
for (const [path, text] of outputs) {
  const current = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
  if (current === text) continue;
  if (check) stale.push(path);
  else {
    mkdirSync(path.slice(0, path.lastIndexOf('/')), { recursive: true });
    writeFileSync(path, text);
    console.log(`wrote ${path}`);
  }
}
if (check && stale.length) {
  console.error(`stale generated files: ${stale.join(', ')}\nrun \`npm run generate\` and commit the result`);
  process.exit(1);
}
console.log(check ? `generated files up to date (${outputs.size} checked)` : `generated ${outputs.size} files`);
