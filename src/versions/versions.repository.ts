import type { Insertable } from 'kysely';
import type { DatabaseExecutor } from '../db/database-executor.ts';
import type { PromptVersionRow, PromptVersionsTable } from './versions.table.ts';

export interface VersionKey {
  readonly orgId: string;
  readonly workspaceId: string;
  readonly templateId: string;
  readonly providerVersionKey: string;
}

export async function findVersionByKey(
  db: DatabaseExecutor,
  key: VersionKey,
): Promise<PromptVersionRow | undefined> {
  return db
    .selectFrom('prompt_versions')
    .selectAll()
    .where('org_id', '=', key.orgId)
    .where('workspace_id', '=', key.workspaceId)
    .where('template_id', '=', key.templateId)
    .where('provider_version_key', '=', key.providerVersionKey)
    .executeTakeFirst();
}

/**
 * Inserts the version unless one with the same key exists (the unique constraint decides races on
 * both databases), then reads the row that won. `created` tells whether this call inserted it.
 */
export async function insertVersionOrGetWinner(
  db: DatabaseExecutor,
  row: Insertable<PromptVersionsTable>,
): Promise<{ row: PromptVersionRow; created: boolean }> {
  const outcome = await db
    .insertInto('prompt_versions')
    .values(row)
    .onConflict((conflict) =>
      conflict
        .columns(['org_id', 'workspace_id', 'template_id', 'provider_version_key'])
        .doNothing(),
    )
    .executeTakeFirst();
  const winner = await findVersionByKey(db, {
    orgId: row.org_id,
    workspaceId: row.workspace_id,
    templateId: row.template_id,
    providerVersionKey: row.provider_version_key,
  });
  if (winner === undefined) throw new Error('version row vanished after insert');
  return { row: winner, created: (outcome.numInsertedOrUpdatedRows ?? 0n) > 0n };
}

/** Moves `last_seen_at` forward (never back) and fills the key's parts a probe did not know. */
export async function markVersionSeen(
  db: DatabaseExecutor,
  id: string,
  seenAt: string,
): Promise<void> {
  await db
    .updateTable('prompt_versions')
    .set({ last_seen_at: seenAt })
    .where('id', '=', id)
    .where('last_seen_at', '<', seenAt)
    .execute();
}

export async function listVersionsOfTemplate(
  db: DatabaseExecutor,
  templateId: string,
): Promise<PromptVersionRow[]> {
  return db
    .selectFrom('prompt_versions')
    .selectAll()
    .where('template_id', '=', templateId)
    .orderBy('first_seen_at', 'asc')
    .orderBy('id', 'asc')
    .execute();
}

/** The most recently seen version of a template for one provider and model, if any. */
export async function findLatestVersionFor(
  db: DatabaseExecutor,
  scope: { templateId: string; provider: string; modelId: string },
): Promise<PromptVersionRow | undefined> {
  return db
    .selectFrom('prompt_versions')
    .selectAll()
    .where('template_id', '=', scope.templateId)
    .where('provider', '=', scope.provider)
    .where('model_id', '=', scope.modelId)
    .orderBy('last_seen_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** How many versions a template has for one provider and model (drift = more than one). */
export async function countVersionsFor(
  db: DatabaseExecutor,
  scope: { templateId: string; provider: string; modelId: string },
): Promise<number> {
  const row = await db
    .selectFrom('prompt_versions')
    .select((eb) => eb.fn.countAll().as('count'))
    .where('template_id', '=', scope.templateId)
    .where('provider', '=', scope.provider)
    .where('model_id', '=', scope.modelId)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}
