import type { FastifySchemaValidationError } from 'fastify';
import type { TSchema } from 'typebox';
import type { ValidateFunction } from 'ajv';
import { ValidationError } from '../core/app-error.ts';
import { createBodyValidator } from '../http/schema-validators.ts';
import { issuesFromSchemaErrors } from '../http/validation-issues.ts';

const validator = createBodyValidator();
const compiled = new WeakMap<TSchema, ValidateFunction>();

/**
 * Checks a request the local mode is about to serve against the route's own schema, with the
 * route's validator settings, so a bad value is the same 422 whether a server or the local
 * database answers. Fills in the schema's defaults, as the route's validation does.
 */
export function validateRequest(schema: TSchema, value: unknown, location: 'body' | 'querystring') {
  let validate = compiled.get(schema);
  if (validate === undefined) {
    validate = validator.compile(schema);
    compiled.set(schema, validate);
  }
  if (!validate(value)) {
    const errors = (validate.errors ?? []) as unknown as FastifySchemaValidationError[];
    throw new ValidationError(issuesFromSchemaErrors(errors, location));
  }
}
