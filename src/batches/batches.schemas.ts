import { Type, type Static } from 'typebox';
import { batchLimits } from './batch-spec.ts';

const ModelEntrySchema = Type.Union([
  Type.String({ minLength: 1, maxLength: 200, description: 'A model id' }),
  Type.Object(
    {
      model_id: Type.String({ minLength: 1, maxLength: 200 }),
      provider: Type.Optional(
        Type.Union([
          Type.Literal('openai'),
          Type.Literal('google'),
          Type.Literal('anthropic'),
          Type.Literal('azure-openai'),
        ]),
      ),
    },
    { description: 'A model id with the provider that serves it' },
  ),
]);

export const BatchBodySchema = Type.Object(
  {
    countries: Type.Optional(
      Type.Array(Type.String({ maxLength: 64 }), {
        maxItems: batchLimits.maxCountries,
        description:
          "Countries, normalised like country_set (default: the template's; an empty set runs one cell without a country)",
      }),
    ),
    models: Type.Optional(
      Type.Array(ModelEntrySchema, {
        minItems: 1,
        maxItems: batchLimits.maxModels,
        description: "Models to run the template's prompt on (default: the template's model)",
      }),
    ),
    samples: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: batchLimits.maxSamples,
        default: 1,
        description: 'Runs per (country, model): answers vary, so sample each cell',
      }),
    ),
    runtime_vars: Type.Optional(
      Type.Record(
        Type.String({ maxLength: 200 }),
        Type.Union([Type.String({ maxLength: 100_000 }), Type.Number(), Type.Boolean()]),
        { maxProperties: 100, description: 'Values for {{placeholders}}' },
      ),
    ),
    brand_name: Type.Optional(
      Type.Union([Type.String({ minLength: 1, maxLength: 200 }), Type.Null()]),
    ),
    use_grounding: Type.Optional(Type.Boolean({ default: false })),
    concurrency: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: batchLimits.maxConcurrency,
        default: batchLimits.defaultConcurrency,
        description: 'Cells of this batch in flight at once, at most',
      }),
    ),
    max_attempts: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: batchLimits.maxAttempts,
        default: batchLimits.defaultMaxAttempts,
        description: 'Provider attempts per cell, at most (re-sends only when not billed)',
      }),
    ),
    resend_interrupted: Type.Optional(
      Type.Boolean({
        default: true,
        description:
          'Re-send (once) an attempt interrupted by a crash or timeout, which may have been billed; false fails such cells',
      }),
    ),
  },
  {
    title: 'BatchRequest',
    description: 'Countries × models × samples to run; every field is optional',
    examples: [{ countries: ['US', 'GB'], models: ['gpt-4o'], samples: 3, concurrency: 10 }],
  },
);
export type BatchBody = Static<typeof BatchBodySchema>;

export const TemplateIdParamsSchema = Type.Object({
  template_id: Type.String({ maxLength: 2048 }),
});

export const BatchIdParamsSchema = Type.Object({ batch_id: Type.String({ maxLength: 2048 }) });

export const IdempotencyHeadersSchema = Type.Object({
  'idempotency-key': Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: 200,
      pattern: '^[\\x21-\\x7E]+$',
      description: 'A retried POST with the same key and body answers the same batch (per org)',
    }),
  ),
});

const UsageSchema = Type.Object({
  calls: Type.Integer(),
  prompt_tokens: Type.Integer(),
  completion_tokens: Type.Integer(),
  cost_usd: Type.Union([Type.Number(), Type.Null()]),
});

const BatchStatusSchema = Type.Union([
  Type.Literal('queued'),
  Type.Literal('running'),
  Type.Literal('completed'),
  Type.Literal('failed'),
  Type.Literal('cancelled'),
]);

