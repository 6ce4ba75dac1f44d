import { createHash } from 'node:crypto';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { orgFilterFor } from '../auth/org-filter-for.ts';
import { serializeSortedJson } from '../core/canonical/serialize-sorted-json.ts';
import { errorResponses, ValidationErrorResponseSchema } from '../http/error-response-schemas.ts';
import { withoutExamples } from '../http/without-examples.ts';
import { toBatchCellResponse, toBatchResponse } from './batch-response.ts';
import {
  BatchBodySchema,
  BatchCellPageSchema,
  BatchEstimateSchema,
  BatchIdParamsSchema,
  BatchPageSchema,
  BatchSchema,
  CodedErrorResponseSchema,
  IdempotencyHeadersSchema,
  ListBatchesQuerySchema,
  ListCellsQuerySchema,
  TemplateIdParamsSchema,
} from './batches.schemas.ts';
import type { BatchesService } from './batches.service.ts';

const tags = ['batches'];
const createErrors = errorResponses({ body: true, notFound: true });
/** A 422 is a schema or field problem, or a rule that refused the batch. */
const UnprocessableSchema = Type.Union(
  [withoutExamples(ValidationErrorResponseSchema), CodedErrorResponseSchema],
  {
    description: 'Invalid request, or a rule refused it (BUDGET_EXCEEDED, IDEMPOTENCY_KEY_REUSED)',
  },
);

/** `/api/prompt-templates/{id}/batches` and `/api/batches` (docs/api-contract.md §10). */
export function registerBatchRoutes(app: FastifyInstance, batches: BatchesService): void {
  const routes = app.withTypeProvider<TypeBoxTypeProvider>();

  routes.post(
    '/api/prompt-templates/:template_id/batches',
    {
      schema: {
        tags,
        operationId: 'createBatch',
        summary:
          'Run a template over countries × models × samples (202; cells run in the background)',
        params: TemplateIdParamsSchema,
        headers: IdempotencyHeadersSchema,
        body: BatchBodySchema,
        response: {
          // The same shape under its own name: its description says when it is sent.
          200: {
            ...BatchSchema,
            title: 'BatchReplay',
            description:
              'A replay: this Idempotency-Key already made this batch; nothing new stored',
          },
          202: BatchSchema,
          ...createErrors,
          422: UnprocessableSchema,
        },
      },
    },
    async (request, reply) => {
      const { batch, created } = await batches.createBatch({
        templateId: request.params.template_id,
        caller: request.principal,
        request: request.body,
        idempotencyKey: request.headers['idempotency-key'] ?? null,
        requestSha256: createHash('sha256')
          .update(serializeSortedJson(request.losslessBody ?? {}, { roundFloats: false }))
          .digest('hex'),
      });
      return reply.status(created ? 202 : 200).send(toBatchResponse(batch));
    },
  );

  routes.post(
    '/api/prompt-templates/:template_id/batches/estimate',
    {
      schema: {
        tags,
        operationId: 'estimateBatch',
        summary: 'Cells, calls, tokens and cost of a batch, before running it; never writes',
        params: TemplateIdParamsSchema,
        body: BatchBodySchema,
        response: {
          200: BatchEstimateSchema,
          ...errorResponses({ body: true, notFound: true }),
        },
      },
    },
    async (request) => {
      const estimate = await batches.estimate(
        request.params.template_id,
        request.principal,
        request.body,
      );
      return {
        template_id: estimate.template.id,
        cells: estimate.cells,
        calls: estimate.estimate.calls,
        max_calls: estimate.maxCalls,
        prompt_tokens: estimate.estimate.promptTokens,
        completion_tokens: estimate.estimate.completionTokens,
        cost_usd: estimate.estimate.costUsd,
        unpriced_models: [...estimate.estimate.unpricedModels],
        countries: [...estimate.spec.countries],
        models: estimate.spec.models.map((model) => ({
          model_id: model.modelId,
          provider: model.provider,
        })),
        samples: estimate.spec.samples,
      };
    },
  );

  routes.get(
    '/api/batches',
    {
      schema: {
        tags,
        operationId: 'listBatches',
        summary: 'List batches, newest first (filter by template and status)',
        querystring: ListBatchesQuerySchema,
        response: { 200: BatchPageSchema, ...errorResponses({ validation: true }) },
      },
    },
    async (request) => {
      const query = request.query;
      const page = await batches.listBatches({
        orgId: orgFilterFor(request.principal, query.org_id),
        templateId: query.template_id,
        status: query.status,
        limit: query.limit ?? 50,
        cursor: query.cursor,
      });
      return { items: page.items.map(toBatchResponse), next_cursor: page.nextCursor };
    },
  );

  routes.get(
    '/api/batches/:batch_id',
    {
      schema: {
        tags,
        operationId: 'getBatch',
        summary: 'A batch: status, counts, timing, ETA, estimated and actual use',
        params: BatchIdParamsSchema,
        response: { 200: BatchSchema, ...errorResponses({ notFound: true }) },
      },
    },
    async (request) =>
      toBatchResponse(await batches.getBatch(request.params.batch_id, request.principal)),
  );

  routes.get(
    '/api/batches/:batch_id/cells',
    {
      schema: {
        tags,
        operationId: 'listBatchCells',
        summary: "A batch's cells in matrix order (filter by status)",
        params: BatchIdParamsSchema,
        querystring: ListCellsQuerySchema,
        response: {
          200: BatchCellPageSchema,
          ...errorResponses({ notFound: true, validation: true }),
        },
      },
    },
    async (request) => {
      const page = await batches.listCells({
        batchId: request.params.batch_id,
        caller: request.principal,
        status: request.query.status,
        limit: request.query.limit ?? 100,
        cursor: request.query.cursor,
      });
      return { items: page.items.map(toBatchCellResponse), next_cursor: page.nextCursor };
    },
  );

  routes.post(
    '/api/batches/:batch_id/cancel',
    {
      schema: {
        tags,
        operationId: 'cancelBatch',
        summary: 'Cancel: no new cell starts; cells in flight finish and are recorded',
        params: BatchIdParamsSchema,
        response: { 200: BatchSchema, ...errorResponses({ body: true, notFound: true }) },
      },
    },
    async (request) =>
      toBatchResponse(await batches.cancelBatch(request.params.batch_id, request.principal)),
  );
}
