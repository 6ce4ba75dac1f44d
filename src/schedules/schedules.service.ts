import { auditActor } from '../audit/audit-actor.ts';
import type { AuditService } from '../audit/audit.service.ts';
import { canSee } from '../auth/can-see.ts';
import type { Principal } from '../auth/principal.ts';
import type { BatchRequest } from '../batches/batch-request.ts';
import type { BatchesService } from '../batches/batches.service.ts';
import { AppError, NotFoundError, ValidationError } from '../core/app-error.ts';
import { isUuid } from '../core/is-uuid.ts';
import { decodePageCursor, pageOf } from '../core/page-cursor.ts';
import type { RuntimeDeps } from '../core/runtime-deps.ts';
import type { DatabaseExecutor } from '../db/database-executor.ts';
import {
  scheduleFromRow,
  scheduleTickFromRow,
  type Schedule,
  type ScheduleTick,
} from './schedule.ts';
import { dueTicks, nextTicks, parseSchedule } from './schedule-ticks.ts';
import {
  findDueSchedules,
  findScheduleById,
  insertSchedule,
  insertTickOnce,
  listSchedulesPage,
  listTicks,
  updateSchedule,
} from './schedules.repository.ts';
import type { Cron } from 'croner';

export interface SchedulesServiceDeps {
  readonly db: DatabaseExecutor;
  readonly runtime: RuntimeDeps;
  readonly batches: BatchesService;
  readonly audit: AuditService;
}

export interface ScheduleDraft {
  readonly orgId: string;
  readonly templateId: string;
  readonly cron: string;
  readonly timezone: string;
  readonly batch: BatchRequest;
  readonly enabled: boolean;
}

export interface ScheduleChanges {
  readonly cron?: string;
  readonly timezone?: string;
  readonly batch?: BatchRequest;
  readonly enabled?: boolean;
}

/** What one look at the due schedules did. */
export interface FiringReport {
  readonly fired: number;
  readonly skipped: number;
  readonly missed: number;
}

/** How many due schedules one look handles; the rest wait for the next look. */
const DUE_SCHEDULES_PER_LOOK = 100;

/**
 * Schedules: recurring batches on a cron expression in an IANA time zone. A tick fires at most
 * once, however many schedulers run: its batch is created with the idempotency key
 * `schedule:{id}:{tick}` (one batch per key and org) and the tick is recorded under the primary key
 * (schedule, tick). After downtime only the newest tick runs; the missed ones are recorded.
 */
