import { Type, type Static } from 'typebox';
import { MAX_PROMPT_LENGTH } from './max-prompt-length.ts';

export const RunBodySchema = Type.Object({
  rendered_prompt: Type.Optional(
    Type.Union([Type.String({ minLength: 1, maxLength: MAX_PROMPT_LENGTH }), Type.Null()], {
      description: 'Sent verbatim when given; otherwise the server renders user_prompt_template.',
    }),
  ),
  runtime_vars: Type.Optional(
    Type.Record(
      Type.String({ maxLength: 200 }),
      Type.Union([Type.String({ maxLength: 100_000 }), Type.Number(), Type.Boolean()]),
      { default: {}, description: 'Values for {{placeholders}}' },
    ),
  ),
  brand_name: Type.Optional(
    Type.Union([Type.String({ minLength: 1, maxLength: 200 }), Type.Null()]),
  ),
  country: Type.Optional(Type.Union([Type.String({ minLength: 1, maxLength: 64 }), Type.Null()])),
  analysis_scope: Type.Optional(Type.String({ minLength: 1, maxLength: 100, default: 'brand' })),
  use_grounding: Type.Optional(Type.Boolean({ default: false })),
});
export type RunBody = Static<typeof RunBodySchema>;

export const RunResponseSchema = Type.Object({
  result_id: Type.String(),
  version_id: Type.String(),
  provider_version_key: Type.String(),
  system_fingerprint: Type.Union([Type.String(), Type.Null()]),
  created_at: Type.String({ format: 'date-time' }),
  provider: Type.String(),
  model_id: Type.String(),
  status: Type.Literal('succeeded'),
  content: Type.Union([Type.String(), Type.Null()]),
  usage: Type.Unknown(),
  latency_ms: Type.Union([Type.Integer(), Type.Null()]),
  simulated: Type.Boolean(),
  rendered_prompt_sha256: Type.Union([Type.String(), Type.Null()]),
});

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
  { description: 'The provider failed; the failed result is stored (result_id)' },
);
