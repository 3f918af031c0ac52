import { ID_PATTERN } from '../schemas/common.ts';

/** The file name (without .md) for a standard code: lowercase, runs of other characters become "-". */
export function slugifyCode(code: string): string {
  return code
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

export function isValidId(id: string): boolean {
  return ID_PATTERN.test(id);
}

/** The ID a badly named file should have had, e.g. "Psychological Safety" -> "psychological-safety". */
export function suggestId(name: string): string {
  return slugifyCode(name);
}
