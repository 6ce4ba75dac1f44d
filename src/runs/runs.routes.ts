import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import {
  NotFoundResponseSchema,
  ValidationErrorResponseSchema,
} from '../http/error-response-schemas.ts';
import { TemplateIdParamsSchema } from '../templates/templates.schemas.ts';
import { ProviderErrorResponseSchema, RunBodySchema, RunResponseSchema } from './runs.schemas.ts';
import type { RunsService } from './runs.service.ts';

/** `POST /api/prompt-templates/{template_id}/run` (docs/api-contract.md §3). */
export function registerRunRoutes(app: FastifyInstance, runs: RunsService): void {
  app.withTypeProvider<TypeBoxTypeProvider>().post(
    '/api/prompt-templates/:template_id/run',
    {
      schema: {
        tags: ['runs'],
        summary: 'Run a template once: call the provider, record the version and the audit trail',
        params: TemplateIdParamsSchema,
        body: RunBodySchema,
        response: {
          200: RunResponseSchema,
          404: NotFoundResponseSchema,
          422: ValidationErrorResponseSchema,
          502: ProviderErrorResponseSchema,
        },
      },
    },
    async (request) => {
      const body = request.body;
      const { result, version } = await runs.runTemplate({
        templateId: request.params.template_id,
        caller: request.principal,
        renderedPrompt: body.rendered_prompt ?? null,
        runtimeVars: body.runtime_vars ?? {},
        brandName: body.brand_name ?? null,
        country: body.country ?? null,
        analysisScope: body.analysis_scope ?? 'brand',
        useGrounding: body.use_grounding ?? false,
      });
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
      return {
        result_id: result.id,
        version_id: version.id,
        provider_version_key: version.providerVersionKey,
        system_fingerprint: result.systemFingerprint,
        created_at: result.createdAt,
        provider: result.provider,
        model_id: result.modelId,
        status: 'succeeded' as const,
        content: result.content,
        usage: result.usage,
        latency_ms: result.latencyMs,
        simulated: result.simulated,
        rendered_prompt_sha256: result.renderedPromptSha256,
      };
    },
  );
}
