import type { ExitCode } from './exit-codes.ts';

/**
 * A command failed and has already said why on stderr; `main.ts` only sets the exit code. Tests
 * calling a command in process read `exitCode` and the captured stderr.
 */
export class CliError extends Error {
  override readonly name = 'CliError';
  constructor(
    readonly exitCode: ExitCode,
    message: string,
  ) {
    super(message);
  }
}
