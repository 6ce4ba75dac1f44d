// A template's tools and response format as templates store them, in OpenAI's Chat Completions
// shape (https://platform.openai.com/docs/guides/function-calling), for the adapter tests that
// check how each provider receives them.
const brandSchema = {
  type: 'object',
  properties: { name: { type: 'string' } },
  required: ['name'],
  additionalProperties: false,
};

export const providerTemplateTools = {
  /** JSON Schema, as OpenAI's strict mode wants it. */
  brandSchema,
  /** A function with a description and parameters. */
  lookupBrand: {
    type: 'function',
    function: { name: 'lookup_brand', description: 'Looks a brand up.', parameters: brandSchema },
  },
  /** A function that takes no parameters (`parameters` may be left out). */
  listBrands: { type: 'function', function: { name: 'list_brands' } },
  jsonSchemaFormat: {
    type: 'json_schema',
    json_schema: { name: 'brand', schema: brandSchema, strict: true },
  },
} as const;
