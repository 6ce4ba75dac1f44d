/** One key's fixed window after counting a request in it. */
export interface RateLimitWindow {
  /** Requests counted in the current window, this one included. */
  readonly count: number;
  /** Milliseconds until the window ends and the count starts again from 0. */
  readonly resetInMs: number;
}

/**
 * Where request counters live. `hit` counts one request for `key` in a fixed window of `windowMs`
 * that starts with the key's first request; it never throws (a store that can fail falls back).
 */
export interface RateLimitStore {
  hit(key: string, windowMs: number): Promise<RateLimitWindow>;
}
