#!/usr/bin/env node
/**
 * npm run new -- KIND [--field value]... [--dry-run] [--no-input] [--content DIR]
 * KIND is characteristic, accreditor, edition, standard or initiative. Missing answers are asked for
 * when run in a terminal; every answer is checked as it is given. Never overwrites a file.
 * Exit 0 created, 1 invalid answers or a file that would not pass the check, 2 bad usage.
 */
import { createInterface } from 'node:readline/promises';
import type { ParseArgsOptionsConfig } from 'node:util';
import { ENTITY_KINDS, type EntityKind } from '../src/schemas/index.ts';
import { readContentDir } from '../src/lib/node/content-dir.ts';
import { formatHuman } from '../src/lib/diagnostics.ts';
import { runMain, startCli, type Fail } from '../src/lib/node/cli.ts';
import { OutputExistsError, writeFileAtomic } from '../src/lib/node/files.ts';
import {
  askMissing,
  buildScaffold,
  choicesOf,
  PROMPTS,
  resolveAnswers,
  scaffoldContext,
  type AnswerError,
  type Answers,
} from '../src/lib/scaffold.ts';

const USAGE = `usage: npm run new -- ${ENTITY_KINDS.join('|')} [--field value]... [--dry-run] [--no-input] [--content DIR]
       npm run new -- KIND --help   lists the fields of KIND`;

const options: ParseArgsOptionsConfig = {
  'dry-run': { type: 'boolean', default: false },
  'no-input': { type: 'boolean', default: false },
  content: { type: 'string', default: 'content' },
  help: { type: 'boolean', default: false },
};
for (const list of Object.values(PROMPTS))
  for (const p of list) options[p.flag] ??= { type: 'string', multiple: Boolean(p.multiple) };
for (const list of Object.values(PROMPTS))
  for (const p of list) if (p.multiple) options[p.flag] = { type: 'string', multiple: true };

/** The script, callable in-process: its exit code; a usage or content failure throws a CliExit. */
export async function main(argv: string[]): Promise<number> {
  const cli = startCli('new', USAGE, { args: argv, options, allowPositionals: true }, { ownHelp: true });
  const fail: Fail = cli.fail;
  const parsed = cli.args;
  const [kindArg, ...extra] = parsed.positionals;
  if (!kindArg) {
    if (parsed.values.help) {
      console.log(USAGE);
      return 0;
    }
    fail(2, `say what to create: one of ${ENTITY_KINDS.join(', ')}`);
  }
  if (!(ENTITY_KINDS as readonly string[]).includes(kindArg))
    fail(2, `unknown kind "${kindArg}": expected one of ${ENTITY_KINDS.join(', ')}`);
  if (extra.length) fail(2, `unexpected argument(s): ${extra.join(' ')} (put values after --flags, in quotes)`);
  const kind = kindArg as EntityKind;
  const prompts = PROMPTS[kind];

  if (parsed.values.help) {
    console.log(`npm run new -- ${kind} with these fields (required ones marked *):`);
    for (const p of prompts) {
      const choices = choicesOf(kind, p);
      console.log(
        `  --${p.flag}${p.required ? ' *' : ''}${p.multiple ? ' (repeatable)' : ''}  ${p.question}${choices ? ` [${choices.join(', ')}]` : ''}`,
      );
    }
    return 0;
  }

  const known = new Set(['dry-run', 'no-input', 'content', 'help', ...prompts.map((p) => p.flag)]);
  const foreign = Object.keys(parsed.values).filter((k) => !known.has(k));
  if (foreign.length)
    fail(2, `--${foreign.join(', --')} is not a field of ${kind}; run \`npm run new -- ${kind} --help\` for the list`);

  const given: Answers = {};
  for (const p of prompts) {
    const v = parsed.values[p.flag];
    if (v !== undefined) given[p.flag] = v as string | string[];
  }

  let ctx;
  try {
    ctx = scaffoldContext(readContentDir(parsed.values.content as string), parsed.values.content as string);
  } catch (e) {
    fail(2, (e as Error).message);
  }

  const printErrors = (errors: AnswerError[]) => {
    for (const e of errors)
      console.error(
        `--${e.flag}: ${e.message}\n    found:    ${e.found}\n    expected: ${e.expected}${e.fix ? `\n    fix:      ${e.fix}` : ''}`,
      );
  };

  let resolved = resolveAnswers(kind, given, ctx);
  if (resolved.errors.length) {
    printErrors(resolved.errors);
    fail(1, `${resolved.errors.length} invalid answer(s); nothing written`);
  }
  const interactive = Boolean(process.stdin.isTTY) && !parsed.values['no-input'];
  if (resolved.missing.length && !interactive) {
    for (const p of resolved.missing) console.error(`  --${p.flag}  ${p.question}`);
    fail(2, `missing required field(s) for ${kind}: --${resolved.missing.map((p) => p.flag).join(', --')}`);
  }
  if (interactive && (resolved.missing.length || Object.keys(given).length === 0)) {
    const rl = createInterface({ input: process.stdin, terminal: false });
    // Reading lines through one iterator keeps answers typed (or pasted) ahead of their question.
    const lines = rl[Symbol.asyncIterator]();
    const ask = async (q: string) => {
      process.stdout.write(q);
      const next = await lines.next();
      return next.done ? undefined : String(next.value);
    };
    console.log(`New ${kind}. Answer each question; the answer is checked before the next one.`);
    try {
      const answers = await askMissing(kind, given, ctx, ask, console.log, { optional: true });
      resolved = resolveAnswers(kind, answers, ctx);
    } catch (e) {
      rl.close();
      fail(1, `${(e as Error).message}; nothing written`);
    }
    rl.close();
    if (resolved.errors.length) {
      printErrors(resolved.errors);
      fail(1, 'invalid answers; nothing written');
    }
  }

  const scaffold = buildScaffold(kind, resolved.answers, ctx);
  for (const d of scaffold.diagnostics) console.error(`${formatHuman(d)}\n`);
  if (scaffold.errors > 0) fail(1, `${scaffold.path} would not pass the check; nothing written`);
  if (parsed.values['dry-run']) {
    process.stdout.write(scaffold.text);
    console.error(`(dry run) ${scaffold.path} would be created`);
    return 0;
  }
  try {
    writeFileAtomic(scaffold.path, scaffold.text);
  } catch (e) {
    if (e instanceof OutputExistsError) fail(1, `${scaffold.path} already exists; new never overwrites a file`);
    fail(2, `cannot write ${scaffold.path}: ${(e as Error).message}`);
  }
  console.log(
    `created ${scaffold.path}${scaffold.diagnostics.length ? ` (${scaffold.diagnostics.length} warning(s) above)` : ''}; ` +
      'next: read it over, write the summary below the second ---, and run `npm run check`',
  );
  return 0;
}

if (import.meta.main) await runMain(main);
