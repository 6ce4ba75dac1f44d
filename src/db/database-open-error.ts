/** The configured database cannot be used; the message names the file or server and why. */
export class DatabaseOpenError extends Error {
  override readonly name = 'DatabaseOpenError';
}