export function createSchedulesService(deps: SchedulesServiceDeps) {
  const { db, runtime, batches, audit } = deps;

  function parseOrThrow(cron: string, timezone: string): Cron {
    const parsed = parseSchedule(cron, timezone);
    if (typeof parsed === 'string') {
      const field = parsed.includes('time zone') ? 'timezone' : 'cron';
      throw new ValidationError([{ loc: ['body', field], msg: parsed, type: 'value_error' }]);
    }
    return parsed;
  }

  async function requireSchedule(id: string, caller: Principal): Promise<Schedule> {
    const row = isUuid(id) ? await findScheduleById(db, id) : undefined;
    if (row === undefined || row.deleted_at !== null || !canSee(caller, row.org_id)) {
      throw new NotFoundError('Schedule not found');
    }
    return scheduleFromRow(row);
  }

  function nextRunAfter(schedule: Cron, after: Date): string | null {
    return nextTicks(schedule, after, 1)[0]?.toISOString() ?? null;
  }

  /** The principal a tick acts as: the schedule's org, with the rights of its creator's org. */
  function schedulePrincipal(schedule: Schedule): Principal {
    return { kind: 'key', keyId: `schedule:${schedule.id}`, orgId: schedule.orgId, role: 'member' };
  }

  async function fireTick(schedule: Schedule, tick: Date): Promise<'fired' | 'skipped'> {
    const tickAt = tick.toISOString();
    const createdAt = runtime.now().toISOString();
    try {
      const { batch } = await batches.createBatch({
        templateId: schedule.templateId,
        caller: schedulePrincipal(schedule),
        request: schedule.batch,
        idempotencyKey: `schedule:${schedule.id}:${tickAt}`,
        requestSha256: `schedule:${schedule.id}:${tickAt}`,
        scheduleId: schedule.id,
      });
      await insertTickOnce(db, {
        schedule_id: schedule.id,
        tick_at: tickAt,
        status: 'fired',
        batch_id: batch.id,
        reason: null,
        created_at: createdAt,
      });
      return 'fired';
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      await insertTickOnce(db, {
        schedule_id: schedule.id,
        tick_at: tickAt,
        status: 'skipped',
        batch_id: null,
        reason: `${error.code}: ${error.message}`,
        created_at: createdAt,
      });
      return 'skipped';
    }
  }

  return {
    async createSchedule(draft: ScheduleDraft, caller: Principal): Promise<Schedule> {
      const parsed = parseOrThrow(draft.cron, draft.timezone);
      // Validates the template (active, visible) and the batch request, as a POST would.
      const { template } = await batches.estimate(draft.templateId, caller, draft.batch);
      const now = runtime.now();
      const id = runtime.newId();
      await db.transaction().execute(async (transaction) => {
        await insertSchedule(transaction, {
          id,
          org_id: template.orgId,
          workspace_id: template.workspaceId,
          template_id: template.id,
          cron: draft.cron.trim(),
          timezone: draft.timezone,
          batch_request: JSON.stringify(draft.batch),
          enabled: draft.enabled ? 1 : 0,
          next_run_at: draft.enabled ? nextRunAfter(parsed, now) : null,
          last_run_at: null,
          last_tick_at: now.toISOString(),
          created_by: auditActor(caller),
          created_at: now.toISOString(),
          updated_at: now.toISOString(),
          deleted_at: null,
        });
        await audit.record(
          {
            orgId: template.orgId,
            actor: auditActor(caller),
            action: 'schedule.created',
            targetType: 'schedule',
            targetId: id,
            details: { template_id: template.id, cron: draft.cron, timezone: draft.timezone },
          },
          transaction,
        );
      });
      return requireSchedule(id, caller);
    },

    getSchedule: requireSchedule,

    async listSchedules(query: {
      orgId: string;
      templateId: string | undefined;
      enabled: boolean | undefined;
      limit: number;
      cursor: string | undefined;
    }): Promise<{ items: Schedule[]; nextCursor: string | null }> {
      const { rows, more } = await listSchedulesPage(db, {
        orgId: query.orgId,
        templateId: query.templateId,
        enabled: query.enabled,
        limit: query.limit,
        after: query.cursor === undefined ? undefined : decodePageCursor(query.cursor),
      });
      return pageOf(rows.map(scheduleFromRow), more);
    },

    /** Changes cron, zone, batch or enabled; resuming starts from now (no catch-up). */
    async updateSchedule(
      id: string,
      changes: ScheduleChanges,
      caller: Principal,
    ): Promise<Schedule> {
      const current = await requireSchedule(id, caller);
      const cron = changes.cron ?? current.cron;
      const timezone = changes.timezone ?? current.timezone;
      const parsed = parseOrThrow(cron, timezone);
      if (changes.batch !== undefined)
        await batches.estimate(current.templateId, caller, changes.batch);
      const enabled = changes.enabled ?? current.enabled;
      const now = runtime.now();
      const resumed = enabled && !current.enabled;
      await db.transaction().execute(async (transaction) => {
        await updateSchedule(transaction, id, {
          cron: cron.trim(),
          timezone,
          batch_request: JSON.stringify(changes.batch ?? current.batch),
          enabled: enabled ? 1 : 0,
          next_run_at: enabled ? nextRunAfter(parsed, now) : null,
          // Ticks that passed while paused are not missed work: the next look starts from now.
          ...(resumed ? { last_tick_at: now.toISOString() } : {}),
          updated_at: now.toISOString(),
        });
        await audit.record(
          {
            orgId: current.orgId,
            actor: auditActor(caller),
            action: 'schedule.updated',
            targetType: 'schedule',
            targetId: id,
            details: { cron, timezone, enabled, batch_changed: changes.batch !== undefined },
          },
          transaction,
        );
      });
      return requireSchedule(id, caller);
    },

    async deleteSchedule(id: string, caller: Principal): Promise<void> {
      const current = await requireSchedule(id, caller);
      const now = runtime.now().toISOString();
      await db.transaction().execute(async (transaction) => {
        await updateSchedule(transaction, id, {
          deleted_at: now,
          enabled: 0,
          next_run_at: null,
          updated_at: now,
        });
        await audit.record(
          {
            orgId: current.orgId,
            actor: auditActor(caller),
            action: 'schedule.deleted',
            targetType: 'schedule',
            targetId: id,
          },
          transaction,
        );
      });
    },

    /** The next `count` runs of a schedule (none while paused). */
    nextRuns(schedule: Schedule, count: number): string[] {
      if (!schedule.enabled) return [];
      const parsed = parseSchedule(schedule.cron, schedule.timezone);
      if (typeof parsed === 'string') return [];
      return nextTicks(parsed, runtime.now(), count).map((tick) => tick.toISOString());
    },

    async listTicks(id: string, caller: Principal, limit: number): Promise<ScheduleTick[]> {
      await requireSchedule(id, caller);
      return (await listTicks(db, id, limit)).map(scheduleTickFromRow);
    },

    /** One look: fires every due schedule's newest tick once and records the missed ones. */
    async fireDueSchedules(): Promise<FiringReport> {
      const now = runtime.now();
      let fired = 0;
      let skipped = 0;
      let missed = 0;
      for (const row of await findDueSchedules(db, now.toISOString(), DUE_SCHEDULES_PER_LOOK)) {
        const schedule = scheduleFromRow(row);
        const parsed = parseSchedule(schedule.cron, schedule.timezone);
        if (typeof parsed === 'string') continue;
        const ticks = dueTicks(parsed, new Date(schedule.lastTickAt), now);
        if (ticks.due !== null) {
          for (const tick of ticks.missed) {
            const recorded = await insertTickOnce(db, {
              schedule_id: schedule.id,
              tick_at: tick.toISOString(),
              status: 'missed',
              batch_id: null,
              reason:
                'The scheduler was not running at this time; only the newest missed tick runs',
              created_at: now.toISOString(),
            });
            if (recorded) missed += 1;
          }
          const outcome = await fireTick(schedule, ticks.due);
          if (outcome === 'fired') fired += 1;
          else skipped += 1;
        }
        await updateSchedule(db, schedule.id, {
          last_tick_at: (ticks.due ?? new Date(schedule.lastTickAt)).toISOString(),
          ...(ticks.due === null ? {} : { last_run_at: now.toISOString() }),
          next_run_at: nextRunAfter(parsed, now),
        });
      }
      return { fired, skipped, missed };
    },
  };
}

export type SchedulesService = ReturnType<typeof createSchedulesService>;
