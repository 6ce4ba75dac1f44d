import type { Selectable } from 'kysely';

/**
 * `api_keys`: one row per API key. The key itself is never stored: `prefix` finds the row and
 * `secret_hash` (SHA-256 of the whole key, hex) proves the presented key. Timestamps are
 * ISO-8601 UTC text; `role` is `admin`, `member` or `viewer`.
 */
export interface ApiKeysTable {
  id: string;
  org_id: string;
  role: string;
  name: string | null;
  prefix: string;
  secret_hash: string;
  created_by: string;
  created_at: string;
  last_used_at: string | null;
  expires_at: string | null;
  revoked_at: string | null;
}

export type ApiKeyRow = Selectable<ApiKeysTable>;
