import { Ajv, type ErrorObject, type Options, type ValidateFunction } from 'ajv';
import type { FastifySchemaCompiler } from 'fastify';
import type { JsonValue } from '../core/json/lossless-json.ts';
import { findNulCharacter } from './find-nul-character.ts';

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
 * as text, so they are coerced (`limit=10`). A query string holding U+0000 is a 422, as in a body
 * (`json-body-parser.ts`): PostgreSQL text cannot hold it, so it must never reach a query. Path
 * ids are left alone: a malformed id is a 404.
 */
export function createSchemaValidatorCompiler(): FastifySchemaCompiler<unknown> {
  const bodyValidator = createBodyValidator();
  const textValidator = new Ajv({ ...sharedOptions, coerceTypes: 'array' });
  return ({ schema, httpPart }): ValidateFunction => {
    if (httpPart === 'body') return bodyValidator.compile(schema as object);
    const validate = textValidator.compile(schema as object);
    return httpPart === 'querystring' ? rejectingNulCharacters(validate) : validate;
  };
}

/** `validate`, then a 422 for the first query parameter whose name or value holds U+0000. */
function rejectingNulCharacters(validate: ValidateFunction): ValidateFunction {
  const checked = ((data: unknown) => {
    checked.errors = null;
    const nulError = findNulParameter(data);
    if (nulError !== null) {
      checked.errors = [nulError];
      return false;
    }
    const valid = validate(data);
    checked.errors = validate.errors ?? null;
    return valid;
  }) as ValidateFunction;
  return Object.assign(checked, { schema: validate.schema, schemaEnv: validate.schemaEnv });
}

/** The first query parameter whose name or value holds U+0000, as an Ajv error, or null. */
function findNulParameter(query: unknown): ErrorObject | null {
  if (typeof query !== 'object' || query === null) return null;
  const path = findNulCharacter(query as JsonValue);
  const name = path?.[0];
  if (name === undefined) return null;
  return {
    keyword: 'nul_character',
    instancePath: `/${String(name).replace(/~/g, '~0').replace(/\//g, '~1')}`,
    schemaPath: '#',
    params: {},
    message: 'Text must not contain the NUL character (\\u0000)',
  };
}
