import { Ajv, type Options, type ValidateFunction } from 'ajv';
import type { FastifySchemaCompiler } from 'fastify';

const sharedOptions: Options = {
  allErrors: true,
  useDefaults: true,
  removeAdditional: false,
  strict: false,
  // TypeBox marks formats for documentation; ids are checked by the services (404, not 422).
  validateFormats: false,
};

/** Bodies are validated as sent: a number is never coerced into a string (`"name": 5` is a 422). */
export function createBodyValidator(): Ajv {
  return new Ajv({ ...sharedOptions, coerceTypes: false });
}

/**
 * Fastify's validator compiler: bodies strict (above); query strings and path parameters arrive
 * as text, so they are coerced (`limit=10`).
 */
export function createSchemaValidatorCompiler(): FastifySchemaCompiler<unknown> {
  const bodyValidator = createBodyValidator();
  const textValidator = new Ajv({ ...sharedOptions, coerceTypes: 'array' });
  return ({ schema, httpPart }): ValidateFunction =>
    (httpPart === 'body' ? bodyValidator : textValidator).compile(schema as object);
}
