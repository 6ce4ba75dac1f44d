import type { Result } from './result.ts';
import type { ResultResponse } from './results.schemas.ts';

/** The wire form of a result record (docs/api-contract.md §3 names its fields). */
export function toResultResponse(result: Result): ResultResponse {
  return {
    id: result.id,
    template_id: result.templateId,
    version_id: result.versionId,
    batch_id: result.batchId,
    sample_index: result.sampleIndex,
    country_applied: result.countryApplied,
    org_id: result.orgId,
    workspace_id: result.workspaceId,
    provider: result.provider,
    model_id: result.modelId,
    provider_version_key: result.providerVersionKey,
    system_fingerprint: result.systemFingerprint,
    country: result.country,
    brand_name: result.brandName,
    runtime_vars: result.runtimeVars,
    use_grounding: result.useGrounding,
    analysis_config: result.analysisConfig,
    rendered_prompt_sha256: result.renderedPromptSha256,
    request: result.request,
    response: result.response,
    content: result.content,
    usage: result.usage,
    latency_ms: result.latencyMs,
    status: result.status,
    error: result.error,
    simulated: result.simulated,
    created_at: result.createdAt,
  };
}
