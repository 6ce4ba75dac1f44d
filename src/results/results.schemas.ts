import { Type, type Static } from 'typebox';

const nullableString = Type.Union([Type.String(), Type.Null()]);

export const ResultSchema = Type.Object(
  {
    id: Type.String(),
    template_id: Type.String(),
    version_id: nullableString,
    batch_id: nullableString,
    sample_index: Type.Union([Type.Integer(), Type.Null()]),
    country_applied: Type.Union(
      [
        Type.Literal('tool_location'),
        Type.Literal('prompt_context'),
        Type.Literal('not_applied'),
        Type.Null(),
      ],
      { description: 'How the country reached the model (batch results)' },
    ),
    org_id: Type.String(),
    workspace_id: Type.String(),
    provider: Type.String(),
    model_id: Type.String(),
    provider_version_key: nullableString,
    system_fingerprint: nullableString,
    country: nullableString,
    brand_name: nullableString,
    runtime_vars: Type.Unknown(),
    use_grounding: Type.Boolean(),
    analysis_config: Type.Unknown(),
    rendered_prompt_sha256: nullableString,
    request: Type.Unknown({ description: 'The request exactly as sent to the provider' }),
    response: Type.Unknown({ description: 'The whole provider response' }),
    content: nullableString,
    usage: Type.Unknown(),
    latency_ms: Type.Union([Type.Integer(), Type.Null()]),
    status: Type.Union([Type.Literal('succeeded'), Type.Literal('failed')]),
    error: Type.Unknown(),
    simulated: Type.Boolean(),
    created_at: Type.String({ format: 'date-time' }),
  },
  {
    title: 'Result',
    description: 'One run: the request as sent, the whole response, usage and version',
  },
);
export type ResultResponse = Static<typeof ResultSchema>;

export const ResultFilterFields = {
  country: Type.Optional(Type.String({ maxLength: 64 })),
  version_id: Type.Optional(Type.String({ maxLength: 64 })),
  provider_version_key: Type.Optional(Type.String({ maxLength: 500 })),
  status: Type.Optional(Type.Union([Type.Literal('succeeded'), Type.Literal('failed')])),
  from: Type.Optional(Type.String({ maxLength: 64, description: 'created_at ≥ from (ISO-8601)' })),
  to: Type.Optional(Type.String({ maxLength: 64, description: 'created_at < to (ISO-8601)' })),
};

export const ListResultsQuerySchema = Type.Object({
  ...ResultFilterFields,
  limit: Type.Optional(
    Type.Integer({
      minimum: 1,
      maximum: 500,
      default: 50,
      description:
        'Rows per page; a page also ends at about 8 MiB of stored data (then follow next_cursor).',
    }),
  ),
  cursor: Type.Optional(Type.String({ maxLength: 500 })),
});
export type ListResultsQuery = Static<typeof ListResultsQuerySchema>;

export const ExportResultsQuerySchema = Type.Object({
  ...ResultFilterFields,
  format: Type.Optional(
    Type.Union([Type.Literal('csv'), Type.Literal('jsonl')], { default: 'jsonl' }),
  ),
});

export const ResultPageSchema = Type.Object(
  { items: Type.Array(ResultSchema), next_cursor: nullableString },
  { title: 'ResultPage', description: "One page of the template's results, newest first" },
);

export const ResultIdParamsSchema = Type.Object({
  result_id: Type.String({ description: 'A result id (UUID)' }),
});
