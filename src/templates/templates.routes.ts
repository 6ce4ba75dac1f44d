import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { templateConfigFromJson } from '../core/canonical/template-config-from-json.ts';
import type { JsonObject } from '../core/json/lossless-json.ts';
import { errorResponses } from '../http/error-response-schemas.ts';
import { losslessSerializerCompiler } from '../http/lossless-serializer-compiler.ts';
import { toTemplateResponse } from './template-response.ts';
import {
  CheckDuplicateBodySchema,
  CheckDuplicateResponseSchema,
  CreateTemplateBodySchema,
  ListTemplatesQuerySchema,
  TemplateExistsSchema,
  TemplateIdParamsSchema,
  TemplatePageSchema,
  TemplateSchema,
} from './templates.schemas.ts';
import type { TemplatesService } from './templates.service.ts';
import { orgFilterFor } from '../auth/org-filter-for.ts';

const tags = ['templates'];

/** The template half of `/api/prompt-templates` (docs/api-contract.md §3). */
export function registerTemplateRoutes(app: FastifyInstance, templates: TemplatesService): void {
  const routes = app.withTypeProvider<TypeBoxTypeProvider>();

  routes.post(
    '/api/prompt-templates',
    {
      serializerCompiler: losslessSerializerCompiler,
      schema: {
        tags,
        operationId: 'createTemplate',
        summary: 'Track a prompt configuration (409 when an identical one is active)',
        body: CreateTemplateBodySchema,
        response: {
          201: TemplateSchema,
          409: TemplateExistsSchema,
          ...errorResponses({ body: true, validation: true }),
        },
      },
    },
    async (request, reply) => {
      const body = request.body;
      const template = await templates.createTemplate({
        orgId: orgFilterFor(request.principal, body.org_id),
        workspaceId: body.workspace_id,
        name: body.name,
        provider: body.provider ?? null,
        createdBy: body.created_by ?? null,
        config: configFromRequest(request),
      });
      request.log.info(
        {
          action: 'template_created',
          org_id: template.orgId,
          workspace_id: template.workspaceId,
          template_id: template.id,
          model: template.modelId,
          config_hash: template.configHash,
        },
        'template created',
      );
      return reply.status(201).send(toTemplateResponse(template));
    },
  );

  routes.post(
    '/api/prompt-templates/check-duplicate',
    {
      schema: {
        tags,
        operationId: 'checkDuplicateTemplate',
        summary: 'Would this configuration be a duplicate? Returns its config hash; never writes',
        body: CheckDuplicateBodySchema,
        response: {
          200: CheckDuplicateResponseSchema,
          ...errorResponses({ body: true, validation: true }),
        },
      },
    },
    async (request) => {
      const check = await templates.checkDuplicate(
        {
          orgId: orgFilterFor(request.principal, request.body.org_id),
          workspaceId: request.body.workspace_id,
        },
        configFromRequest(request),
      );
      return {
        exact_match: check.exactMatch,
        template_id: check.templateId,
        config_hash: check.configHash,
      };
    },
  );

  routes.get(
    '/api/prompt-templates',
    {
      serializerCompiler: losslessSerializerCompiler,
      schema: {
        tags,
        operationId: 'listTemplates',
        summary: 'List templates, newest first, one page at a time',
        querystring: ListTemplatesQuerySchema,
        response: { 200: TemplatePageSchema, ...errorResponses({ validation: true }) },
      },
    },
    async (request) => {
      const query = request.query;
      const page = await templates.listTemplates({
        orgId: orgFilterFor(request.principal, query.org_id),
        workspaceId: query.workspace_id,
        includeDeleted: query.include_deleted ?? false,
        limit: query.limit ?? 50,
        cursor: query.cursor,
      });
      return { items: page.items.map(toTemplateResponse), next_cursor: page.nextCursor };
    },
  );

  routes.get(
    '/api/prompt-templates/:template_id',
    {
      serializerCompiler: losslessSerializerCompiler,
      schema: {
        tags,
        operationId: 'getTemplate',
        summary: 'One template, including deleted ones',
        params: TemplateIdParamsSchema,
        response: { 200: TemplateSchema, ...errorResponses({ notFound: true }) },
      },
    },
    async (request) =>
      toTemplateResponse(
        await templates.getTemplate(request.params.template_id, request.principal),
      ),
  );

  routes.delete(
    '/api/prompt-templates/:template_id',
    {
      schema: {
        tags,
        operationId: 'deleteTemplate',
        summary: 'Soft delete (sets deleted_at); the configuration may then be tracked again',
        params: TemplateIdParamsSchema,
        response: {
          204: Type.Null({ description: 'Deleted: deleted_at is set' }),
          ...errorResponses({ body: true, notFound: true }),
        },
      },
    },
    async (request, reply) => {
      await templates.deleteTemplate(request.params.template_id, request.principal);
      return reply.status(204).send(null);
    },
  );

  routes.post(
    '/api/prompt-templates/:template_id/restore',
    {
      serializerCompiler: losslessSerializerCompiler,
      schema: {
        tags,
        operationId: 'restoreTemplate',
        summary: 'Undo a soft delete (409 when an identical template is active)',
        params: TemplateIdParamsSchema,
        response: {
          200: TemplateSchema,
          409: TemplateExistsSchema,
          ...errorResponses({ body: true, notFound: true }),
        },
      },
    },
    async (request) =>
      toTemplateResponse(
        await templates.restoreTemplate(request.params.template_id, request.principal),
      ),
  );
}

/** The hashed fields, read from the lossless body so number lexemes reach the hash intact. */
function configFromRequest(request: FastifyRequest) {
  return templateConfigFromJson(request.losslessBody as JsonObject);
}
