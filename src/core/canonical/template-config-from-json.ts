import { isJsonObject, type JsonObject, type JsonValue } from '../json/lossless-json.ts';
import type { TemplateConfig } from './template-config.ts';

/**
 * The hashed fields of a create request body (snake_case, docs/api-contract.md §3) as a {@link TemplateConfig}.
 * Missing fields take their defaults (null, or `[]` for `country_set`). Expects a body the API
 * has validated already; a wrong shape is a programming error and throws a TypeError.
 */
export function templateConfigFromJson(document: JsonObject): TemplateConfig {
  return {
    systemInstructions: optionalString(document, 'system_instructions'),
    userPromptTemplate: requiredString(document, 'user_prompt_template'),
    countrySet: stringArray(document, 'country_set'),
    modelId: requiredString(document, 'model_id'),
    inferenceParams: optionalObject(document, 'inference_params'),
    toolsSpec: optionalToolArray(document, 'tools_spec'),
    responseFormat: optionalObject(document, 'response_format'),
    groundingProfileId: optionalString(document, 'grounding_profile_id'),
    groundingSnapshotId: optionalString(document, 'grounding_snapshot_id'),
    retrievalParams: optionalObject(document, 'retrieval_params'),
    preprocessPipelineId: optionalString(document, 'preprocess_pipeline_id'),
    postprocessPipelineId: optionalString(document, 'postprocess_pipeline_id'),
  };
}

function optionalString(document: JsonObject, field: string): string | null {
  const value = document[field] ?? null;
  if (value === null || typeof value === 'string') return value;
  throw wrongShape(field, 'a string');
}

function requiredString(document: JsonObject, field: string): string {
  const value = document[field];
  if (typeof value === 'string') return value;
  throw wrongShape(field, 'a string');
}

function stringArray(document: JsonObject, field: string): string[] {
  const value = document[field] ?? null;
  if (value === null) return [];
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value;
  throw wrongShape(field, 'an array of strings');
}

function optionalObject(document: JsonObject, field: string): JsonObject | null {
  const value = document[field] ?? null;
  if (value === null || isJsonObject(value)) return value;
  throw wrongShape(field, 'an object');
}

function optionalToolArray(document: JsonObject, field: string): (JsonObject | null)[] | null {
  const value = document[field] ?? null;
  if (value === null) return null;
  if (Array.isArray(value) && value.every(isToolItem)) return value;
  throw wrongShape(field, 'an array of objects');
}

function isToolItem(item: JsonValue): item is JsonObject | null {
  return item === null || isJsonObject(item);
}

function wrongShape(field: string, expected: string): TypeError {
  return new TypeError(`${field} must be ${expected} (validate the body before hashing it)`);
}
