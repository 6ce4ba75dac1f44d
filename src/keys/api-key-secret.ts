import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * The API key format: `pk_<prefix>_<secret>`, 59 characters.
 * - `prefix`: 12 characters of lower-case base32 (60 random bits), stored in clear and unique, so a
 *   presented key finds its row with one indexed lookup and a holder can tell their keys apart.
 * - `secret`: 32 random bytes (256 bits) as unpadded base64url, 43 characters.
 *
 * Only a SHA-256 of the whole key is stored. Slow hashes (bcrypt, scrypt, Argon2) exist to make
 * guessing low-entropy passwords expensive; a 256-bit random secret cannot be guessed at any hash
 * speed, so a slow hash would only add tens of milliseconds to every request. A keyed hash (HMAC)
 * would need a server secret to manage and rotate and would add nothing against a 2^256 search.
 * Hashes are compared in constant time all the same.
 */
const KEY_PATTERN = /^pk_([a-z2-7]{12})_[A-Za-z0-9_-]{43}$/;
const KEY_LENGTH = 59;
const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

export interface GeneratedApiKeySecret {
  /** The whole key, shown to its creator once. */
  readonly secret: string;
  readonly prefix: string;
  readonly secretHash: string;
}

export function generateApiKeySecret(): GeneratedApiKeySecret {
  // 256 is a multiple of 32, so masking each byte keeps every letter equally likely.
  const prefix = Array.from(randomBytes(12), (byte) => BASE32[byte & 31]).join('');
  const secret = `pk_${prefix}_${randomBytes(32).toString('base64url')}`;
  return { secret, prefix, secretHash: hashApiKeySecret(secret) };
}

/** The lookup prefix of a well-formed key; null for anything else, whatever its type or size. */
export function apiKeyPrefixOf(candidate: unknown): string | null {
  if (typeof candidate !== 'string' || candidate.length !== KEY_LENGTH) return null;
  return KEY_PATTERN.exec(candidate)?.[1] ?? null;
}

/** SHA-256 of the whole key, as lower-case hex. */
export function hashApiKeySecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** Compares two hex hashes in time independent of where they differ. */
export function apiKeyHashesMatch(presentedHash: string, storedHash: string): boolean {
  const presented = Buffer.from(presentedHash, 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return presented.length === stored.length && timingSafeEqual(presented, stored);
}
