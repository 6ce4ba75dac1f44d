import type { Selectable } from 'kysely';

/**
 * `prompt_templates`: one row per tracked prompt configuration. JSON columns hold JSON text
 * (number lexemes kept as sent); timestamps are ISO-8601 UTC text with `Z` on both databases.
 */
export interface PromptTemplatesTable {
  id: string;
  org_id: string;
  workspace_id: string;
  name: string;
  provider: string | null;
  system_instructions: string | null;
  user_prompt_template: string;
  country_set: string;
  model_id: string;
  inference_params: string;
  tools_spec: string;
  response_format: string | null;
  grounding_profile_id: string | null;
  grounding_snapshot_id: string | null;
  retrieval_params: string | null;
  preprocess_pipeline_id: string | null;
  postprocess_pipeline_id: string | null;
  config_hash: string;
  config_canonical_json: string;
  created_by: string | null;
  created_at: string;
  deleted_at: string | null;
}

export type PromptTemplateRow = Selectable<PromptTemplatesTable>;
