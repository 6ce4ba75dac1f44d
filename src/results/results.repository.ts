import type { Insertable } from 'kysely';
import type { PagePosition } from '../core/page-cursor.ts';
import { beyondPagePosition } from '../db/beyond-page-position.ts';
import type { DatabaseExecutor } from '../db/database-executor.ts';
import type { PromptResultRow, PromptResultsTable } from './results.table.ts';

export async function insertResult(
  db: DatabaseExecutor,
  row: Insertable<PromptResultsTable>,
): Promise<void> {
  await db.insertInto('prompt_results').values(row).execute();
}

export async function findResultById(
  db: DatabaseExecutor,
  id: string,
): Promise<PromptResultRow | undefined> {
  return db.selectFrom('prompt_results').selectAll().where('id', '=', id).executeTakeFirst();
}

export interface ResultFilters {
  readonly templateId: string;
  readonly country?: string | undefined;
  readonly versionId?: string | undefined;
  readonly providerVersionKey?: string | undefined;
  readonly status?: string | undefined;
  /** Inclusive lower bound on created_at (ISO-8601 UTC). */
  readonly from?: string | undefined;
  /** Exclusive upper bound on created_at (ISO-8601 UTC). */
  readonly to?: string | undefined;
}

/**
 * One page of a template's results matching the filters, `limit + 1` rows so the caller knows
 * whether more follow. `newest` pages backwards in time (lists), `oldest` forwards (exports).
 */
export async function listResultsPage(
  db: DatabaseExecutor,
  filters: ResultFilters,
  page: ResultPageQuery,
): Promise<PromptResultRow[]> {
  return resultsPageQuery(db, filters, page).execute();
}

export interface ResultPageQuery {
  readonly limit: number;
  readonly after: PagePosition | undefined;
  readonly order: 'newest' | 'oldest';
}

/** The query behind {@link listResultsPage}, unexecuted (tests read its plan). */
export function resultsPageQuery(
  db: DatabaseExecutor,
  filters: ResultFilters,
  page: ResultPageQuery,
) {
  let select = db
    .selectFrom('prompt_results')
    .selectAll()
    .where('template_id', '=', filters.templateId);
  if (filters.country !== undefined) select = select.where('country', '=', filters.country);
  if (filters.versionId !== undefined) select = select.where('version_id', '=', filters.versionId);
  if (filters.providerVersionKey !== undefined) {
    select = select.where('provider_version_key', '=', filters.providerVersionKey);
  }
  if (filters.status !== undefined) select = select.where('status', '=', filters.status);
  if (filters.from !== undefined) select = select.where('created_at', '>=', filters.from);
  if (filters.to !== undefined) select = select.where('created_at', '<', filters.to);
  if (page.after !== undefined) select = select.where(beyondPagePosition(page.after, page.order));
  const sort = page.order === 'newest' ? 'desc' : 'asc';
  return select
    .orderBy('created_at', sort)
    .orderBy('id', sort)
    .limit(page.limit + 1);
}
