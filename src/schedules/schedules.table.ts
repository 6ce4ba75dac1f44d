import type { Selectable } from 'kysely';

/** `schedules`: a recurring batch, fired on a cron expression in an IANA time zone. */
export interface SchedulesTable {
  id: string;
  org_id: string;
  workspace_id: string;
  template_id: string;
  cron: string;
  timezone: string;
  /** JSON: the batch request each tick submits. */
  batch_request: string;
  enabled: number;
  next_run_at: string | null;
  last_run_at: string | null;
  last_tick_at: string;
  created_by: string;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

/** `schedule_ticks`: one row per (schedule, tick), the proof that a tick was handled once. */
export interface ScheduleTicksTable {
  schedule_id: string;
  tick_at: string;
  status: string;
  batch_id: string | null;
  reason: string | null;
  created_at: string;
}

export type ScheduleRow = Selectable<SchedulesTable>;
export type ScheduleTickRow = Selectable<ScheduleTicksTable>;
