import type { Insertable, Updateable } from 'kysely';
import { PAGE_MAX_BYTES, type PagePosition } from '../core/page-cursor.ts';
import { collectPage, PAGE_STREAM_CHUNK_ROWS } from '../db/collect-page.ts';
import { beyondPagePosition } from '../db/beyond-page-position.ts';
import type { DatabaseExecutor } from '../db/database-executor.ts';
import type {
  ScheduleRow,
  SchedulesTable,
  ScheduleTickRow,
  ScheduleTicksTable,
} from './schedules.table.ts';

export async function insertSchedule(
  db: DatabaseExecutor,
  row: Insertable<SchedulesTable>,
): Promise<void> {
  await db.insertInto('schedules').values(row).execute();
}

export function findScheduleById(
  db: DatabaseExecutor,
  id: string,
): Promise<ScheduleRow | undefined> {
  return db.selectFrom('schedules').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function updateSchedule(
  db: DatabaseExecutor,
  id: string,
  changes: Updateable<SchedulesTable>,
): Promise<void> {
  await db.updateTable('schedules').set(changes).where('id', '=', id).execute();
}

export interface SchedulePageQuery {
  readonly orgId: string;
  readonly templateId: string | undefined;
  readonly enabled: boolean | undefined;
  readonly after: PagePosition | undefined;
  readonly limit: number;
}

export function listSchedulesPage(
  db: DatabaseExecutor,
  query: SchedulePageQuery,
): Promise<{ rows: ScheduleRow[]; more: boolean }> {
  let select = db
    .selectFrom('schedules')
    .selectAll()
    .where('org_id', '=', query.orgId)
    .where('deleted_at', 'is', null);
  if (query.templateId !== undefined) select = select.where('template_id', '=', query.templateId);
  if (query.enabled !== undefined) select = select.where('enabled', '=', query.enabled ? 1 : 0);
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

/** Enabled schedules whose next run is due, across every org (the scheduler's look). */
export function findDueSchedules(
  db: DatabaseExecutor,
  now: string,
  limit: number,
): Promise<ScheduleRow[]> {
  return db
    .selectFrom('schedules')
    .selectAll()
    .where('enabled', '=', 1)
    .where('deleted_at', 'is', null)
    .where('next_run_at', '<=', now)
    .orderBy('next_run_at')
    .limit(limit)
    .execute();
}

/** Records a tick unless one is already recorded for it; true when this call recorded it. */
export async function insertTickOnce(
  db: DatabaseExecutor,
  row: Insertable<ScheduleTicksTable>,
): Promise<boolean> {
  const outcome = await db
    .insertInto('schedule_ticks')
    .values(row)
    .onConflict((conflict) => conflict.columns(['schedule_id', 'tick_at']).doNothing())
    .executeTakeFirst();
  return Number(outcome.numInsertedOrUpdatedRows ?? 0n) > 0;
}

export function listTicks(
  db: DatabaseExecutor,
  scheduleId: string,
  limit: number,
): Promise<ScheduleTickRow[]> {
  return db
    .selectFrom('schedule_ticks')
    .selectAll()
    .where('schedule_id', '=', scheduleId)
    .orderBy('tick_at', 'desc')
    .limit(limit)
    .execute();
}
