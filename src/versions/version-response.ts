import type { Version } from './version.ts';

/** The wire form of a version: one entry of the timeline. */
export function toVersionResponse(version: Version) {
  return {
    version_id: version.id,
    provider_version_key: version.providerVersionKey,
    provider: version.provider,
    model_id: version.modelId,
    served_model_id: version.servedModelId,
    system_fingerprint: version.systemFingerprint,
    model_version: version.modelVersion,
    service_tier: version.serviceTier,
    azure_deployment: version.azureDeployment,
    azure_api_version: version.azureApiVersion,
    first_seen_at: version.firstSeenAt,
    last_seen_at: version.lastSeenAt,
  };
}
