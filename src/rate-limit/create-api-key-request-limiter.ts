import type { FastifyReply } from 'fastify';
import type { KeyPrincipal } from '../auth/principal.ts';
import { AppError } from '../core/app-error.ts';
import type { RateLimitStore } from './rate-limit-store.ts';

const WINDOW_MS = 60_000;

export interface ApiKeyRateLimit {
  /** `PROMPTER_RATE_LIMIT_PER_MINUTE`: requests one key may send per 60 s window. */
  readonly perMinute: number;
  readonly store: RateLimitStore;
}

/**
 * Counts one request of `principal`'s key and refuses it past the limit: a 429 `RATE_LIMITED`
 * with `Retry-After` (seconds until the window ends, rounded up). Every counted request carries
 * `X-RateLimit-Limit`, `X-RateLimit-Remaining` and `X-RateLimit-Reset` (seconds).
 *
 * @throws AppError `RATE_LIMITED` past the limit.
 */
export function createApiKeyRequestLimiter(limit: ApiKeyRateLimit) {
  return async function limitApiKeyRequests(
    principal: KeyPrincipal,
    reply: FastifyReply,
  ): Promise<void> {
    const window = await limit.store.hit(`key:${principal.keyId}`, WINDOW_MS);
    const resetSeconds = Math.max(1, Math.ceil(window.resetInMs / 1000));
    void reply.header('x-ratelimit-limit', String(limit.perMinute));
    void reply.header('x-ratelimit-remaining', String(Math.max(0, limit.perMinute - window.count)));
    void reply.header('x-ratelimit-reset', String(resetSeconds));
    if (window.count <= limit.perMinute) return;
    void reply.header('retry-after', String(resetSeconds));
    throw new AppError(
      'RATE_LIMITED',
      `Too many requests: this API key may send ${limit.perMinute} per minute. ` +
        `Retry after ${resetSeconds} s.`,
      { retry_after_seconds: resetSeconds },
    );
  };
}

export type ApiKeyRequestLimiter = ReturnType<typeof createApiKeyRequestLimiter>;
