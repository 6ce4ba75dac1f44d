// Rows written straight into the tables, for paging and plan tests that need many rows or exact
// timestamps (ties) the API cannot produce on demand.
import type { Insertable } from 'kysely';
import type { AuditLogTable } from '../../src/audit/audit.table.ts';
import type { PromptResultsTable } from '../../src/results/results.table.ts';
import type { PromptTemplatesTable } from '../../src/templates/templates.table.ts';

export function templateRow(
  id: string,
  createdAt: string,
  scope: { orgId?: string; workspaceId?: string } = {},
): Insertable<PromptTemplatesTable> {
  return {
    id,
    org_id: scope.orgId ?? 'paging',
    workspace_id: scope.workspaceId ?? 'ws',
    name: `template ${id}`,
    provider: 'openai',
    system_instructions: null,
    user_prompt_template: 'Hello',
    country_set: '[]',
    model_id: 'gpt-4o',
    inference_params: '{}',
    tools_spec: '[]',
    response_format: null,
    grounding_profile_id: null,
    grounding_snapshot_id: null,
    retrieval_params: null,
    preprocess_pipeline_id: null,
    postprocess_pipeline_id: null,
    config_hash: id,
    config_canonical_json: '{}',
    created_by: null,
    created_at: createdAt,
    deleted_at: null,
  };
}

export function resultRow(
  id: string,
  templateId: string,
  createdAt: string,
  overrides: Partial<Insertable<PromptResultsTable>> = {},
): Insertable<PromptResultsTable> {
  return {
    id,
    org_id: 'paging',
    workspace_id: 'ws',
    template_id: templateId,
    version_id: null,
    batch_id: null,
    sample_index: null,
    provider: 'openai',
    model_id: 'gpt-4o',
    provider_version_key: 'fp_test',
    system_fingerprint: null,
    country: 'US',
    brand_name: null,
    runtime_vars: '{}',
    use_grounding: 0,
    analysis_config: null,
    rendered_prompt_sha256: null,
    request: '{"model":"gpt-4o"}',
    response: '{"ok":true}',
    content: 'answer',
    usage: '{"prompt_tokens":1,"completion_tokens":2,"total_tokens":3}',
    latency_ms: 5,
    status: 'succeeded',
    error: null,
    simulated: 1,
    created_at: createdAt,
    ...overrides,
  };
}

export function auditRow(id: string, createdAt: string): Insertable<AuditLogTable> {
  return {
    id,
    org_id: 'paging',
    actor: 'cli:test',
    action: 'template.deleted',
    target_type: 'template',
    target_id: null,
    details: '{}',
    created_at: createdAt,
  };
}

/** A UUID v7-shaped id whose order follows `n` (ids break ties in created_at). */
export function orderedId(n: number): string {
  return `01900000-0000-7000-8000-${n.toString(16).padStart(12, '0')}`;
}
