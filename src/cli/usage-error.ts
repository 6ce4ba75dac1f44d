/** The command line asks for something impossible (exit code 2); the message says what to fix. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
