/**
 * Reading an input file with a size limit, refusing anything but a regular file: a FIFO, a device or a
 * `.csv` symlinked to /dev/zero would otherwise block or never end. The file is opened first and then
 * examined, so what is checked is what is read.
 */
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { fileKind } from './files.ts';
import { megabytes as mb } from '../spreadsheet/limits.ts';

export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}

/** The bytes of a regular file of at most `maxBytes`; throws InputError with what was found otherwise. */
export function readRegularFile(path: string, maxBytes: number): Uint8Array {
  let fd: number;
  try {
    // Non-blocking, so opening a FIFO with no writer returns at once instead of waiting.
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    throw new InputError(`cannot open ${path} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile())
      throw new InputError(
        `${path} is ${fileKind(st)}, not a regular file; give the path of an exported .xlsx or .csv file`,
      );
    if (st.size > maxBytes)
      throw new InputError(`${path} is ${mb(st.size)}; at most ${mb(maxBytes)} can be imported at once`);
    // One byte more than the size, to notice a file that grows while it is read.
    const buf = new Uint8Array(st.size + 1);
    let n = 0;
    for (let got = 1; got > 0 && n < buf.length; n += got) got = readSync(fd, buf, n, buf.length - n, null);
    if (n > st.size) throw new InputError(`${path} grew while it was read; import it again when it is saved`);
    return buf.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}
