import type { BatchRequest } from '../batches/batch-request.ts';
import type { ScheduleRow, ScheduleTickRow } from './schedules.table.ts';

/** A recurring batch. */
export interface Schedule {
  readonly id: string;
  readonly orgId: string;
  readonly workspaceId: string;
  readonly templateId: string;
  readonly cron: string;
  readonly timezone: string;
  readonly batch: BatchRequest;
  readonly enabled: boolean;
  readonly nextRunAt: string | null;
  readonly lastRunAt: string | null;
  readonly lastTickAt: string;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly deletedAt: string | null;
}

/** What became of one tick: a batch, a skip (and why), or a tick missed during downtime. */
export interface ScheduleTick {
  readonly scheduleId: string;
  readonly tickAt: string;
  readonly status: 'fired' | 'skipped' | 'missed';
  readonly batchId: string | null;
  readonly reason: string | null;
  readonly createdAt: string;
}

export function scheduleFromRow(row: ScheduleRow): Schedule {
  return {
    id: row.id,
    orgId: row.org_id,
    workspaceId: row.workspace_id,
    templateId: row.template_id,
    cron: row.cron,
    timezone: row.timezone,
    batch: JSON.parse(row.batch_request) as BatchRequest,
    enabled: Number(row.enabled) === 1 || (row.enabled as unknown) === true,
    nextRunAt: row.next_run_at,
    lastRunAt: row.last_run_at,
    lastTickAt: row.last_tick_at,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    deletedAt: row.deleted_at,
  };
}

export function scheduleTickFromRow(row: ScheduleTickRow): ScheduleTick {
  return {
    scheduleId: row.schedule_id,
    tickAt: row.tick_at,
    status: row.status as ScheduleTick['status'],
    batchId: row.batch_id,
    reason: row.reason,
    createdAt: row.created_at,
  };
}
