/** The readers of a content folder's side files (`exceptions.yaml`, `glossary.yaml`), for the check and every script that plans against content. */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { EXCEPTIONS_FILE, type ExceptionsSource } from '../check/exceptions.ts';
import { GLOSSARY_FILE } from '../glossary.ts';

/** The content folder as the check shows paths (relative to the working folder), with a trailing slash. */
function shownPrefix(contentDir: string): string {
  const shown = relative(process.cwd(), contentDir).split(sep).join('/');
  return shown ? `${shown}/` : '';
}

/** The folder's exceptions file, with paths as the check reports them (relative to the working folder). */
export function readExceptions(contentDir: string): ExceptionsSource | undefined {
  const file = join(contentDir, EXCEPTIONS_FILE);
  if (!existsSync(file)) return undefined;
  const prefix = shownPrefix(contentDir);
  return { path: `${prefix}${EXCEPTIONS_FILE}`, text: readFileSync(file, 'utf8'), contentPrefix: prefix };
}

/** The folder's glossary, with its path as the check reports it; undefined when the folder has none. */
export function readGlossary(contentDir: string): { path: string; text: string } | undefined {
  const file = join(contentDir, GLOSSARY_FILE);
  if (!existsSync(file)) return undefined;
  return { path: `${shownPrefix(contentDir)}${GLOSSARY_FILE}`, text: readFileSync(file, 'utf8') };
}
