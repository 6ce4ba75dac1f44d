import type {
  ModelCallResult,
  ProviderOrUnknown,
  ProviderRegistry,
} from '../providers/provider-contract.ts';
import { isAbortError } from '../providers/is-abort-error.ts';
import { ProviderError } from '../providers/provider-error.ts';
import { providerTimeout } from '../providers/provider-timeout.ts';
import type { Template } from '../templates/template.ts';

/**
 * One provider call for a template, bounded by `timeoutMs` (the adapters enforce the same limit
 * too; this deadline also covers reading the body). Every failure is a ProviderError. The
 * deadline is not the caller giving up: whatever the adapter makes of its abort, a call cut off
 * by it is a retryable `timeout` worded like the adapters' own; anything else unknown is
 * rethrown (a bug).
 */
export async function callModel(
  providers: ProviderRegistry,
  provider: ProviderOrUnknown,
  call: {
    template: Pick<
      Template,
      'modelId' | 'systemInstructions' | 'inferenceParams' | 'toolsSpec' | 'responseFormat'
    >;
    prompt: string;
    useGrounding: boolean;
    timeoutMs: number;
  },
): Promise<ModelCallResult> {
  const { template, timeoutMs } = call;
  const deadline = AbortSignal.timeout(timeoutMs);
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
      signal: deadline,
    });
  } catch (error) {
    if (error instanceof ProviderError) {
      if (!deadline.aborted || error.kind !== 'timeout') throw error;
      throw providerTimeout({ provider, timeoutMs, requestSent: error.requestSent, cause: error });
    }
    // Only the deadline aborts this call: an abort error the adapter let through is its doing.
    if (isAbortError(error)) {
      throw providerTimeout({ provider, timeoutMs, requestSent: null, cause: error });
    }
    throw error;
  }
}
