import type { Insertable } from 'kysely';
import type { PagePosition } from '../core/page-cursor.ts';
import { beyondPagePosition } from '../db/beyond-page-position.ts';
import { collectPage, PAGE_STREAM_CHUNK_ROWS, type PageBudget } from '../db/collect-page.ts';
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
 * One page of a template's results matching the filters, within the page's row and byte budget,
 * and whether more follow. `newest` pages backwards in time (lists), `oldest` forwards.
 */
export async function listResultsPage(
  db: DatabaseExecutor,
  filters: ResultFilters,
  page: ResultPageQuery,
): Promise<{ rows: PromptResultRow[]; more: boolean }> {
  // One row more than the page, so a full page knows whether more follow.
  const query = resultsPageQuery(db, filters, { ...page, rows: page.limit + 1 });
  return collectPage(query.stream(PAGE_STREAM_CHUNK_ROWS), page);
}

export interface ResultPageQuery extends PageBudget {
  readonly after: PagePosition | undefined;
  readonly order: 'newest' | 'oldest';
}

/**
 * Up to `limit` of a template's results after `after`, oldest first, streamed from a cursor:
 * better-sqlite3 steps the statement one row at a time; PostgreSQL fetches `fetchRows` rows per
 * round trip (pg-cursor). Closing the iterator early ends the query and frees the connection.
 */
export function streamResultsAfter(
  db: DatabaseExecutor,
  filters: ResultFilters,
  chunk: { after: PagePosition | undefined; limit: number; fetchRows: number },
): AsyncIterableIterator<PromptResultRow> {
  return resultsPageQuery(db, filters, {
    rows: chunk.limit,
    after: chunk.after,
    order: 'oldest',
  }).stream(chunk.fetchRows);
}

/** The query behind {@link listResultsPage}, unexecuted (tests read its plan). */
export function resultsPageQuery(
  db: DatabaseExecutor,
  filters: ResultFilters,
  page: { rows: number; after: PagePosition | undefined; order: 'newest' | 'oldest' },
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
  return select.orderBy('created_at', sort).orderBy('id', sort).limit(page.rows);
}
