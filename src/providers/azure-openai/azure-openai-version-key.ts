import type { LiveVersionKey } from '../create-live-model-provider.ts';
import { extractOpenAiVersionKey } from '../openai/openai-version-key.ts';

export interface AzureOpenAiDeployment {
  /** The deployment that served the call: the configured one, else the model id. */
  readonly deployment: string;
  readonly apiVersion: string;
}

/**
 * The version key of an Azure OpenAI chat completion (docs/api-contract.md §4): `system_fingerprint`, else the
 * served model id (dated, e.g. `gpt-4o-2024-11-20`: the model version behind the deployment). The
 * deployment and api-version are kept as parts because Azure upgrades a deployment's model version
 * in place (https://learn.microsoft.com/azure/ai-services/openai/concepts/model-versions), and the
 * api-version changes what the response carries.
 */
export function extractAzureOpenAiVersionKey(
  body: Readonly<Record<string, unknown>>,
  served: AzureOpenAiDeployment,
): LiveVersionKey {
  const { versionKey, versionParts } = extractOpenAiVersionKey(body);
  return {
    versionKey,
    versionParts: {
      ...versionParts,
      azureDeployment: served.deployment,
      azureApiVersion: served.apiVersion,
    },
  };
}
