import type { VersionParts } from '../providers/provider-contract.ts';

/** The response's parts, with the probe's filling what the response did not say. */
export function mergeVersionParts(
  fromResponse: VersionParts,
  fromProbe: VersionParts,
): VersionParts {
  return {
    servedModelId: fromResponse.servedModelId ?? fromProbe.servedModelId,
    systemFingerprint: fromResponse.systemFingerprint ?? fromProbe.systemFingerprint,
    modelVersion: fromResponse.modelVersion ?? fromProbe.modelVersion,
    serviceTier: fromResponse.serviceTier ?? fromProbe.serviceTier,
    azureDeployment: fromResponse.azureDeployment ?? fromProbe.azureDeployment,
    azureApiVersion: fromResponse.azureApiVersion ?? fromProbe.azureApiVersion,
  };
}
