import { Readable } from 'node:stream';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { errorResponses } from '../http/error-response-schemas.ts';
import { losslessSerializerCompiler } from '../http/lossless-serializer-compiler.ts';
import { TemplateIdParamsSchema } from '../templates/templates.schemas.ts';
import { toResultResponse } from './result-response.ts';
import {
  ExportResultsQuerySchema,
  ListResultsQuerySchema,
  ResultIdParamsSchema,
  ResultPageSchema,
  ResultSchema,
} from './results.schemas.ts';
import type { ResultQuery, ResultsService } from './results.service.ts';

const tags = ['results'];

function resultQuery(query: {
  country?: string;
  version_id?: string;
  provider_version_key?: string;
  status?: string;
  from?: string;
  to?: string;
}): ResultQuery {
  return {
    country: query.country,
    versionId: query.version_id,
    providerVersionKey: query.provider_version_key,
    status: query.status,
    from: query.from,
    to: query.to,
  };
}

/** Reading the audit trail (docs/api-contract.md §3). */
export function registerResultRoutes(app: FastifyInstance, results: ResultsService): void {
  const routes = app.withTypeProvider<TypeBoxTypeProvider>();

  routes.get(
    '/api/prompt-results/:result_id',
    {
      serializerCompiler: losslessSerializerCompiler,
      schema: {
        tags,
        operationId: 'getResult',
        summary: 'One result: the full audit record',
        params: ResultIdParamsSchema,
        response: { 200: ResultSchema, ...errorResponses({ notFound: true }) },
      },
    },
    async (request) =>
      toResultResponse(await results.getResult(request.params.result_id, request.principal)),
  );

  routes.get(
    '/api/prompt-templates/:template_id/results',
    {
      serializerCompiler: losslessSerializerCompiler,
      schema: {
        tags,
        operationId: 'listResults',
        summary: "A template's results, newest first, filtered by country, version, status, time",
        params: TemplateIdParamsSchema,
        querystring: ListResultsQuerySchema,
        response: {
          200: ResultPageSchema,
          ...errorResponses({ notFound: true, validation: true }),
        },
      },
    },
    async (request) => {
      const page = await results.listResults(
        request.params.template_id,
        request.principal,
        resultQuery(request.query),
        { limit: request.query.limit ?? 50, cursor: request.query.cursor },
      );
      return { items: page.items.map(toResultResponse), next_cursor: page.nextCursor };
    },
  );

  routes.get(
    '/api/prompt-templates/:template_id/results/export',
    {
      schema: {
        tags,
        operationId: 'exportResults',
        summary: 'Stream every matching result, oldest first, as CSV or JSON Lines',
        description: 'CSV columns are fixed; see docs/exports.md. JSONL lines are full records.',
        params: TemplateIdParamsSchema,
        querystring: ExportResultsQuerySchema,
        response: {
          // Only the success is CSV or NDJSON (by `format`); errors are JSON like everywhere.
          200: {
            description: 'Every matching result, oldest first, streamed',
            content: {
              'text/csv': {
                schema: Type.String({ description: 'format=csv: fixed columns, one result a row' }),
              },
              'application/x-ndjson': {
                schema: Type.String({ description: 'format=jsonl: one full result per line' }),
              },
            },
          },
          ...errorResponses({ notFound: true, validation: true }),
        },
      },
    },
    async (request, reply) => {
      const format = request.query.format ?? 'jsonl';
      const text = await results.exportResults(
        request.params.template_id,
        request.principal,
        resultQuery(request.query),
        format,
      );
      const extension = format === 'csv' ? 'csv' : 'jsonl';
      // Byte mode: the stream asks for the next chunk only when the client has taken the last.
      const stream = Readable.from(text, { objectMode: false });
      return (
        reply
          .header(
            'content-type',
            format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson',
          )
          .header(
            'content-disposition',
            `attachment; filename="results-${request.params.template_id}.${extension}"`,
          )
          // Fastify pipes streams as they are; the typed reply only knows the documented JSON bodies.
          .send(stream as unknown as string)
      );
    },
  );
}
