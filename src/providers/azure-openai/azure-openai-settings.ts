import type { ProviderSettings } from '../../config/app-config.ts';
import { providerNotConfigured } from '../provider-not-configured.ts';

export interface AzureOpenAiSettings {
  readonly apiKey: string;
  /** The resource endpoint without a trailing slash, e.g. https://my-resource.openai.azure.com */
  readonly endpoint: string;
  readonly apiVersion: string;
  /** Null: each call's model id names its deployment. */
  readonly deployment: string | null;
  readonly timeoutMs: number;
}

/**
 * What the Azure OpenAI adapter needs, read when it is first called so that a deployment
 * configures only the providers it uses. Azure has no public default endpoint: every resource has
 * its own, so both the key and the endpoint are required.
 */
export function readAzureOpenAiSettings(settings: ProviderSettings): AzureOpenAiSettings {
  const { apiKey, endpoint, apiVersion, deployment } = settings.azureOpenai;
  if (apiKey === null) throw notConfigured('AZURE_OPENAI_API_KEY');
  if (endpoint === null) throw notConfigured('AZURE_OPENAI_ENDPOINT');
  return {
    apiKey,
    endpoint: endpoint.replace(/\/+$/, ''),
    apiVersion,
    deployment,
    timeoutMs: settings.callTimeoutMs,
  };
}

function notConfigured(variable: string) {
  const advice =
    'set AZURE_OPENAI_API_KEY and AZURE_OPENAI_ENDPOINT to call Azure OpenAI deployments';
  return providerNotConfigured('azure-openai', variable, advice);
}
