/** The text is not JSON (RFC 8259). `position` is the 0-based UTF-16 offset of the problem. */
export class JsonSyntaxError extends SyntaxError {
  override readonly name = 'JsonSyntaxError';

  constructor(
    message: string,
    readonly position: number,
  ) {
    super(message);
  }
}
