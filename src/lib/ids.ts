import { ID_PATTERN } from '../schemas/common.ts';

/** Printable ASCII, which Unicode normalisation leaves unchanged. */
const ASCII = /^[ -~]*$/;

/** The file name (without .md) for a standard code: lowercase, runs of other characters become "-". */
export function slugifyCode(code: string): string {
  // Normalisation (to drop accents) is a no-op on ASCII codes, which are nearly all: skip it there.
  const plain = ASCII.test(code) ? code : code.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  return plain
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
