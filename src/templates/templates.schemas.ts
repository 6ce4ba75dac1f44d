import { Type, type Static } from 'typebox';
import { TEMPLATE_FIELD_LIMITS } from './template-field-limits.ts';

/** A tenant or brand id: a free string of 1–200 characters (docs/api-contract.md §1). */
export const TenantIdSchema = Type.String({ minLength: 1, maxLength: 200 });

export const ProviderNameSchema = Type.Union(
  [
    Type.Literal('openai'),
    Type.Literal('google'),
    Type.Literal('anthropic'),
    Type.Literal('azure-openai'),
  ],
  { description: 'The provider that serves the model; inferred from model_id when omitted.' },
);

const nullableText = (maxLength: number, description?: string) =>
  Type.Optional(
    Type.Union([Type.String({ maxLength }), Type.Null()], description ? { description } : {}),
  );
const JsonObjectSchema = Type.Record(Type.String(), Type.Unknown());

/** "At most N KiB as compact JSON and D levels deep": the documented limit of a JSON field. */
function limitNote(field: keyof typeof TEMPLATE_FIELD_LIMITS): string {
  const limit = TEMPLATE_FIELD_LIMITS[field];
  return `At most ${limit.maxBytes / 1024} KiB as compact JSON and ${limit.maxDepth} levels deep (create and check-duplicate answer 422 beyond).`;
}

/**
 * The generation configuration: every field that takes part in the config hash (docs/api-contract.md §2).
 * Shared by create, check-duplicate and the `prompter hash` command.
 */
export const TemplateConfigFields = {
  system_instructions: nullableText(100_000, 'System text; null is the same as "".'),
  user_prompt_template: Type.String({
    maxLength: 100_000,
    description:
      'The user prompt with {{placeholders}}, kept verbatim in the hash. Must hold text other ' +
      'than whitespace ("" and "   " are both a 422).',
  }),
  country_set: Type.Optional(
    Type.Array(Type.String({ maxLength: 64 }), {
      maxItems: 500,
      default: [],
      description: 'ISO country codes; trimmed, upper-cased, UK→GB, de-duplicated and sorted.',
    }),
  ),
  model_id: Type.String({ minLength: 1, maxLength: 200 }),
  inference_params: Type.Optional(
    Type.Union([JsonObjectSchema, Type.Null()], {
      description: `Floats are rounded to 4 decimals for the hash; 1 and 1.0 differ. ${limitNote('inference_params')}`,
    }),
  ),
  tools_spec: Type.Optional(
    Type.Union([Type.Array(Type.Union([JsonObjectSchema, Type.Null()])), Type.Null()], {
      description: limitNote('tools_spec'),
    }),
  ),
  response_format: Type.Optional(
    Type.Union([JsonObjectSchema, Type.Null()], { description: limitNote('response_format') }),
  ),
  grounding_profile_id: nullableText(200),
  grounding_snapshot_id: nullableText(200),
  retrieval_params: Type.Optional(
    Type.Union([JsonObjectSchema, Type.Null()], { description: limitNote('retrieval_params') }),
  ),
  preprocess_pipeline_id: nullableText(200),
  postprocess_pipeline_id: nullableText(200),
};

const createTemplateExample = {
  workspace_id: 'acme',
  name: 'Top brands',
  user_prompt_template: 'Top 10 {{category}} brands in {{country}}?',
  model_id: 'gpt-4o',
  country_set: ['US', 'GB'],
  inference_params: { temperature: 0.7 },
};

export const CreateTemplateBodySchema = Type.Object(
  {
    org_id: Type.Optional(TenantIdSchema),
    workspace_id: TenantIdSchema,
    name: Type.String({ minLength: 1, maxLength: 500 }),
    provider: Type.Optional(Type.Union([ProviderNameSchema, Type.Null()])),
    created_by: nullableText(200),
    ...TemplateConfigFields,
  },
  { title: 'CreateTemplateRequest', examples: [createTemplateExample] },
);
export type CreateTemplateBody = Static<typeof CreateTemplateBodySchema>;

export const CheckDuplicateBodySchema = Type.Object(
  {
    ...CreateTemplateBodySchema.properties,
    name: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { title: 'CheckDuplicateRequest', examples: [createTemplateExample] },
);
export type CheckDuplicateBody = Static<typeof CheckDuplicateBodySchema>;

export const TemplateSchema = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    org_id: Type.String(),
    workspace_id: Type.String(),
    name: Type.String(),
    provider: Type.Union([Type.String(), Type.Null()]),
    system_instructions: Type.Union([Type.String(), Type.Null()]),
    user_prompt_template: Type.String(),
    country_set: Type.Array(Type.String()),
    model_id: Type.String(),
    inference_params: Type.Unknown(),
    tools_spec: Type.Unknown(),
    response_format: Type.Unknown(),
    grounding_profile_id: Type.Union([Type.String(), Type.Null()]),
    grounding_snapshot_id: Type.Union([Type.String(), Type.Null()]),
    retrieval_params: Type.Unknown(),
    preprocess_pipeline_id: Type.Union([Type.String(), Type.Null()]),
    postprocess_pipeline_id: Type.Union([Type.String(), Type.Null()]),
    config_hash: Type.String({
      description: 'SHA-256 of config_canonical_json (docs/api-contract.md §2).',
    }),
    config_canonical_json: Type.String(),
    created_by: Type.Union([Type.String(), Type.Null()]),
    created_at: Type.String({ format: 'date-time' }),
    deleted_at: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  },
  { title: 'Template', description: 'A tracked prompt configuration and its identity' },
);
export type TemplateResponse = Static<typeof TemplateSchema>;

export const CheckDuplicateResponseSchema = Type.Object(
  {
    exact_match: Type.Boolean(),
    template_id: Type.Union([Type.String(), Type.Null()]),
    config_hash: Type.String(),
  },
  {
    title: 'DuplicateCheck',
    description: 'Whether an identical configuration is active, and the config hash',
  },
);

export const ListTemplatesQuerySchema = Type.Object({
  org_id: Type.Optional(TenantIdSchema),
  workspace_id: Type.Optional(TenantIdSchema),
  include_deleted: Type.Optional(Type.Boolean({ default: false })),
  limit: Type.Optional(
    Type.Integer({
      minimum: 1,
      maximum: 500,
      default: 50,
      description:
        'Rows per page; a page also ends at about 8 MiB of stored data (then follow next_cursor).',
    }),
  ),
  cursor: Type.Optional(
    Type.String({ maxLength: 500, description: 'next_cursor of the previous page' }),
  ),
});
export type ListTemplatesQuery = Static<typeof ListTemplatesQuerySchema>;

export const TemplatePageSchema = Type.Object(
  {
    items: Type.Array(TemplateSchema),
    next_cursor: Type.Union([Type.String(), Type.Null()]),
  },
  { title: 'TemplatePage', description: 'One page of templates, newest first' },
);

export const TemplateIdParamsSchema = Type.Object({
  template_id: Type.String({ description: 'A template id (UUID)' }),
});
export type TemplateIdParams = Static<typeof TemplateIdParamsSchema>;

export const TemplateExistsSchema = Type.Object(
  {
    detail: Type.Object({
      code: Type.Literal('TEMPLATE_EXISTS'),
      template_id: Type.Union([Type.String(), Type.Null()], {
        description: 'The active twin; null when it was deleted during a concurrent create',
      }),
      message: Type.String(),
    }),
  },
  {
    title: 'TemplateExistsError',
    description: 'An identical configuration is active in this org and workspace: template_id',
  },
);
