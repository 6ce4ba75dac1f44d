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

/** Liveness plus a database round trip: 200 `{status: "ok", db}`, 503 when the database is down. */
export function registerHealthRoutes(app: FastifyInstance, database: OpenDatabase): void {
  const handler = async (_request: unknown, reply: { status(code: number): unknown }) => {
    try {
      await sql`select 1`.execute(database.db);
      return { status: 'ok' as const, db: database.dialect };
    } catch {
      reply.status(503);
      return { status: 'unavailable' as const, db: database.dialect };
    }
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
