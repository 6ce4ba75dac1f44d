import type {
  ModelCallResult,
  ProviderOrUnknown,
  ProviderRegistry,
} from '../providers/provider-contract.ts';
import { ProviderError } from '../providers/provider-error.ts';
import type { Template } from '../templates/template.ts';

/**
 * One provider call for a template, bounded by `timeoutMs`. Every failure is a ProviderError: an
 * abort from the deadline becomes a retryable `timeout`; anything else unknown is rethrown (a bug).
 */
export async function callModel(
  providers: ProviderRegistry,
  provider: ProviderOrUnknown,
  call: { template: Template; prompt: string; useGrounding: boolean; timeoutMs: number },
): Promise<ModelCallResult> {
  const { template, timeoutMs } = call;
  try {
    return await providers.get(provider).call({
      model: template.modelId,
      systemInstructions: template.systemInstructions,
      prompt: call.prompt,
      inferenceParams: template.inferenceParams,
      useGrounding: call.useGrounding,
      // A stored `[null]` tool would crash every adapter; null means "no tool" here.
      toolsSpec: template.toolsSpec.filter((tool) => tool !== null),
      responseFormat: template.responseFormat,
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    if (error instanceof ProviderError) throw error;
    if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
      throw new ProviderError({
        provider,
        kind: 'timeout',
        message: `no answer within ${timeoutMs} ms`,
        cause: error,
      });
    }
    throw error;
  }
}