export const BatchSchema = Type.Object(
  {
    batch_id: Type.String(),
    template_id: Type.String(),
    org_id: Type.String(),
    workspace_id: Type.String(),
    schedule_id: Type.Union([Type.String(), Type.Null()]),
    status: BatchStatusSchema,
    total: Type.Integer(),
    pending: Type.Integer(),
    running: Type.Integer(),
    succeeded: Type.Integer(),
    failed: Type.Integer(),
    cancelled: Type.Integer(),
    possibly_billed_resends: Type.Integer(),
    created_at: Type.String({ format: 'date-time' }),
    started_at: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
    finished_at: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
    cancel_requested_at: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
    eta_seconds: Type.Union([Type.Integer(), Type.Null()]),
    estimate: UsageSchema,
    actual: UsageSchema,
    countries: Type.Array(Type.Union([Type.String(), Type.Null()])),
    models: Type.Array(Type.Object({ model_id: Type.String(), provider: Type.String() })),
    samples: Type.Integer(),
    concurrency: Type.Integer(),
    max_attempts: Type.Integer(),
    resend_interrupted: Type.Boolean(),
    use_grounding: Type.Boolean(),
  },
  {
    title: 'Batch',
    description: 'A batch: status, cell counts, timing, ETA, estimated and actual use',
  },
);

export const BatchPageSchema = Type.Object(
  {
    items: Type.Array(BatchSchema),
    next_cursor: Type.Union([Type.String(), Type.Null()]),
  },
  { title: 'BatchPage', description: 'One page of batches, newest first' },
);

export const ListBatchesQuerySchema = Type.Object({
  org_id: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  template_id: Type.Optional(Type.String({ maxLength: 2048 })),
  status: Type.Optional(BatchStatusSchema),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
  cursor: Type.Optional(Type.String({ maxLength: 512 })),
});

const CellStatusSchema = Type.Union([
  Type.Literal('pending'),
  Type.Literal('running'),
  Type.Literal('succeeded'),
  Type.Literal('failed'),
  Type.Literal('cancelled'),
]);

export const BatchCellSchema = Type.Object(
  {
    cell_id: Type.String(),
    batch_id: Type.String(),
    country: Type.Union([Type.String(), Type.Null()]),
    provider: Type.String(),
    model_id: Type.String(),
    sample_index: Type.Integer(),
    status: CellStatusSchema,
    attempts: Type.Integer(),
    possibly_billed_resends: Type.Integer(),
    result_id: Type.Union([Type.String(), Type.Null()]),
    error: Type.Unknown(),
    next_attempt_at: Type.String({ format: 'date-time' }),
    updated_at: Type.String({ format: 'date-time' }),
  },
  { title: 'BatchCell', description: 'One (country, model, sample) of a batch' },
);

export const ListCellsQuerySchema = Type.Object({
  status: Type.Optional(CellStatusSchema),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
  cursor: Type.Optional(Type.String({ maxLength: 512 })),
});

export const BatchCellPageSchema = Type.Object(
  {
    items: Type.Array(BatchCellSchema),
    next_cursor: Type.Union([Type.String(), Type.Null()]),
  },
  { title: 'BatchCellPage', description: 'One page of cells, in matrix order' },
);

export const BatchEstimateSchema = Type.Object(
  {
    template_id: Type.String(),
    cells: Type.Integer(),
    calls: Type.Integer({ description: 'Expected provider calls (one per cell)' }),
    max_calls: Type.Integer({ description: 'At most this many, if every cell used every attempt' }),
    prompt_tokens: Type.Integer(),
    completion_tokens: Type.Integer(),
    cost_usd: Type.Union([Type.Number(), Type.Null()]),
    unpriced_models: Type.Array(Type.String()),
    countries: Type.Array(Type.Union([Type.String(), Type.Null()])),
    models: Type.Array(Type.Object({ model_id: Type.String(), provider: Type.String() })),
    samples: Type.Integer(),
  },
  { title: 'BatchEstimate', description: 'What a batch would cost, before it runs' },
);

/** A coded error in the one `{"detail": …}` shape (BUDGET_EXCEEDED, IDEMPOTENCY_KEY_REUSED). */
export const CodedErrorResponseSchema = Type.Object(
  {
    detail: Type.Object(
      { code: Type.String(), message: Type.String() },
      { additionalProperties: true },
    ),
  },
  { description: 'A rule refused the request; `code` names it' },
);
