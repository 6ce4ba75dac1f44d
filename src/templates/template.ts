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
  readonly inferenceParams: unknown;
  readonly toolsSpec: unknown;
  readonly responseFormat: unknown;
  readonly groundingProfileId: string | null;
  readonly groundingSnapshotId: string | null;
  readonly retrievalParams: unknown;
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
    inferenceParams: JSON.parse(row.inference_params),
    toolsSpec: JSON.parse(row.tools_spec),
    responseFormat: parseNullableJson(row.response_format),
    groundingProfileId: row.grounding_profile_id,
    groundingSnapshotId: row.grounding_snapshot_id,
    retrievalParams: parseNullableJson(row.retrieval_params),
    preprocessPipelineId: row.preprocess_pipeline_id,
    postprocessPipelineId: row.postprocess_pipeline_id,
    configHash: row.config_hash,
    configCanonicalJson: row.config_canonical_json,
    createdBy: row.created_by,
    createdAt: row.created_at,
    deletedAt: row.deleted_at,
  };
}

function parseNullableJson(text: string | null): unknown {
  return text === null ? null : JSON.parse(text);
}
