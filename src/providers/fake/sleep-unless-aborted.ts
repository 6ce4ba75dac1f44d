import { setTimeout as delay } from 'node:timers/promises';

export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

/** Waits on a timer that the signal cancels; an abort resolves it early (the caller checks). */
export const sleepOnTimer: Sleep = (ms, signal) =>
  delay(ms, undefined, signal === undefined ? undefined : { signal }).catch(() => undefined);

/**
 * Sleeps `ms` unless `signal` aborts first (or already has). True when the sleep ran its course,
 * false when it was aborted. Works with any `sleep`, including test doubles that ignore the signal.
 */
export async function sleepUnlessAborted(
  sleep: Sleep,
  ms: number,
  signal: AbortSignal | undefined,
): Promise<boolean> {
  if (signal?.aborted === true) return false;
  if (ms <= 0) return true;
  if (signal === undefined) {
    await sleep(ms);
    return true;
  }
  let onAbort = (): void => undefined;
  const aborted = new Promise<false>((resolve) => {
    onAbort = () => resolve(false);
    signal.addEventListener('abort', onAbort, { once: true });
  });
  try {
    return await Promise.race([sleep(ms, signal).then(() => !signal.aborted), aborted]);
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
}
