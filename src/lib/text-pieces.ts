/**
 * Small strings gathered into pieces of about `size` characters (a string longer than that comes as one
 * piece): what the streamed text downloads write (json-chunks.ts, csv.ts), so a large file is never
 * held whole and a stream is not called once per line. The pieces joined are the strings joined.
 */
export function* gather(parts: Iterable<string>, size = 1 << 16): Generator<string> {
  let buffered = '';
  for (const p of parts) {
    buffered += p;
    if (buffered.length >= size) {
      yield buffered;
      buffered = '';
    }
  }
  if (buffered) yield buffered;
}
