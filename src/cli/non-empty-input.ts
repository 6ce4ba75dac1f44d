import { Readable } from 'node:stream';

/**
 * `input` unchanged when it holds at least one byte, or null when it ends empty. Lets a command
 * skip loading what it needs only for input (`prompter hash < /dev/null` loads no validator).
 */
export async function nonEmptyInput(input: Readable): Promise<Readable | null> {
  const chunks: AsyncIterator<unknown> = input[Symbol.asyncIterator]();
  const first = await chunks.next();
  if (first.done === true) return null;
  return Readable.from(
    (async function* rest() {
      yield first.value;
      for (let next = await chunks.next(); next.done !== true; next = await chunks.next()) {
        yield next.value;
      }
    })(),
  );
}
