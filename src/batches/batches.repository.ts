import { sql, type Insertable } from 'kysely';
import { PAGE_MAX_BYTES, type PagePosition } from '../core/page-cursor.ts';
import { collectPage, PAGE_STREAM_CHUNK_ROWS } from '../db/collect-page.ts';
import { beyondPagePosition } from '../db/beyond-page-position.ts';
import type { DatabaseExecutor } from '../db/database-executor.ts';
import type { BatchCellCounts } from './batch-status.ts';
import type { BatchCellRow, BatchCellsTable, BatchesTable, BatchRow } from './batches.table.ts';

/** Rows per INSERT: 17 columns × 500 stays far below both databases' parameter limits. */
const CELL_INSERT_CHUNK = 500;

export async function insertBatch(
  db: DatabaseExecutor,
  row: Insertable<BatchesTable>,
): Promise<void> {
  await db.insertInto('batches').values(row).execute();
}

export async function insertCells(
  db: DatabaseExecutor,
  rows: readonly Insertable<BatchCellsTable>[],
): Promise<void> {
  for (let start = 0; start < rows.length; start += CELL_INSERT_CHUNK) {
    await db
      .insertInto('batch_cells')
      .values(rows.slice(start, start + CELL_INSERT_CHUNK))
      .execute();
  }
}

export function findBatchById(db: DatabaseExecutor, id: string): Promise<BatchRow | undefined> {
  return db.selectFrom('batches').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findBatchByIdempotencyKey(
  db: DatabaseExecutor,
  orgId: string,
  idempotencyKey: string,
): Promise<BatchRow | undefined> {
  return db
    .selectFrom('batches')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('idempotency_key', '=', idempotencyKey)
    .executeTakeFirst();
}

export interface BatchPageQuery {
  readonly orgId: string;
  readonly templateId: string | undefined;
  readonly status: string | undefined;
  readonly after: PagePosition | undefined;
  readonly limit: number;
}

export function listBatchesPage(
  db: DatabaseExecutor,
  query: BatchPageQuery,
): Promise<{ rows: BatchRow[]; more: boolean }> {
  let select = db.selectFrom('batches').selectAll().where('org_id', '=', query.orgId);
  if (query.templateId !== undefined) select = select.where('template_id', '=', query.templateId);
  if (query.status !== undefined) select = select.where('status', '=', query.status);
  if (query.after !== undefined) {
    select = select.where(beyondPagePosition(query.after, 'newest'));
  }
  return collectPage(
    select
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(query.limit + 1)
      .stream(PAGE_STREAM_CHUNK_ROWS),
    { limit: query.limit, maxBytes: PAGE_MAX_BYTES },
  );
}

export interface CellPageQuery {
  readonly batchId: string;
  readonly status: string | undefined;
  /** The id of the last cell of the previous page: cells are listed in matrix order (UUID v7). */
  readonly afterId: string | undefined;
  readonly limit: number;
}

export function listCellsPage(db: DatabaseExecutor, query: CellPageQuery): Promise<BatchCellRow[]> {
  let select = db.selectFrom('batch_cells').selectAll().where('batch_id', '=', query.batchId);
  if (query.status !== undefined) select = select.where('status', '=', query.status);
  if (query.afterId !== undefined) select = select.where('id', '>', query.afterId);
  return select
    .orderBy('id', 'asc')
    .limit(query.limit + 1)
    .execute();
}

export async function countCellsByStatus(
  db: DatabaseExecutor,
  batchId: string,
): Promise<BatchCellCounts> {
  const rows = await db
    .selectFrom('batch_cells')
    .select(['status', (eb) => eb.fn.countAll<number | string>().as('count')])
    .where('batch_id', '=', batchId)
    .groupBy('status')
    .execute();
  const counts = { total: 0, pending: 0, running: 0, succeeded: 0, failed: 0, cancelled: 0 };
  for (const row of rows) {
    const count = Number(row.count);
    counts.total += count;
    if (row.status in counts) counts[row.status as keyof typeof counts] += count;
  }
  return counts;
}

/** Calls made, tokens used and interrupted re-sends, per model, of one batch's cells. */
export interface BatchModelUsage {
  readonly modelId: string;
  readonly calls: number;
  readonly promptTokens: number;
  readonly completionTokens: number;
  readonly possiblyBilledResends: number;
}

export async function sumBatchUsageByModel(
  db: DatabaseExecutor,
  batchId: string,
): Promise<BatchModelUsage[]> {
  const rows = await db
    .selectFrom('batch_cells')
    .select((eb) => [
      'model_id',
      eb.fn.sum<number | string | null>('attempts').as('calls'),
      eb.fn.sum<number | string | null>('prompt_tokens').as('prompt_tokens'),
      eb.fn.sum<number | string | null>('completion_tokens').as('completion_tokens'),
      eb.fn.sum<number | string | null>('possibly_billed_resends').as('resends'),
    ])
    .where('batch_id', '=', batchId)
    .groupBy('model_id')
    .execute();
  return rows.map((row) => ({
    modelId: row.model_id,
    calls: Number(row.calls ?? 0),
    promptTokens: Number(row.prompt_tokens ?? 0),
    completionTokens: Number(row.completion_tokens ?? 0),
    possiblyBilledResends: Number(row.resends ?? 0),
  }));
}

/** Cancels the cells that have not started; cells in flight finish and are recorded. */
export async function cancelPendingCells(
  db: DatabaseExecutor,
  batchId: string,
  at: string,
): Promise<number> {
  const outcome = await db
    .updateTable('batch_cells')
    .set({ status: 'cancelled', updated_at: at })
    .where('batch_id', '=', batchId)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(outcome.numUpdatedRows);
}

export async function markCancelRequested(
  db: DatabaseExecutor,
  batchId: string,
  at: string,
): Promise<void> {
  await db
    .updateTable('batches')
    .set({ cancel_requested_at: at })
    .where('id', '=', batchId)
    .where('cancel_requested_at', 'is', null)
    .execute();
}

/** Records a batch's status; `started_at` and `finished_at` are set once, the first time. */
export async function updateBatchStatus(
  db: DatabaseExecutor,
  batchId: string,
  update: { status: string; startedAt: string | null; finishedAt: string | null },
): Promise<void> {
  await db
    .updateTable('batches')
    .set({
      status: update.status,
      started_at: sql<string | null>`coalesce(started_at, ${update.startedAt})`,
      finished_at: sql<string | null>`coalesce(finished_at, ${update.finishedAt})`,
    })
    .where('id', '=', batchId)
    .execute();
}

/** Open (unfinished) batches of an org: their unspent estimates are reserved from the budget. */
export function listOpenBatches(db: DatabaseExecutor, orgId: string): Promise<BatchRow[]> {
  return db
    .selectFrom('batches')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('status', 'in', ['queued', 'running'])
    .execute();
}
