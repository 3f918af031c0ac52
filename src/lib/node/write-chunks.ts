/** Text pieces into a Node stream, waiting whenever it asks to (so a large file never piles up in memory). */
import { once } from 'node:events';
import type { Writable } from 'node:stream';

/** Writes `chunks`, then `tail`, and resolves when the stream has finished. */
export async function writeChunks(to: Writable, chunks: Iterable<string>, tail = ''): Promise<void> {
  const finished = once(to, 'finish');
  for (const chunk of chunks) if (!to.write(chunk, 'utf8')) await once(to, 'drain');
  to.end(tail, 'utf8');
  await finished;
}
