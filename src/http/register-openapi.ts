import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';

/**
 * OpenAPI generated from the route schemas, served at `/openapi.json`, with Swagger UI at `/docs`.
 * Must be registered before the routes it documents.
 */
export async function registerOpenApi(app: FastifyInstance, version: string): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Prompter',
        version,
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
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });
  app.get('/openapi.json', { schema: { hide: true } }, () => app.swagger());
}
