import type { Insertable } from 'kysely';
import type { DatabaseExecutor } from '../db/database-executor.ts';
import type { ApiKeyRow, ApiKeysTable } from './keys.table.ts';

export async function insertApiKey(
  db: DatabaseExecutor,
  row: Insertable<ApiKeysTable>,
): Promise<void> {
  await db.insertInto('api_keys').values(row).execute();
}

/** The key a presented secret claims to be, found by its public prefix. */
export async function findApiKeyByPrefix(
  db: DatabaseExecutor,
  prefix: string,
): Promise<ApiKeyRow | undefined> {
  return db.selectFrom('api_keys').selectAll().where('prefix', '=', prefix).executeTakeFirst();
}

export async function findApiKeyById(
  db: DatabaseExecutor,
  id: string,
): Promise<ApiKeyRow | undefined> {
  return db.selectFrom('api_keys').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Every key, or one org's, newest first (revoked and expired ones included). */
export async function listApiKeyRows(
  db: DatabaseExecutor,
  orgId: string | undefined,
): Promise<ApiKeyRow[]> {
  let select = db.selectFrom('api_keys').selectAll();
  if (orgId !== undefined) select = select.where('org_id', '=', orgId);
  return select.orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
}

/** Sets `revoked_at`; returns false when the key is unknown or already revoked. */
export async function markApiKeyRevoked(
  db: DatabaseExecutor,
  id: string,
  revokedAt: string,
): Promise<boolean> {
  const outcome = await db
    .updateTable('api_keys')
    .set({ revoked_at: revokedAt })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return outcome.numUpdatedRows > 0n;
}

/**
 * Records a use unless one was recorded since `staleBefore`; the condition is in the statement,
 * so servers sharing the database do not each write it.
 */
export async function recordApiKeyUse(
  db: DatabaseExecutor,
  id: string,
  usedAt: string,
  staleBefore: string,
): Promise<void> {
  await db
    .updateTable('api_keys')
    .set({ last_used_at: usedAt })
    .where('id', '=', id)
    .where((eb) => eb.or([eb('last_used_at', 'is', null), eb('last_used_at', '<', staleBefore)]))
    .execute();
}

/** Keys that are neither revoked nor expired at `now`. */
export async function countActiveApiKeys(db: DatabaseExecutor, now: string): Promise<number> {
  const row = await db
    .selectFrom('api_keys')
    .select((eb) => eb.fn.countAll().as('count'))
    .where('revoked_at', 'is', null)
    .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}
