export interface RedisGaugeOptions {
  /** Resolves true when Redis answered (e.g. a PING); false, a rejection or a hang mean down. */
  readonly check: () => Promise<boolean>;
  readonly setRedisUp: (up: boolean) => void;
  /** Refresh period; default 15 s (a typical scrape interval). */
  readonly intervalMs?: number;
  /** A check that has not answered by then counts as down; default min(intervalMs, 5 s). */
  readonly timeoutMs?: number;
}

const DEFAULT_INTERVAL_MS = 15_000;

/**
 * Keeps `prompter_redis_up` current: checks immediately, then every `intervalMs`, one check at a
 * time. The timer does not keep the process alive, and nothing here ever throws.
 */
export function startRedisGauge(options: RedisGaugeOptions): { stop(): void } {
  const intervalMs = options.intervalMs ?? DEFAULT_INTERVAL_MS;
  const timeoutMs = options.timeoutMs ?? Math.min(intervalMs, 5_000);
  let stopped = false;
  let checking = false;

  const publish = (up: boolean) => {
    if (stopped) return;
    try {
      options.setRedisUp(up);
    } catch {
      // The metrics adapter reports its own failures; the gauge keeps running.
    }
  };

  const refresh = async () => {
    if (checking || stopped) return;
    checking = true;
    let timeout: NodeJS.Timeout | undefined;
    try {
      const timedOut = new Promise<false>((resolve) => {
        timeout = setTimeout(() => resolve(false), timeoutMs);
        timeout.unref();
      });
      const answered = Promise.resolve()
        .then(options.check)
        .then((up) => up === true);
      // A late rejection of `answered` is already handled: `race` subscribed to it.
      publish(await Promise.race([answered, timedOut]));
    } catch {
      publish(false);
    } finally {
      clearTimeout(timeout);
      checking = false;
    }
  };

  void refresh();
  const timer = setInterval(() => void refresh(), intervalMs);
  timer.unref();
  return {
    stop() {
      stopped = true;
      clearInterval(timer);
    },
  };
}
