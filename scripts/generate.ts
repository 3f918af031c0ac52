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
import { runMain, startCli } from '../src/lib/node/cli.ts';

const USAGE = 'usage: npm run generate [-- --check]';

const jsonSchema = (schema: z.ZodType, title: string) =>
  `${JSON.stringify({ $comment: 'generated from src/schemas by `npm run generate`; do not edit', title, ...z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) }, null, 2)}\n`;
/** Every generated file's path and its text as the schemas make it now. */
function generatedFiles(): Map<string, string> {
  const outputs = new Map<string, string>();
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
  return outputs;
}

/** The script, callable in-process: its exit code; bad usage throws a CliExit. */
export function main(argv: string[]): number {
  const cli = startCli('generate', USAGE, {
    args: argv,
    options: { check: { type: 'boolean', default: false }, help: { type: 'boolean', default: false } },
  });
  const check = cli.args.values.check;
  const outputs = generatedFiles();
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
    return 1;
  }
  console.log(check ? `generated files up to date (${outputs.size} checked)` : `generated ${outputs.size} files`);
  return 0;
}

if (import.meta.main) await runMain(main);
