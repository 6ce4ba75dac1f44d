/**
 * JSON text that is already serialised (a stored request, as it was written) and is written out
 * verbatim by `stringifyLosslessJson`: Node 20's stand-in for `JSON.rawJSON`, which it lacks.
 * The text must be JSON; it is not checked (it comes from Prompter's own serialiser).
 */
export class RawJson {
  constructor(readonly text: string) {}

  /** What `JSON.stringify` sees: the parsed value, numbers as doubles (lossy, but the shape). */
  toJSON(): unknown {
    return JSON.parse(this.text);
  }
}
