import { Type, type TSchema } from 'typebox';
import { errorStatusByCode, type ErrorCode } from '../core/app-error.ts';

/**
 * The documented error bodies; every error is `{"detail": …}` (docs/api-contract.md §3). A schema with a
 * `title` becomes a named component of `/openapi.json` (`hoistNamedSchemas`), so give each
 * title to one schema only.
 */
export const ErrorResponseSchema = Type.Object(
  {
    detail: Type.Object(
      {
        code: Type.String({
          enum: Object.keys(errorStatusByCode),
          description: 'The closed vocabulary of error codes; each has one HTTP status.',
        }),
        message: Type.String({ description: 'What went wrong, for a person to read.' }),
      },
      {
        additionalProperties: true,
        description:
          'Some codes add fields beside code and message (TEMPLATE_EXISTS: template_id, ' +
          'RATE_LIMITED: retry_after_seconds, PROVIDER_ERROR: retryable and result_id).',
      },
    ),
  },
  { title: 'Error' },
);

export const NotFoundResponseSchema = Type.Object(
  { detail: Type.String() },
  {
    title: 'NotFoundError',
    description: 'Unknown (or malformed) id, or one the caller may not see',
    examples: [{ detail: 'Template not found' }],
  },
);

export const ValidationErrorResponseSchema = Type.Object(
  {
    detail: Type.Array(
      Type.Object({
        loc: Type.Array(Type.Union([Type.String(), Type.Integer()]), {
          description: 'Where: "body", "query" or "path", then the field path.',
        }),
        msg: Type.String(),
        type: Type.String(),
      }),
    ),
  },
  {
    title: 'ValidationError',
    description: 'The request does not match the schema; each entry names the field',
    examples: [{ detail: [{ loc: ['body', 'model_id'], msg: 'Field required', type: 'missing' }] }],
  },
);

export const ProviderErrorResponseSchema = Type.Object(
  {
    detail: Type.Object(
      {
        code: Type.Literal('PROVIDER_ERROR'),
        message: Type.String(),
        provider: Type.String(),
        kind: Type.String(),
        retryable: Type.Boolean(),
        provider_status: Type.Union([Type.Integer(), Type.Null()]),
        retry_after_ms: Type.Union([Type.Integer(), Type.Null()]),
        result_id: Type.Optional(Type.String()),
      },
      { additionalProperties: true },
    ),
  },
  {
    title: 'ProviderError',
    description: 'The provider failed; the failed result is stored (result_id)',
  },
);

/** What a route can do, which decides the errors it can answer with. */
export interface RouteErrorTraits {
  /** It reads a JSON body (POST, PUT, PATCH, DELETE): 413 too large, 415 not JSON. */
  readonly body?: boolean;
  /** It validates a query string, or its service reports field errors: 422 (`body` implies it). */
  readonly validation?: boolean;
  /** It names something by id that may not exist or not be visible to the caller: 404. */
  readonly notFound?: boolean;
  /** Reachable without an API key (`publicRoutes` in app.ts): no 401, 403 or 429. */
  readonly public?: boolean;
}

/** The Error schema for one status: its description and an example with its code. */
const errorSchema = (code: ErrorCode, description: string, message: string): TSchema => ({
  ...ErrorResponseSchema,
  'x-response-description': `${description} (${code})`,
  examples: [{ detail: { code, message } }],
});

/**
 * The error responses every route shares, for its `response` schema:
 * `response: { 200: TemplateSchema, 409: TemplateExistsSchema, ...errorResponses({ body: true, validation: true }) }`.
 * 400, 500 and 503 always; 401, 403 and 429 unless public; the rest by trait. A test walks every
 * route, provokes each of these, and fails when a status it saw is not declared
 * (`test/openapi-statuses.test.ts`).
 */
export function errorResponses(traits: RouteErrorTraits = {}): Record<number, TSchema> {
  const responses: Record<number, TSchema> = {
    400:
      traits.body === true
        ? errorSchema(
            'MALFORMED_JSON',
            'A URL or request the server cannot read (BAD_REQUEST), or malformed JSON',
            'Request body is not valid JSON: Unexpected end of input at position 1',
          )
        : errorSchema(
            'BAD_REQUEST',
            'A URL or request the server cannot read',
            'The URL cannot be read: URI malformed',
          ),
  };
  if (traits.public !== true) {
    responses[401] = errorSchema(
      'UNAUTHORIZED',
      'No API key, or one that is unknown, revoked or expired',
      'An API key is required: send "Authorization: Bearer <key>".',
    );
    responses[403] = errorSchema(
      'FORBIDDEN',
      'The API key may not do this: a viewer writing, a member on an admin route, another org',
      'A viewer key may only read (GET and HEAD).',
    );
    responses[429] = errorSchema(
      'RATE_LIMITED',
      'Too many requests for this API key; wait as the Retry-After header says',
      'Too many requests: at most 600 per minute. Retry after 1 minute.',
    );
  }
  if (traits.notFound === true) responses[404] = NotFoundResponseSchema;
  if (traits.body === true) {
    responses[413] = errorSchema(
      'PAYLOAD_TOO_LARGE',
      'The body is larger than PROMPTER_BODY_LIMIT_BYTES',
      'Request body is larger than the limit of 1048576 bytes.',
    );
    responses[415] = errorSchema(
      'UNSUPPORTED_MEDIA_TYPE',
      'The body is not UTF-8 application/json, or it has a Content-Encoding',
      'Unsupported Media Type: text/plain',
    );
  }
  // A JSON body holding NUL or a lone surrogate is a 422 on any route that reads one.
  if (traits.validation === true || traits.body === true) {
    responses[422] = ValidationErrorResponseSchema;
  }
  responses[500] = errorSchema(
    'INTERNAL',
    'An unexpected fault; the message names the request id to report',
    'Internal server error (request 6f1c…).',
  );
  responses[503] = errorSchema(
    'DATABASE_UNAVAILABLE',
    'A dependency (the database) is not answering; retry shortly',
    'The database is not answering; try again shortly.',
  );
  return responses;
}
