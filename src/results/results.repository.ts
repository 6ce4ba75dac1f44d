import type { Insertable } from 'kysely';
import type { PagePosition } from '../core/page-cursor.ts';
import { beyondPagePosition } from '../db/beyond-page-position.ts';
import { collectPage, PAGE_STREAM_CHUNK_ROWS, type PageBudget } from '../db/collect-page.ts';
import type { DatabaseExecutor } from '../db/database-executor.ts';
import { jsonLineSql } from './json-line-sql.ts';
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

export interface ResultChunkQuery {
  readonly after: PagePosition | undefined;
  readonly limit: number;
  /** PostgreSQL rows per round trip (SQLite steps one row at a time). */
  readonly fetchRows: number;
}

/**
 * Up to `limit` of a template's results after `after`, oldest first, each as its JSON Lines
 * line built by the database ({@link jsonLineSql}), streamed from a cursor: better-sqlite3 steps
 * the statement one row at a time, pg-cursor fetches `fetchRows` rows per round trip. Closing
 * the iterator early ends the query and frees the connection.
 */
export function streamJsonLinesAfter(
  db: DatabaseExecutor,
  filters: ResultFilters,
  chunk: ResultChunkQuery,
): AsyncIterableIterator<{ id: string; created_at: string; line: string | Buffer }> {
  return filteredResults(db, filters, { after: chunk.after, order: 'oldest' })
    .select(['id', 'created_at', jsonLineSql(db).as('line')])
    .orderBy('created_at', 'asc')
    .orderBy('id', 'asc')
    .limit(chunk.limit)
    .stream(chunk.fetchRows);
}

/** Like {@link streamJsonLinesAfter}, but the given columns (a CSV export skips the large ones). */
export function streamResultColumnsAfter<Column extends keyof PromptResultRow>(
  db: DatabaseExecutor,
  filters: ResultFilters,
  columns: readonly Column[],
  chunk: ResultChunkQuery,
): AsyncIterableIterator<Pick<PromptResultRow, Column>> {
  return filteredResults(db, filters, { after: chunk.after, order: 'oldest' })
    .select(columns)
    .orderBy('created_at', 'asc')
    .orderBy('id', 'asc')
    .limit(chunk.limit)
    .stream(chunk.fetchRows) as AsyncIterableIterator<Pick<PromptResultRow, Column>>;
}

/** The query behind {@link listResultsPage}, unexecuted (tests read its plan). */
export function resultsPageQuery(
  db: DatabaseExecutor,
  filters: ResultFilters,
  page: { rows: number; after: PagePosition | undefined; order: 'newest' | 'oldest' },
) {
  const sort = page.order === 'newest' ? 'desc' : 'asc';
  return filteredResults(db, filters, page)
    .selectAll()
    .orderBy('created_at', sort)
    .orderBy('id', sort)
    .limit(page.rows);
}

/** The matching rows after the position, before columns, order and limit are chosen. */
function filteredResults(
  db: DatabaseExecutor,
  filters: ResultFilters,
  page: { after: PagePosition | undefined; order: 'newest' | 'oldest' },
) {
  let select = db.selectFrom('prompt_results').where('template_id', '=', filters.templateId);
  if (filters.country !== undefined) select = select.where('country', '=', filters.country);
  if (filters.versionId !== undefined) select = select.where('version_id', '=', filters.versionId);
  if (filters.providerVersionKey !== undefined) {
    select = select.where('provider_version_key', '=', filters.providerVersionKey);
  }
  if (filters.status !== undefined) select = select.where('status', '=', filters.status);
  if (filters.from !== undefined) select = select.where('created_at', '>=', filters.from);
  if (filters.to !== undefined) select = select.where('created_at', '<', filters.to);
  if (page.after !== undefined) select = select.where(beyondPagePosition(page.after, page.order));
  return select;
}
