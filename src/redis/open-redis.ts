import { Redis } from 'ioredis';

export interface RedisLog {
  warn(obj: object, msg: string): void;
}

/**
 * Opens the optional Redis (docs/api-contract.md §5) so that a down or slow Redis never blocks or fails a
 * request: commands fail at once while disconnected (no offline queue) and after a short timeout
 * when connected, reconnection backs off up to 5 s forever, and connection errors are logged at
 * warn and swallowed (an unhandled `error` event would crash the process). Callers treat any
 * command failure as "no Redis".
 */
export function openRedis(url: string, log: RedisLog): Redis {
  const redis = new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 2_000,
    commandTimeout: 1_000,
    retryStrategy: (attempt) => Math.min(100 * 2 ** Math.min(attempt, 6), 5_000),
    // disconnect() arms this timer even when the socket is already closed (Redis was down), and
    // it holds the process open: keep it short so shutdown stays quick.
    disconnectTimeout: 200,
  });
  let lastMessage: string | null = null;
  redis.on('error', (error: Error) => {
    // One line per distinct failure, not one per reconnect attempt.
    if (error.message === lastMessage) return;
    lastMessage = error.message;
    log.warn({ err: error }, 'Redis unavailable; continuing without it');
  });
  redis.on('ready', () => {
    lastMessage = null;
  });
  return redis;
}

/** Whether Redis answers PING within `timeoutMs`; false without a client or on any error. */
export async function isRedisUp(redis: Redis | null, timeoutMs = 500): Promise<boolean> {
  if (redis === null) return false;
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  try {
    const answer = redis.ping().then(
      (reply) => reply === 'PONG',
      () => false,
    );
    return await Promise.race([answer, timedOut]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}
