import type { CliIo } from './cli-io.ts';

/** How long work may take before a spinner appears: quick answers never flash one. */
export const SPINNER_DELAY_MS = 300;

/**
 * Runs `work`, showing a spinner on stderr while it takes longer than a moment — only on a
 * terminal and never with `--json` (stdout is never touched).
 */
export async function withSpinner<T>(
  io: CliIo,
  options: { readonly text: string; readonly json: boolean },
  work: () => Promise<T>,
): Promise<T> {
  if (options.json || io.stderr.isTTY !== true) return work();
  const { default: yoctoSpinner } = await import('yocto-spinner');
  const spinner = yoctoSpinner({
    text: options.text,
    stream: io.stderr as NodeJS.WriteStream,
    // The command decides what an interrupt does; the spinner only draws.
    handleSignals: false,
  });
  const timer = setTimeout(() => spinner.start(), SPINNER_DELAY_MS);
  try {
    return await work();
  } finally {
    clearTimeout(timer);
    spinner.stop();
  }
}
