import {
  isJsonObject,
  parseLosslessJson,
  type JsonObject,
  type JsonValue,
} from '../core/json/lossless-json.ts';
import type { PromptTemplateRow } from './templates.table.ts';

/** A tracked prompt configuration, as the service hands it to routes and commands. */
export interface Template {
  readonly id: string;
  readonly orgId: string;
  readonly workspaceId: string;
  readonly name: string;
  readonly provider: string | null;
  readonly systemInstructions: string | null;
  readonly userPromptTemplate: string;
  readonly countrySet: string[];
  readonly modelId: string;
  /**
   * The JSON fields, read back with every number's lexeme (`1.0`, `12345678901234567890`), as
   * they were sent: write them with `stringifyLosslessJson`, never `JSON.stringify`.
   */
  readonly inferenceParams: JsonObject;
  /** The template's tools; a `null` entry (allowed on input, hashed as `{}`) is no tool. */
  readonly toolsSpec: readonly (JsonObject | null)[];
  readonly responseFormat: JsonObject | null;
  readonly groundingProfileId: string | null;
  readonly groundingSnapshotId: string | null;
  readonly retrievalParams: JsonObject | null;
  readonly preprocessPipelineId: string | null;
  readonly postprocessPipelineId: string | null;
  readonly configHash: string;
  readonly configCanonicalJson: string;
  readonly createdBy: string | null;
  readonly createdAt: string;
  readonly deletedAt: string | null;
}

export function templateFromRow(row: PromptTemplateRow): Template {
  return {
    id: row.id,
    orgId: row.org_id,
    workspaceId: row.workspace_id,
    name: row.name,
    provider: row.provider,
    systemInstructions: row.system_instructions,
    userPromptTemplate: row.user_prompt_template,
    countrySet: JSON.parse(row.country_set) as string[],
    modelId: row.model_id,
    inferenceParams: objectColumn(row.inference_params, 'inference_params'),
    toolsSpec: toolsColumn(row.tools_spec),
    responseFormat: nullableObjectColumn(row.response_format, 'response_format'),
    groundingProfileId: row.grounding_profile_id,
    groundingSnapshotId: row.grounding_snapshot_id,
    retrievalParams: nullableObjectColumn(row.retrieval_params, 'retrieval_params'),
    preprocessPipelineId: row.preprocess_pipeline_id,
    postprocessPipelineId: row.postprocess_pipeline_id,
    configHash: row.config_hash,
    configCanonicalJson: row.config_canonical_json,
    createdBy: row.created_by,
    createdAt: row.created_at,
    deletedAt: row.deleted_at,
  };
}

/** A stored JSON column; anything but the shape the service writes is a corrupt row. */
function objectColumn(text: string, column: string): JsonObject {
  const value = parseLosslessJson(text);
  if (!isJsonObject(value)) throw corruptColumn(column);
  return value;
}

function nullableObjectColumn(text: string | null, column: string): JsonObject | null {
  return text === null ? null : objectColumn(text, column);
}

function toolsColumn(text: string): (JsonObject | null)[] {
  const value = parseLosslessJson(text);
  if (!Array.isArray(value) || !value.every(isToolEntry)) throw corruptColumn('tools_spec');
  return value;
}

function isToolEntry(value: JsonValue): value is JsonObject | null {
  return value === null || isJsonObject(value);
}

function corruptColumn(column: string): Error {
  return new Error(`prompt_templates.${column} does not hold the JSON the service writes`);
}
