import type { ColumnType, Selectable } from 'kysely';

/**
 * `prompt_results`: the audit trail, one row per execution with the request exactly as sent and
 * the whole response. Booleans are stored as 0/1 integers on both databases.
 */
export interface PromptResultsTable {
  id: string;
  org_id: string;
  workspace_id: string;
  template_id: string;
  version_id: string | null;
  batch_id: string | null;
  sample_index: number | null;
  /** The batch cell this result settles (at most one result per cell); null for single runs. */
  cell_id: ColumnType<string | null, string | null | undefined, never>;
  /** How the country reached the model: `tool_location`, `prompt_context` or `not_applied`. */
  country_applied: ColumnType<string | null, string | null | undefined, never>;
  prompt_tokens: ColumnType<number | null, number | null | undefined, never>;
  completion_tokens: ColumnType<number | null, number | null | undefined, never>;
  provider: string;
  model_id: string;
  provider_version_key: string | null;
  system_fingerprint: string | null;
  country: string | null;
  brand_name: string | null;
  runtime_vars: string;
  use_grounding: number;
  analysis_config: string | null;
  rendered_prompt_sha256: string | null;
  request: string;
  response: string;
  /** The answer text, extracted from the response for lists, exports and analysis. */
  content: string | null;
  usage: string | null;
  latency_ms: number | null;
  status: string;
  error: string | null;
  simulated: number;
  created_at: string;
}

export type PromptResultRow = Selectable<PromptResultsTable>;
