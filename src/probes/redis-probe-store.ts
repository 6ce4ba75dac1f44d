import type { Redis } from 'ioredis';
import type { VersionParts, VersionProbe } from '../providers/provider-contract.ts';

/**
 * The cross-process half of probe coalescing (docs/api-contract.md §5): a lock at the probe key and the
 * winner's result at `<key>:result`, both expiring after an hour. Every method rejects on a Redis
 * error; the coalescer decides what that means.
 */
export interface RedisProbeStore {
  /** The probe a process stored for this key; null when there is none (or it is unreadable). */
  readResult(key: string): Promise<VersionProbe | null>;
  /** Takes the lock when nobody holds it; false when another process does. */
  tryLock(key: string, token: string): Promise<boolean>;
  writeResult(key: string, probe: VersionProbe): Promise<void>;
  /** Drops the lock only if `token` still holds it, so a peer can probe after a failure. */
  releaseLock(key: string, token: string): Promise<void>;
}

export const probeTtlSeconds = 3600;

const releaseIfHeld = `if redis.call('get', KEYS[1]) == ARGV[1] then
  return redis.call('del', KEYS[1])
end
return 0`;

export function createRedisProbeStore(redis: Redis): RedisProbeStore {
  return {
    async readResult(key) {
      return parseStoredProbe(await redis.get(resultKey(key)));
    },
    async tryLock(key, token) {
      return (await redis.set(key, token, 'EX', probeTtlSeconds, 'NX')) === 'OK';
    },
    async writeResult(key, probe) {
      await redis.set(resultKey(key), JSON.stringify(probe), 'EX', probeTtlSeconds);
    },
    async releaseLock(key, token) {
      await redis.eval(releaseIfHeld, 1, key, token);
    },
  };
}

function resultKey(key: string): string {
  return `${key}:result`;
}

/** Another process (maybe another release) wrote this; anything unexpected counts as a miss. */
function parseStoredProbe(text: string | null): VersionProbe | null {
  if (text === null) return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const { versionKey, versionParts } = value as Record<string, unknown>;
  if (typeof versionKey !== 'string' || typeof versionParts !== 'object' || versionParts === null) {
    return null;
  }
  const parts = versionParts as Record<string, unknown>;
  const read = (name: keyof VersionParts) => {
    const part = parts[name];
    return typeof part === 'string' ? part : null;
  };
  return {
    versionKey,
    versionParts: {
      servedModelId: read('servedModelId'),
      systemFingerprint: read('systemFingerprint'),
      modelVersion: read('modelVersion'),
      serviceTier: read('serviceTier'),
      azureDeployment: read('azureDeployment'),
      azureApiVersion: read('azureApiVersion'),
    },
  };
}
