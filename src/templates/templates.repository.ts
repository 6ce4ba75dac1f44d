import type { Insertable } from 'kysely';
import type { PagePosition } from '../core/page-cursor.ts';
import { beyondPagePosition } from '../db/beyond-page-position.ts';
import { collectPage, PAGE_STREAM_CHUNK_ROWS, type PageBudget } from '../db/collect-page.ts';
import type { DatabaseExecutor } from '../db/database-executor.ts';
import type { PromptTemplateRow, PromptTemplatesTable } from './templates.table.ts';

export async function insertTemplate(
  db: DatabaseExecutor,
  row: Insertable<PromptTemplatesTable>,
): Promise<void> {
  await db.insertInto('prompt_templates').values(row).execute();
}

/** The active template with the same configuration in the same org and workspace, if any. */
export async function findActiveTwin(
  db: DatabaseExecutor,
  key: { orgId: string; workspaceId: string; configHash: string },
): Promise<string | undefined> {
  const row = await db
    .selectFrom('prompt_templates')
    .select('id')
    .where('org_id', '=', key.orgId)
    .where('workspace_id', '=', key.workspaceId)
    .where('config_hash', '=', key.configHash)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return row?.id;
}

export async function findTemplateById(
  db: DatabaseExecutor,
  id: string,
): Promise<PromptTemplateRow | undefined> {
  return db.selectFrom('prompt_templates').selectAll().where('id', '=', id).executeTakeFirst();
}

export interface TemplatePageQuery extends PageBudget {
  readonly orgId: string;
  readonly workspaceId: string | undefined;
  readonly includeDeleted: boolean;
  readonly after: PagePosition | undefined;
}

/** Newest first, within the page's row and byte budget, and whether more follow. */
export async function listTemplatesPage(
  db: DatabaseExecutor,
  query: TemplatePageQuery,
): Promise<{ rows: PromptTemplateRow[]; more: boolean }> {
  return collectPage(templatesPageQuery(db, query).stream(PAGE_STREAM_CHUNK_ROWS), query);
}

/** The query behind {@link listTemplatesPage}, unexecuted (tests read its plan). */
export function templatesPageQuery(db: DatabaseExecutor, query: TemplatePageQuery) {
  let select = db.selectFrom('prompt_templates').selectAll().where('org_id', '=', query.orgId);
  if (query.workspaceId !== undefined)
    select = select.where('workspace_id', '=', query.workspaceId);
  if (!query.includeDeleted) select = select.where('deleted_at', 'is', null);
  if (query.after !== undefined) select = select.where(beyondPagePosition(query.after, 'newest'));
  return select
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(query.limit + 1);
}

/** Soft delete; returns false when the template is unknown or already deleted. */
export async function markTemplateDeleted(
  db: DatabaseExecutor,
  id: string,
  deletedAt: string,
): Promise<boolean> {
  const outcome = await db
    .updateTable('prompt_templates')
    .set({ deleted_at: deletedAt })
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return outcome.numUpdatedRows > 0n;
}

/**
 * Clears `deleted_at`; returns false when the template is unknown or already active. The partial
 * unique index rejects it when an active twin exists.
 */
export async function markTemplateRestored(db: DatabaseExecutor, id: string): Promise<boolean> {
  const outcome = await db
    .updateTable('prompt_templates')
    .set({ deleted_at: null })
    .where('id', '=', id)
    .where('deleted_at', 'is not', null)
    .executeTakeFirst();
  return outcome.numUpdatedRows > 0n;
}
