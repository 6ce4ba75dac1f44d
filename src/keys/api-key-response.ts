import type { ApiKey } from './api-key.ts';

/** The wire form of an API key (snake_case); never carries the secret or its hash. */
export interface ApiKeyResponse {
  readonly id: string;
  readonly org_id: string;
  readonly role: string;
  readonly name: string | null;
  readonly prefix: string;
  readonly created_by: string;
  readonly created_at: string;
  readonly last_used_at: string | null;
  readonly expires_at: string | null;
  readonly revoked_at: string | null;
}

export function toApiKeyResponse(key: ApiKey): ApiKeyResponse {
  return {
    id: key.id,
    org_id: key.orgId,
    role: key.role,
    name: key.name,
    prefix: key.prefix,
    created_by: key.createdBy,
    created_at: key.createdAt,
    last_used_at: key.lastUsedAt,
    expires_at: key.expiresAt,
    revoked_at: key.revokedAt,
  };
}
