import { Type, type Static } from 'typebox';
import { MAX_PROMPT_LENGTH } from './max-prompt-length.ts';

export const RunBodySchema = Type.Object(
  {
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
  },
  {
    title: 'RunRequest',
    description:
      'Every field is optional: by default the server renders the template with runtime_vars.',
    // "Try it out" sends this: no rendered_prompt, so the template's own prompt is what runs.
    examples: [{ runtime_vars: { category: 'supplements' }, country: 'US' }],
  },
);
export type RunBody = Static<typeof RunBodySchema>;

export const RunResponseSchema = Type.Object(
  {
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
  },
  {
    title: 'RunResult',
    description: 'The provider answered; the result and the version are stored',
  },
);
