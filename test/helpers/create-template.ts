import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { templateBody } from './template-bodies.ts';

/** Creates a template through the API and returns its response body. */
export async function createTemplate(
  app: FastifyInstance,
  overrides: Record<string, unknown> = {},
): Promise<{ id: string; workspace_id: string; [field: string]: unknown }> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/prompt-templates',
    payload: templateBody(overrides),
  });
  assert.equal(response.statusCode, 201, response.body);
  return response.json();
}
