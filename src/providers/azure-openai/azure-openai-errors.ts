import { toOpenAiProviderError, type OpenAiErrorContext } from '../openai/openai-errors.ts';
import type { ProviderError } from '../provider-error.ts';

/**
 * Azure's failures arrive through the same SDK error classes as OpenAI's, with Azure's own codes
 * in the body: `DeploymentNotFound` (404: no deployment of that name, or one created moments ago),
 * `content_filter` (400: the prompt tripped the content filter, details in `innererror`), and 429s
 * carrying `retry-after-ms` as well as `Retry-After`
 * (https://learn.microsoft.com/azure/ai-services/openai/quotas-limits).
 */
export function toAzureOpenAiProviderError(
  error: unknown,
  context: Omit<OpenAiErrorContext, 'provider'>,
): ProviderError {
  return toOpenAiProviderError(error, { ...context, provider: 'azure-openai' });
}
