import type { DatabaseExecutor } from '../db/database-executor.ts';
import type { Metrics } from '../metrics/metrics.ts';
import { resultFromRow, type Result } from './result.ts';
import { findResultById, insertResult } from './results.repository.ts';

export interface RecordResultDeps {
  readonly db: DatabaseExecutor;
  readonly metrics: Metrics;
}

/**
 * Stores one execution's audit record, succeeded or failed, and counts it (`resultStored`).
 * Answers the record as read back, so the caller sees exactly what the trail holds. The JSON
 * fields (`runtimeVars`, `analysisConfig`, `request`, `response`, `usage`, `error`) are stored as
 * JSON text; booleans as 0/1.
 */
export async function recordResult(deps: RecordResultDeps, result: Result): Promise<Result> {
  const { db, metrics } = deps;
  await insertResult(db, {
    id: result.id,
    org_id: result.orgId,
    workspace_id: result.workspaceId,
    template_id: result.templateId,
    version_id: result.versionId,
    batch_id: result.batchId,
    sample_index: result.sampleIndex,
    cell_id: result.cellId,
    country_applied: result.countryApplied,
    prompt_tokens: tokenCount(result.usage, 'prompt_tokens'),
    completion_tokens: tokenCount(result.usage, 'completion_tokens'),
    provider: result.provider,
    model_id: result.modelId,
    provider_version_key: result.providerVersionKey,
    system_fingerprint: result.systemFingerprint,
    country: result.country,
    brand_name: result.brandName,
    runtime_vars: JSON.stringify(result.runtimeVars),
    use_grounding: result.useGrounding ? 1 : 0,
    analysis_config: jsonOrNull(result.analysisConfig),
    rendered_prompt_sha256: result.renderedPromptSha256,
    request: result.request.text,
    response: result.response.text,
    content: result.content,
    usage: jsonOrNull(result.usage),
    latency_ms: result.latencyMs,
    status: result.status,
    error: jsonOrNull(result.error),
    simulated: result.simulated ? 1 : 0,
    created_at: result.createdAt,
  });
  const stored = await findResultById(db, result.id);
  if (stored === undefined) throw new Error(`result ${result.id} vanished after insert`);
  metrics.resultStored({
    provider: result.provider,
    model: result.modelId,
    status: result.status,
    openaiFingerprintPresent:
      result.provider === 'openai' && result.status === 'succeeded'
        ? result.systemFingerprint !== null
        : null,
  });
  return resultFromRow(stored);
}

/** A count from the stored usage object (`{prompt_tokens, completion_tokens, …}`), or null. */
function tokenCount(usage: unknown, field: 'prompt_tokens' | 'completion_tokens'): number | null {
  if (typeof usage !== 'object' || usage === null) return null;
  const value = (usage as Record<string, unknown>)[field];
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function jsonOrNull(value: unknown): string | null {
  return value === null || value === undefined ? null : JSON.stringify(value);
}
