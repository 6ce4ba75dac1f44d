import { sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { OpenDatabase } from '../db/open-database.ts';
import { errorResponses } from './error-response-schemas.ts';

const HealthSchema = Type.Object(
  {
    status: Type.Union([Type.Literal('ok'), Type.Literal('unavailable')]),
    db: Type.Union([Type.Literal('sqlite'), Type.Literal('postgresql')]),
  },
  { title: 'Health' },
);

/**
 * How long /health waits for the database's answer. A load balancer must hear "unavailable"
 * quickly even when the database hangs rather than refuses (the query itself is bounded by the
 * pool's own timeouts and keeps running in the background until then).
 */
export const HEALTH_DATABASE_TIMEOUT_MS = 1000;

/**
 * Liveness plus a database round trip: 200 `{status: "ok", db}`; 503 when the database fails or
 * does not answer within {@link HEALTH_DATABASE_TIMEOUT_MS}.
 */
export function registerHealthRoutes(app: FastifyInstance, database: OpenDatabase): void {
  const handler = async (_request: unknown, reply: { status(code: number): unknown }) => {
    if (await databaseAnswers(database)) return { status: 'ok' as const, db: database.dialect };
    reply.status(503);
    return { status: 'unavailable' as const, db: database.dialect };
  };
  const schema = {
    tags: ['health'],
    // No API key needed (PUBLIC_ROUTES in app.ts).
    security: [],
    response: {
      ...errorResponses({ public: true }),
      200: { ...HealthSchema, 'x-response-description': 'Up, and the database answers' },
      503: { ...HealthSchema, 'x-response-description': 'The database does not answer' },
    },
  };
  app.get(
    '/health',
    { schema: { ...schema, operationId: 'getHealth', summary: 'Service and database health' } },
    handler,
  );
  // The seed served health under the templates prefix too; keep both so old probes keep working.
  app.get('/api/prompt-templates/health', { schema: { ...schema, hide: true } }, handler);
}

async function databaseAnswers(database: OpenDatabase): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), HEALTH_DATABASE_TIMEOUT_MS);
  });
  const roundTrip = sql`select 1`.execute(database.db).then(
    () => true,
    () => false,
  );
  try {
    return await Promise.race([roundTrip, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
