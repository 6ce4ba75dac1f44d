import { isRole, type Role } from '../auth/role.ts';
import type { ApiKeyRow } from './keys.table.ts';

/** An API key as the service hands it out: everything but its hash. */
export interface ApiKey {
  readonly id: string;
  readonly orgId: string;
  readonly role: Role;
  readonly name: string | null;
  /** The public part of the key (`pk_<prefix>_…`), so a holder can tell which key they have. */
  readonly prefix: string;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly lastUsedAt: string | null;
  readonly expiresAt: string | null;
  readonly revokedAt: string | null;
}

export function apiKeyFromRow(row: ApiKeyRow): ApiKey {
  if (!isRole(row.role)) throw new Error(`api_keys row ${row.id} has an unknown role`);
  return {
    id: row.id,
    orgId: row.org_id,
    role: row.role,
    name: row.name,
    prefix: row.prefix,
    createdBy: row.created_by,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
  };
}

/** Whether the key can still authenticate at `now`. */
export function isApiKeyActive(key: Pick<ApiKey, 'revokedAt' | 'expiresAt'>, now: Date): boolean {
  return key.revokedAt === null && (key.expiresAt === null || key.expiresAt > now.toISOString());
}
