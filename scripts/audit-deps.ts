#!/usr/bin/env node
/**
 * npm run audit:deps [-- --root DIR]
 * Offline dependency audit: every package in package-lock.json against security/advisories.json,
 * with licences (flagging any that is not permissive) and deprecations. Works without the registry,
 * which refuses `npm audit` here. Exit 0 ok, 1 an unaccepted advisory matches or an acceptance is
 * stale, 2 bad usage or an unreadable file.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { audit, auditFailed, advisoryFileSchema, lockPackages } from '../src/lib/deps/audit.ts';
import { licenceFromFileText } from '../src/lib/deps/licences.ts';
import { renderAudit } from '../src/lib/deps/report.ts';

const USAGE = 'usage: npm run audit:deps [-- --root DIR]';

/** A licence the lockfile lacks, from the installed package.json or its LICENSE file. */
function installedLicence(root: string, path: string): string | undefined {
  const dir = join(root, path);
  try {
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
      license?: string | { type?: string };
      licenses?: { type?: string }[];
    };
    const declared =
      typeof pkg.license === 'string'
        ? pkg.license
        : (pkg.license?.type ?? pkg.licenses?.map((l) => l.type).join(' OR '));
    if (declared) return declared;
    const file = readdirSync(dir).find((f) => /^licen[cs]e/i.test(f));
    return file ? licenceFromFileText(readFileSync(join(dir, file), 'utf8')) : undefined;
  } catch {
    return undefined; // not installed here (another platform's optional package)
  }
}

const readJson = (file: string): unknown => JSON.parse(readFileSync(file, 'utf8'));

/** The audit of the project at `root`: the report text and whether it failed. */
export function auditProject(root: string): { text: string; failed: boolean } {
  const parsed = advisoryFileSchema.safeParse(readJson(join(root, 'security/advisories.json')));
  if (!parsed.success)
    throw new Error(
      `security/advisories.json: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  const packages = lockPackages(readJson(join(root, 'package-lock.json')), (path) => installedLicence(root, path));
  const result = audit(packages, parsed.data);
  return { text: renderAudit(result, parsed.data.reviewed), failed: auditFailed(result) };
}

/** The script, callable in-process: prints the report, returns the exit code. */
export function main(argv: string[]): number {
  let root: string;
  try {
    const { values } = parseArgs({
      args: argv,
      options: { root: { type: 'string', default: '.' }, help: { type: 'boolean', default: false } },
    });
    if (values.help) {
      console.log(USAGE);
      return 0;
    }
    root = resolve(values.root);
  } catch (e) {
    console.error(`audit:deps: ${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  try {
    for (const f of ['package-lock.json', 'security/advisories.json'])
      if (!existsSync(join(root, f)))
        throw new Error(`${join(root, f)} not found: run from the repository root or pass --root`);
    const { text, failed } = auditProject(root);
    process.stdout.write(text);
    return failed ? 1 : 0;
  } catch (e) {
    console.error(`audit:deps: ${(e as Error).message}`);
    return 2;
  }
}

if (import.meta.main) process.exitCode = main(process.argv.slice(2));
