import type { FastifySerializerCompiler } from 'fastify';
import { stringifyLosslessJson } from '../core/json/lossless-json.ts';

/**
 * A route's `serializerCompiler` for responses that carry stored JSON (template fields, a
 * result's request): every status is written by `stringifyLosslessJson`, so numbers keep their
 * digits (`12345678901234567890`, `1.0`, `-0.0`) and stored JSON text goes out verbatim. Fastify's
 * default serialiser (fast-json-stringify) writes them as doubles. The response schemas stay on
 * the route for the OpenAPI document; the handlers build exactly the documented objects.
 */
export const losslessSerializerCompiler: FastifySerializerCompiler<unknown> = () => (data) =>
  stringifyLosslessJson(data);
