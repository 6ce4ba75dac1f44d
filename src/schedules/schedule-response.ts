import type { Static } from 'typebox';
import type { Schedule, ScheduleTick } from './schedule.ts';
import type { ScheduleSchema, ScheduleTickPageSchema } from './schedules.schemas.ts';

export function toScheduleResponse(
  schedule: Schedule,
  nextRuns: readonly string[],
): Static<typeof ScheduleSchema> {
  return {
    id: schedule.id,
    org_id: schedule.orgId,
    workspace_id: schedule.workspaceId,
    template_id: schedule.templateId,
    cron: schedule.cron,
    timezone: schedule.timezone,
    batch: schedule.batch,
    enabled: schedule.enabled,
    next_run_at: schedule.nextRunAt,
    last_run_at: schedule.lastRunAt,
    next_runs: [...nextRuns],
    created_by: schedule.createdBy,
    created_at: schedule.createdAt,
    updated_at: schedule.updatedAt,
  };
}

export function toScheduleTickResponse(
  tick: ScheduleTick,
): Static<typeof ScheduleTickPageSchema>['items'][number] {
  return {
    tick_at: tick.tickAt,
    status: tick.status,
    batch_id: tick.batchId,
    reason: tick.reason,
    created_at: tick.createdAt,
  };
}
