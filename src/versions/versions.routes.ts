import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { isJsonObject, type JsonObject, type JsonValue } from '../core/json/lossless-json.ts';
import { errorResponses, ProviderErrorResponseSchema } from '../http/error-response-schemas.ts';
import { TemplateIdParamsSchema } from '../templates/templates.schemas.ts';
import { toVersionResponse } from './version-response.ts';
import {
  EnsureVersionBodySchema,
  EnsureVersionResponseSchema,
  VersionTimelineSchema,
} from './versions.schemas.ts';
import type { VersionsService } from './versions.service.ts';

const tags = ['versions'];

/** ensure-version and the version timeline (docs/api-contract.md §3, §5). */
export function registerVersionRoutes(app: FastifyInstance, versions: VersionsService): void {
  const routes = app.withTypeProvider<TypeBoxTypeProvider>();

  routes.post(
    '/api/prompt-templates/:template_id/ensure-version',
    {
      schema: {
        tags,
        operationId: 'ensureVersion',
        summary: 'Probe (at most once per hour, shared) and record the current provider version',
        params: TemplateIdParamsSchema,
        body: EnsureVersionBodySchema,
        response: {
          200: EnsureVersionResponseSchema,
          502: ProviderErrorResponseSchema,
          ...errorResponses({ body: true, notFound: true, validation: true }),
        },
      },
    },
    async (request) => {
      const body = request.body ?? {};
      const { version, capturedAt } = await versions.ensureVersion(
        request.params.template_id,
        request.principal,
        {
          provider: body.provider ?? undefined,
          modelId: body.model_id ?? undefined,
          systemInstructions: body.system_instructions,
          inferenceParams: inferenceParamsOverride(request.losslessBody),
        },
      );
      request.log.info(
        {
          action: 'ensure_version',
          org_id: version.orgId,
          workspace_id: version.workspaceId,
          template_id: version.templateId,
          version_id: version.id,
          provider: version.provider,
          model: version.modelId,
          provider_version_key: version.providerVersionKey,
        },
        'version ensured',
      );
      return {
        version_id: version.id,
        provider: version.provider,
        provider_version_key: version.providerVersionKey,
        captured_at: capturedAt,
      };
    },
  );

  routes.get(
    '/api/prompt-templates/:template_id/versions',
    {
      schema: {
        tags,
        operationId: 'listVersions',
        summary: 'The version timeline: every key that served this template, first seen first',
        params: TemplateIdParamsSchema,
        response: { 200: VersionTimelineSchema, ...errorResponses({ notFound: true }) },
      },
    },
    async (request) => ({
      items: (await versions.listVersions(request.params.template_id, request.principal)).map(
        toVersionResponse,
      ),
    }),
  );
}

/** The body's `inference_params` with their number lexemes (the schema has checked the shape). */
function inferenceParamsOverride(body: JsonValue | undefined): JsonObject | undefined {
  const params = isJsonObject(body) ? body['inference_params'] : undefined;
  return isJsonObject(params) ? params : undefined;
}
