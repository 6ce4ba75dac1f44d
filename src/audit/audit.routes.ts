import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { orgFilterFor } from '../auth/org-filter-for.ts';
import { errorResponses } from '../http/error-response-schemas.ts';
import { toAuditEntryResponse } from './audit-entry-response.ts';
import { AuditPageSchema, ListAuditLogQuerySchema } from './audit.schemas.ts';
import type { AuditService } from './audit.service.ts';

/** `GET /api/audit-log`: the administrative actions of the caller's org, for admins. */
export function registerAuditRoutes(app: FastifyInstance, audit: AuditService): void {
  const routes = app.withTypeProvider<TypeBoxTypeProvider>();

  routes.get(
    '/api/audit-log',
    {
      config: { requiredRole: 'admin' },
      schema: {
        tags: ['audit'],
        operationId: 'listAuditLog',
        summary: 'Administrative actions (keys created or revoked, templates deleted or restored)',
        querystring: ListAuditLogQuerySchema,
        response: {
          200: AuditPageSchema,
          ...errorResponses({ validation: true }),
        },
      },
    },
    async (request) => {
      const page = await audit.list({
        orgId: orgFilterFor(request.principal, request.query.org_id),
        limit: request.query.limit ?? 50,
        cursor: request.query.cursor,
      });
      return { items: page.items.map(toAuditEntryResponse), next_cursor: page.nextCursor };
    },
  );
}
