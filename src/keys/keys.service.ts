import type { Kysely } from 'kysely';
import type { AuditService } from '../audit/audit.service.ts';
import type { KeyPrincipal } from '../auth/principal.ts';
import { isRole, type Role } from '../auth/role.ts';
import { NotFoundError, ValidationError, type ValidationIssue } from '../core/app-error.ts';
import { isUuid } from '../core/is-uuid.ts';
import type { RuntimeDeps } from '../core/runtime-deps.ts';
import type { DatabaseSchema } from '../db/database-schema.ts';
import { apiKeyFromRow, isApiKeyActive, type ApiKey } from './api-key.ts';
import {
  apiKeyHashesMatch,
  apiKeyPrefixOf,
  generateApiKeySecret,
  hashApiKeySecret,
} from './api-key-secret.ts';
import {
  countActiveApiKeys,
  findApiKeyById,
  findApiKeyByPrefix,
  insertApiKey,
  listApiKeyRows,
  markApiKeyRevoked,
  recordApiKeyUse,
} from './keys.repository.ts';

/** `last_used_at` is recorded at most this often per key, so reads do not each cost a write. */
export const LAST_USED_RESOLUTION_MS = 60_000;

export interface ApiKeyDraft {
  readonly orgId: string;
  readonly role: Role;
  readonly name: string | null;
  /** Who asked for the key: an API key id or `cli:<user>`; recorded in the audit log. */
  readonly createdBy: string;
  /** When the key stops working; null for never. Must be in the future. */
  readonly expiresAt: Date | null;
}

export interface CreatedApiKey {
  readonly key: ApiKey;
  /** The whole key. It is not stored and cannot be shown again. */
  readonly secret: string;
}

export interface KeysServiceDeps {
  /** The database itself (not a transaction): creating and revoking open their own. */
  readonly db: Kysely<DatabaseSchema>;
  readonly runtime: RuntimeDeps;
  readonly audit: AuditService;
}

/** API keys: issue, list, revoke, and turn a presented key into a principal (issue 5). */
export function createKeysService(deps: KeysServiceDeps) {
  const { db, runtime, audit } = deps;

  return {
    async createApiKey(draft: ApiKeyDraft): Promise<CreatedApiKey> {
      const now = runtime.now();
      validateDraft(draft, now);
      const { secret, prefix, secretHash } = generateApiKeySecret();
      const row = {
        id: runtime.newId(),
        org_id: draft.orgId,
        role: draft.role,
        name: draft.name,
        // 60 random bits: even after a million keys the odds of any clash are below one in two
        // million, and a clash is a unique-constraint error, so it is not retried.
        prefix,
        secret_hash: secretHash,
        created_by: draft.createdBy,
        created_at: now.toISOString(),
        last_used_at: null,
        expires_at: draft.expiresAt?.toISOString() ?? null,
        revoked_at: null,
      };
      await db.transaction().execute(async (transaction) => {
        await insertApiKey(transaction, row);
        await audit.record(
          {
            orgId: row.org_id,
            actor: draft.createdBy,
            action: 'key.created',
            targetType: 'api_key',
            targetId: row.id,
            details: { role: row.role, name: row.name, prefix, expires_at: row.expires_at },
          },
          transaction,
        );
      });
      return { key: apiKeyFromRow(row), secret };
    },

    /** Every key (or one org's), newest first, revoked and expired ones included. */
    async listApiKeys(orgId?: string): Promise<ApiKey[]> {
      return (await listApiKeyRows(db, orgId)).map(apiKeyFromRow);
    },

    /**
     * Revokes a key for good; revoking a revoked key changes nothing and records nothing.
     * @throws NotFoundError for an unknown id.
     */
    async revokeApiKey(id: string, actor: string): Promise<ApiKey> {
      if (!isUuid(id)) throw new NotFoundError('API key not found');
      const keyId = id.toLowerCase();
      const row = await db.transaction().execute(async (transaction) => {
        const revoked = await markApiKeyRevoked(transaction, keyId, runtime.now().toISOString());
        const current = await findApiKeyById(transaction, keyId);
        if (current !== undefined && revoked) {
          await audit.record(
            {
              orgId: current.org_id,
              actor,
              action: 'key.revoked',
              targetType: 'api_key',
              targetId: current.id,
              details: { role: current.role, name: current.name, prefix: current.prefix },
            },
            transaction,
          );
        }
        return current;
      });
      if (row === undefined) throw new NotFoundError('API key not found');
      return apiKeyFromRow(row);
    },

    /**
     * The principal of an active key; null for anything else (malformed, unknown, wrong secret,
     * revoked, expired). Never throws because of what it is given; database failures still throw.
     */
    async authenticate(secret: string): Promise<KeyPrincipal | null> {
      const prefix = apiKeyPrefixOf(secret);
      if (prefix === null) return null;
      const row = await findApiKeyByPrefix(db, prefix);
      if (row === undefined || !apiKeyHashesMatch(hashApiKeySecret(secret), row.secret_hash)) {
        return null;
      }
      const key = apiKeyFromRow(row);
      const now = runtime.now();
      if (!isApiKeyActive(key, now)) return null;
      const staleBefore = new Date(now.getTime() - LAST_USED_RESOLUTION_MS).toISOString();
      if (key.lastUsedAt === null || key.lastUsedAt < staleBefore) {
        await recordApiKeyUse(db, key.id, now.toISOString(), staleBefore);
      }
      return { kind: 'key', keyId: key.id, orgId: key.orgId, role: key.role };
    },

    /** Keys that can authenticate now; start-up refuses a public bind when there are none. */
    async countActiveKeys(): Promise<number> {
      return countActiveApiKeys(db, runtime.now().toISOString());
    },
  };
}

export type KeysService = ReturnType<typeof createKeysService>;

function validateDraft(draft: ApiKeyDraft, now: Date): void {
  const issues: ValidationIssue[] = [];
  const problem = (field: string, msg: string) =>
    issues.push({ loc: [field], msg, type: 'value_error' });
  if (!isText(draft.orgId, 200))
    problem('org_id', 'org_id must be 1 to 200 characters, without NUL');
  if (!isRole(draft.role)) problem('role', 'role must be admin, member or viewer');
  if (draft.name !== null && !isText(draft.name, 500)) {
    problem('name', 'name must be 1 to 500 characters, without NUL');
  }
  if (!isText(draft.createdBy, 200))
    problem('created_by', 'created_by must be 1 to 200 characters');
  const expiresAt = draft.expiresAt;
  if (expiresAt !== null && !(expiresAt.getTime() > now.getTime())) {
    problem('expires_at', 'expires_at must be a valid time in the future');
  }
  if (issues.length > 0) throw new ValidationError(issues);
}

function isText(value: unknown, maxLength: number): boolean {
  return (
    typeof value === 'string' &&
    value.length >= 1 &&
    value.length <= maxLength &&
    !value.includes('\u0000')
  );
}
