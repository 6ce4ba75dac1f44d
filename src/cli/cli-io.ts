/**
 * What a data command reads and writes, injected so tests run commands in process: the streams,
 * the environment (`PROMPTER_URL`, `DB_URL`, …) and the fetch the HTTP client uses.
 */
export interface CliIo {
  readonly stdout: { write(text: string): unknown };
  /** `isTTY` decides whether a spinner may show. */
  readonly stderr: { write(text: string): unknown; readonly isTTY?: boolean };
  readonly environment: Readonly<Record<string, string | undefined>>;
  /** Read by `--file -`. */
  readonly stdin?: AsyncIterable<string | Buffer> | Iterable<string | Buffer>;
  readonly fetch?: typeof fetch;
}

export function processIo(): CliIo {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    environment: process.env,
    stdin: process.stdin,
  };
}
