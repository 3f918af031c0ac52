/** The one reader of a content folder's `exceptions.yaml`, for the check and every script that plans against content. */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { EXCEPTIONS_FILE, type ExceptionsSource } from '../check/exceptions.ts';

/** The folder's exceptions file, with paths as the check reports them (relative to the working folder). */
export function readExceptions(contentDir: string): ExceptionsSource | undefined {
  const file = join(contentDir, EXCEPTIONS_FILE);
  if (!existsSync(file)) return undefined;
  const shown = relative(process.cwd(), contentDir).split(sep).join('/');
  return {
    path: `${shown ? `${shown}/` : ''}${EXCEPTIONS_FILE}`,
    text: readFileSync(file, 'utf8'),
    contentPrefix: shown ? `${shown}/` : '',
  };
}
