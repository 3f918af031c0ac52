/**
 * An XLSX file is a zip. Before anything is inflated, its central directory is read for what each
 * part declares: a small file must not unpack to gigabytes, and a zip that holds no workbook is not one.
 * Given an inflate function (Node's zlib), it also checks that no part inflates beyond what it declares.
 */
import { IMPORT_LIMITS, megabytes } from './limits.ts';

export class ZipError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ZipError';
  }
}

interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

/** Inflate raw deflate data, failing once the output would exceed `maxBytes`. */
export type InflateRaw = (data: Uint8Array, maxBytes: number) => Uint8Array;

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const ZIP64_MARK = 0xffffffff;
const WORKBOOK = 'xl/workbook.xml';

function centralDirectory(bytes: Uint8Array, view: DataView): ZipEntry[] {
  // The end record is in the last 22 bytes plus a comment of at most 65,535 bytes.
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--)
    if (view.getUint32(i, true) === EOCD) {
      end = i;
      break;
    }
  if (end < 0) throw new ZipError('it is not a zip file (no end-of-archive record)');
  const count = view.getUint16(end + 10, true);
  const offset = view.getUint32(end + 16, true);
  if (offset === ZIP64_MARK || count === 0xffff)
    throw new ZipError('it is a ZIP64 archive, which no workbook of this size needs');
  if (count > IMPORT_LIMITS.zipEntries)
    throw new ZipError(`it holds ${count} parts; a workbook holds at most ${IMPORT_LIMITS.zipEntries}`);
  const entries: ZipEntry[] = [];
  let p = offset;
  for (let k = 0; k < count; k++) {
    if (p + 46 > bytes.length || view.getUint32(p, true) !== CENTRAL)
      throw new ZipError('its table of contents is damaged');
    const nameLength = view.getUint16(p + 28, true);
    const skip = nameLength + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
    entries.push({
      method: view.getUint16(p + 10, true),
      compressedSize: view.getUint32(p + 20, true),
      size: view.getUint32(p + 24, true),
      localOffset: view.getUint32(p + 42, true),
      name: new TextDecoder().decode(bytes.subarray(p + 46, p + 46 + nameLength)),
    });
    p += 46 + skip;
  }
  return entries;
}

/** Refuse a zip that is damaged, holds no workbook, or declares more than the limits allow. */
export function checkXlsxZip(bytes: Uint8Array, inflateRaw?: InflateRaw): void {
  if (bytes.length < 22) throw new ZipError('it is not a zip file');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const entries = centralDirectory(bytes, view);
  if (!entries.some((e) => e.name === WORKBOOK))
    throw new ZipError(`it is a zip file but holds no workbook (${WORKBOOK})`);
  let total = 0;
  for (const e of entries) {
    if (e.size === ZIP64_MARK || e.compressedSize === ZIP64_MARK)
      throw new ZipError(`part ${e.name} declares a ZIP64 size, which no workbook of this size needs`);
    total += e.size;
    if (total > IMPORT_LIMITS.inflatedBytes)
      throw new ZipError(
        `its parts unpack to more than ${megabytes(IMPORT_LIMITS.inflatedBytes)} (at ${e.name}); a workbook of the whole crosswalk unpacks to far less`,
      );
  }
  if (!inflateRaw) return;
  let validated = 0;
  for (const e of entries) {
    const data = checkInflated(bytes, view, e, inflateRaw);
    if (!/^xl\/worksheets\/[^/]+\.xml$/.test(e.name)) continue;
    validated += validatedCells(new TextDecoder().decode(data));
    // The reader visits every cell a dropdown range names: a few bytes could name billions.
    if (validated > IMPORT_LIMITS.validatedCells)
      throw new ZipError(
        `its dropdowns (data validation) cover more than ${IMPORT_LIMITS.validatedCells.toLocaleString('en')} cells (at ${e.name}); remove the data validation from whole columns, or export again`,
      );
  }
}

/** Cells that the data-validation ranges of one worksheet's XML cover. */
export function validatedCells(xml: string): number {
  let n = 0;
  for (const m of xml.matchAll(/<(?:\w+:)?dataValidation\b[^>]*?\ssqref="([^"]*)"/g))
    for (const ref of m[1]!.trim().split(/\s+/)) {
      const [a, b = a] = ref.split(':').map(cellAt);
      if (a && b) n += (Math.abs(b.row - a.row) + 1) * (Math.abs(b.col - a.col) + 1);
    }
  return n;
}

function cellAt(ref: string | undefined): { row: number; col: number } | undefined {
  const m = /^\$?([A-Z]{1,3})\$?(\d{1,7})$/.exec(ref ?? '');
  if (!m) return undefined;
  const col = [...m[1]!].reduce((c, ch) => c * 26 + ch.charCodeAt(0) - 64, 0);
  return { row: Number(m[2]), col };
}

/** A part must not inflate to more than it declares (a forged size would otherwise slip past the limit). */
function checkInflated(bytes: Uint8Array, view: DataView, e: ZipEntry, inflateRaw: InflateRaw): Uint8Array {
  if (e.method !== 0 && e.method !== 8)
    throw new ZipError(`part ${e.name} uses compression method ${e.method}, not deflate`);
  const p = e.localOffset;
  if (p + 30 > bytes.length || view.getUint32(p, true) !== LOCAL) throw new ZipError(`part ${e.name} is damaged`);
  const start = p + 30 + view.getUint16(p + 26, true) + view.getUint16(p + 28, true);
  if (e.method === 0) return bytes.subarray(start, start + e.size);
  try {
    return inflateRaw(bytes.subarray(start, start + e.compressedSize), e.size);
  } catch {
    throw new ZipError(`part ${e.name} unpacks to more than the ${megabytes(e.size)} it declares, or is damaged`);
  }
}
