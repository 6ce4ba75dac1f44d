import type { Static } from 'typebox';
import type { SucceededRun } from './run-outcome.ts';
import type { RunResponseSchema } from './runs.schemas.ts';

export type RunResponse = Static<typeof RunResponseSchema>;

/** The wire form of a succeeded run (a failed one is a 502 PROVIDER_ERROR, docs/api-contract.md §3). */
export function toRunResponse({ result, version }: SucceededRun): RunResponse {
  return {
    result_id: result.id,
    version_id: version.id,
    provider_version_key: version.providerVersionKey,
    system_fingerprint: result.systemFingerprint,
    created_at: result.createdAt,
    provider: result.provider,
    model_id: result.modelId,
    status: 'succeeded',
    content: result.content,
    usage: result.usage,
    latency_ms: result.latencyMs,
    simulated: result.simulated,
    rendered_prompt_sha256: result.renderedPromptSha256,
  };
}
