import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { errorResponses, ProviderErrorResponseSchema } from '../http/error-response-schemas.ts';
import { TemplateIdParamsSchema } from '../templates/templates.schemas.ts';
import { RunBodySchema, RunResponseSchema } from './runs.schemas.ts';
import { toRunResponse } from './run-response.ts';
import type { RunsService } from './runs.service.ts';

/** `POST /api/prompt-templates/{template_id}/run` (docs/api-contract.md §3). */
export function registerRunRoutes(app: FastifyInstance, runs: RunsService): void {
  app.withTypeProvider<TypeBoxTypeProvider>().post(
    '/api/prompt-templates/:template_id/run',
    {
      schema: {
        tags: ['runs'],
        operationId: 'runTemplate',
        summary: 'Run a template once: call the provider, record the version and the audit trail',
        params: TemplateIdParamsSchema,
        body: RunBodySchema,
        response: {
          200: RunResponseSchema,
          502: ProviderErrorResponseSchema,
          ...errorResponses({ body: true, notFound: true, validation: true }),
        },
      },
    },
    async (request) => {
      const body = request.body;
      const run = await runs.runTemplate({
        templateId: request.params.template_id,
        caller: request.principal,
        renderedPrompt: body.rendered_prompt ?? null,
        runtimeVars: body.runtime_vars ?? {},
        brandName: body.brand_name ?? null,
        country: body.country ?? null,
        analysisScope: body.analysis_scope ?? 'brand',
        useGrounding: body.use_grounding ?? false,
      });
      const { result, version } = run;
      request.log.info(
        {
          action: 'run',
          org_id: result.orgId,
          workspace_id: result.workspaceId,
          template_id: result.templateId,
          version_id: version.id,
          provider: result.provider,
          model: result.modelId,
          provider_version_key: version.providerVersionKey,
          status: result.status,
          latency_ms: result.latencyMs,
        },
        'run completed',
      );
      return toRunResponse(run);
    },
  );
}
