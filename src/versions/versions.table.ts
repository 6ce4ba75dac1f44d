import type { Selectable } from 'kysely';

/**
 * `prompt_versions`: one row per (org, workspace, template, provider version key) — the identity
 * of the model that actually served a template. The key's parts are kept as columns because
 * providers deprecate them (OpenAI marks `system_fingerprint` deprecated).
 */
export interface PromptVersionsTable {
  id: string;
  org_id: string;
  workspace_id: string;
  template_id: string;
  provider: string;
  provider_version_key: string;
  model_id: string;
  served_model_id: string | null;
  system_fingerprint: string | null;
  model_version: string | null;
  service_tier: string | null;
  azure_deployment: string | null;
  azure_api_version: string | null;
  fingerprint_captured_at: string | null;
  first_seen_at: string;
  last_seen_at: string;
}

export type PromptVersionRow = Selectable<PromptVersionsTable>;
