import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { orgFilterFor } from '../auth/org-filter-for.ts';
import { errorResponses } from '../http/error-response-schemas.ts';
import type { Schedule } from './schedule.ts';
import { toScheduleResponse, toScheduleTickResponse } from './schedule-response.ts';
import {
  CreateScheduleBodySchema,
  ListSchedulesQuerySchema,
  ScheduleIdParamsSchema,
  SchedulePageSchema,
  ScheduleSchema,
  ScheduleTickPageSchema,
  TicksQuerySchema,
  UpdateScheduleBodySchema,
} from './schedules.schemas.ts';
import type { SchedulesService } from './schedules.service.ts';

const tags = ['schedules'];
const PREVIEWED_RUNS = 5;

/** `/api/schedules`: recurring batches (docs/api-contract.md §10). */
export function registerScheduleRoutes(app: FastifyInstance, schedules: SchedulesService): void {
  const routes = app.withTypeProvider<TypeBoxTypeProvider>();
  const respond = (schedule: Schedule) =>
    toScheduleResponse(schedule, schedules.nextRuns(schedule, PREVIEWED_RUNS));

  routes.post(
    '/api/schedules',
    {
      schema: {
        tags,
        operationId: 'createSchedule',
        summary: 'Run a batch of a template on a cron schedule in a time zone',
        body: CreateScheduleBodySchema,
        response: { 201: ScheduleSchema, ...errorResponses({ body: true, notFound: true }) },
      },
    },
    async (request, reply) => {
      const body = request.body;
      const schedule = await schedules.createSchedule(
        {
          orgId: orgFilterFor(request.principal, body.org_id),
          templateId: body.template_id,
          cron: body.cron,
          timezone: body.timezone ?? 'UTC',
          batch: body.batch ?? {},
          enabled: body.enabled ?? true,
        },
        request.principal,
      );
      return reply.status(201).send(respond(schedule));
    },
  );

  routes.get(
    '/api/schedules',
    {
      schema: {
        tags,
        operationId: 'listSchedules',
        summary: 'List schedules, newest first',
        querystring: ListSchedulesQuerySchema,
        response: { 200: SchedulePageSchema, ...errorResponses({ validation: true }) },
      },
    },
    async (request) => {
      const query = request.query;
      const page = await schedules.listSchedules({
        orgId: orgFilterFor(request.principal, query.org_id),
        templateId: query.template_id,
        enabled: query.enabled,
        limit: query.limit ?? 50,
        cursor: query.cursor,
      });
      return { items: page.items.map(respond), next_cursor: page.nextCursor };
    },
  );

  routes.get(
    '/api/schedules/:schedule_id',
    {
      schema: {
        tags,
        operationId: 'getSchedule',
        summary: 'A schedule with its next runs',
        params: ScheduleIdParamsSchema,
        response: { 200: ScheduleSchema, ...errorResponses({ notFound: true }) },
      },
    },
    async (request) =>
      respond(await schedules.getSchedule(request.params.schedule_id, request.principal)),
  );

  routes.patch(
    '/api/schedules/:schedule_id',
    {
      schema: {
        tags,
        operationId: 'updateSchedule',
        summary: 'Change the cron expression, time zone, batch or enabled flag',
        params: ScheduleIdParamsSchema,
        body: UpdateScheduleBodySchema,
        response: { 200: ScheduleSchema, ...errorResponses({ body: true, notFound: true }) },
      },
    },
    async (request) =>
      respond(
        await schedules.updateSchedule(request.params.schedule_id, request.body, request.principal),
      ),
  );

  for (const [action, enabled] of [
    ['pause', false],
    ['resume', true],
  ] as const) {
    routes.post(
      `/api/schedules/:schedule_id/${action}`,
      {
        schema: {
          tags,
          operationId: action === 'pause' ? 'pauseSchedule' : 'resumeSchedule',
          summary:
            action === 'pause'
              ? 'Pause: no tick fires until resumed'
              : 'Resume: the next tick after now fires (missed ticks are not caught up)',
          params: ScheduleIdParamsSchema,
          response: { 200: ScheduleSchema, ...errorResponses({ body: true, notFound: true }) },
        },
      },
      async (request) =>
        respond(
          await schedules.updateSchedule(
            request.params.schedule_id,
            { enabled },
            request.principal,
          ),
        ),
    );
  }

  routes.delete(
    '/api/schedules/:schedule_id',
    {
      schema: {
        tags,
        operationId: 'deleteSchedule',
        summary: 'Delete a schedule (its batches stay)',
        params: ScheduleIdParamsSchema,
        response: {
          204: Type.Null({ description: 'Deleted' }),
          ...errorResponses({ body: true, notFound: true }),
        },
      },
    },
    async (request, reply) => {
      await schedules.deleteSchedule(request.params.schedule_id, request.principal);
      return reply.status(204).send(null);
    },
  );

  routes.get(
    '/api/schedules/:schedule_id/ticks',
    {
      schema: {
        tags,
        operationId: 'listScheduleTicks',
        summary: 'What became of each tick, newest first: fired (its batch), skipped (why), missed',
        params: ScheduleIdParamsSchema,
        querystring: TicksQuerySchema,
        response: {
          200: ScheduleTickPageSchema,
          ...errorResponses({ notFound: true, validation: true }),
        },
      },
    },
    async (request) => ({
      items: (
        await schedules.listTicks(
          request.params.schedule_id,
          request.principal,
          request.query.limit ?? 50,
        )
      ).map(toScheduleTickResponse),
    }),
  );
}
