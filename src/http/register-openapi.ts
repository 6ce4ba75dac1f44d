import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { hoistNamedSchemas } from './hoist-named-schemas.ts';
import { markOptionalRequestBodies } from './mark-optional-request-bodies.ts';

/**
 * OpenAPI generated from the route schemas, served at `/openapi.json`, with Swagger UI at `/docs`.
 * Must be registered before the routes it documents. Declare a route's errors with
 * `errorResponses(…)` (`error-response-schemas.ts`); a schema with a `title` becomes a named
 * component; `examples: [x]` on a body or response schema is what "Try it out" sends or shows.
 */
export async function registerOpenApi(
  app: FastifyInstance,
  version: string,
  publicUrl: string | null = null,
): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Prompter',
        version,
        license: { name: 'Proprietary (UNLICENSED)', identifier: 'UNLICENSED' },
        description:
          'Prompt identity (config hash), provider-versioned runs and their audit trail. ' +
          'Errors are `{"detail": …}`: a string (404), `[{loc, msg, type}]` (422) or `{code, message}`.',
      },
      components: {
        securitySchemes: {
          apiKey: {
            type: 'http',
            scheme: 'bearer',
            description: 'An API key from `prompter keys create` (needed when auth is on)',
          },
        },
      },
      // Relative to the document unless PROMPTER_PUBLIC_URL names the address clients use.
      servers: [
        publicUrl === null
          ? { url: '/', description: 'This server' }
          : { url: publicUrl, description: 'PROMPTER_PUBLIC_URL' },
      ],
      security: [{ apiKey: [] }],
      tags: [
        { name: 'templates', description: 'Prompt configurations and their identity' },
        { name: 'runs', description: 'Run a template: call the provider, record the answer' },
        { name: 'versions', description: 'Which model actually answered: version keys over time' },
        { name: 'results', description: 'The audit trail: every request and response' },
        { name: 'audit', description: 'Administrative actions (keys, deletes, restores)' },
        { name: 'health', description: 'Liveness' },
      ],
    },
    transformObject: (documentObject) =>
      'openapiObject' in documentObject
        ? hoistNamedSchemas(markOptionalRequestBodies(documentObject.openapiObject))
        : documentObject.swaggerObject,
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });
  app.get('/openapi.json', { schema: { hide: true } }, () => app.swagger());
}
