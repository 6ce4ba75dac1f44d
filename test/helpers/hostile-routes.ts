// Every documented route, read from the app's own /openapi.json, so a route added later is
// attacked by the hostile-input suite without anyone remembering to list it.
import type { FastifyInstance } from 'fastify';
import type { JsonSchema } from './hostile-schema.ts';

export interface DocumentedParameter {
  readonly name: string;
  readonly in: 'path' | 'query' | 'header';
  readonly schema: JsonSchema;
}

export interface DocumentedRoute {
  readonly method: string;
  /** As documented, with `{template_id}`-style placeholders. */
  readonly path: string;
  /** The JSON body schema, or null for a route that declares no body. */
  readonly bodySchema: JsonSchema | null;
  readonly query: readonly DocumentedParameter[];
  readonly pathParameters: readonly string[];
}

interface OpenApiOperation {
  readonly parameters?: readonly DocumentedParameter[];
  readonly requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
}

export async function documentedRoutes(app: FastifyInstance): Promise<DocumentedRoute[]> {
  const response = await app.inject({ method: 'GET', url: '/openapi.json' });
  const document = response.json<{
    paths: Record<string, Record<string, OpenApiOperation>>;
    components?: { schemas?: Record<string, JsonSchema> };
  }>();
  const named = document.components?.schemas ?? {};
  const routes: DocumentedRoute[] = [];
  for (const [path, operations] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(operations)) {
      const parameters = operation.parameters ?? [];
      routes.push({
        method: method.toUpperCase(),
        path,
        bodySchema: resolveRefs(
          operation.requestBody?.content?.['application/json']?.schema ?? null,
          named,
        ),
        query: parameters.filter((parameter) => parameter.in === 'query'),
        pathParameters: [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? ''),
      });
    }
  }
  return routes;
}

/** The schema with every `$ref` to `#/components/schemas/…` replaced by the named schema. */
function resolveRefs<T>(schema: T, named: Record<string, JsonSchema>): T {
  if (Array.isArray(schema)) return schema.map((item: unknown) => resolveRefs(item, named)) as T;
  if (typeof schema !== 'object' || schema === null) return schema;
  const ref = (schema as { $ref?: unknown }).$ref;
  if (typeof ref === 'string' && ref.startsWith('#/components/schemas/')) {
    return resolveRefs(named[ref.slice('#/components/schemas/'.length)] as T, named);
  }
  return Object.fromEntries(
    Object.entries(schema).map(([key, value]) => [key, resolveRefs(value, named)]),
  ) as T;
}

/** The route's URL with each `{name}` replaced by `segmentFor(name)` (already encoded). */
export function fillPath(route: DocumentedRoute, segmentFor: (name: string) => string): string {
  return route.path.replace(/\{(\w+)\}/g, (_match, name: string) => segmentFor(name));
}

/** Whether a request with this method has its body read at all (Fastify skips GET and HEAD). */
export function readsBody(route: DocumentedRoute): boolean {
  return route.method !== 'GET' && route.method !== 'HEAD';
}

/** Reads, and routes that promise never to write (check-duplicate). */
export function neverWrites(route: DocumentedRoute): boolean {
  return !readsBody(route) || route.path.endsWith('/check-duplicate');
}
