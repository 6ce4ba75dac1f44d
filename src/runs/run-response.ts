import type { Static } from 'typebox';
import type { Result } from '../results/result.ts';
import type { Version } from '../versions/version.ts';
import type { RunResponseSchema } from './runs.schemas.ts';

export type RunResponse = Static<typeof RunResponseSchema>;

/** The wire form of a successful run (`POST …/run`); `prompter run --json` prints the same. */
export function toRunResponse(outcome: { result: Result; version: Version }): RunResponse {
  const { result, version } = outcome;
  return {
    result_id: result.id,
    version_id: version.id,
    provider_version_key: version.providerVersionKey,
    system_fingerprint: result.systemFingerprint,
    created_at: result.createdAt,
    provider: result.provider,
    model_id: result.modelId,
    status: 'succeeded' as const,
    content: result.content,
    usage: result.usage,
    latency_ms: result.latencyMs,
    simulated: result.simulated,
    rendered_prompt_sha256: result.renderedPromptSha256,
  };
}
