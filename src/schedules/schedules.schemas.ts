import { Type } from 'typebox';
import { BatchBodySchema } from '../batches/batches.schemas.ts';
import { withoutExamples } from '../http/without-examples.ts';

const CronSchema = Type.String({
  minLength: 9,
  maxLength: 200,
  description: 'Five fields: minute hour day-of-month month day-of-week, e.g. "0 9 * * 1-5"',
  examples: ['0 9 * * 1'],
});
const TimeZoneSchema = Type.String({
  minLength: 1,
  maxLength: 64,
  description: 'An IANA time zone, e.g. Europe/Berlin (default UTC)',
});

export const CreateScheduleBodySchema = Type.Object(
  {
    org_id: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    template_id: Type.String({ maxLength: 2048 }),
    cron: CronSchema,
    timezone: Type.Optional(TimeZoneSchema),
    batch: Type.Optional(withoutExamples(BatchBodySchema)),
    enabled: Type.Optional(Type.Boolean({ default: true })),
  },
  {
    title: 'CreateScheduleRequest',
    description: 'A template, a cron expression and time zone, and the batch to run',
  },
);

export const UpdateScheduleBodySchema = Type.Object(
  {
    cron: Type.Optional(CronSchema),
    timezone: Type.Optional(TimeZoneSchema),
    batch: Type.Optional(withoutExamples(BatchBodySchema)),
    enabled: Type.Optional(Type.Boolean()),
  },
  { title: 'UpdateScheduleRequest', description: 'Fields to change; the others stay' },
);

export const ScheduleIdParamsSchema = Type.Object({
  schedule_id: Type.String({ maxLength: 2048 }),
});

export const ScheduleSchema = Type.Object(
  {
    id: Type.String(),
    org_id: Type.String(),
    workspace_id: Type.String(),
    template_id: Type.String(),
    cron: Type.String(),
    timezone: Type.String(),
    batch: Type.Unknown({ description: 'The batch request each tick submits' }),
    enabled: Type.Boolean(),
    next_run_at: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
    last_run_at: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
    next_runs: Type.Array(Type.String({ format: 'date-time' }), {
      description: 'The next five runs (none while paused)',
    }),
    created_by: Type.String(),
    created_at: Type.String({ format: 'date-time' }),
    updated_at: Type.String({ format: 'date-time' }),
  },
  { title: 'Schedule', description: 'A recurring batch' },
);

export const SchedulePageSchema = Type.Object(
  {
    items: Type.Array(ScheduleSchema),
    next_cursor: Type.Union([Type.String(), Type.Null()]),
  },
  { title: 'SchedulePage', description: 'One page of schedules, newest first' },
);

export const ListSchedulesQuerySchema = Type.Object({
  org_id: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  template_id: Type.Optional(Type.String({ maxLength: 2048 })),
  enabled: Type.Optional(Type.Boolean()),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
  cursor: Type.Optional(Type.String({ maxLength: 512 })),
});

export const TicksQuerySchema = Type.Object({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
});

export const ScheduleTickPageSchema = Type.Object(
  {
    items: Type.Array(
      Type.Object({
        tick_at: Type.String({ format: 'date-time' }),
        status: Type.Union([
          Type.Literal('fired'),
          Type.Literal('skipped'),
          Type.Literal('missed'),
        ]),
        batch_id: Type.Union([Type.String(), Type.Null()]),
        reason: Type.Union([Type.String(), Type.Null()]),
        created_at: Type.String({ format: 'date-time' }),
      }),
    ),
  },
  { title: 'ScheduleTickPage', description: 'What became of each tick, newest first' },
);
