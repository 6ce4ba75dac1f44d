import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import type { ProviderError } from '../provider-error.ts';
import { toStainlessProviderError } from '../to-stainless-provider-error.ts';

export interface OpenAiErrorContext {
  readonly provider: 'openai' | 'azure-openai';
  readonly apiKey: string;
  readonly timeoutMs: number;
  readonly requestSent: Readonly<Record<string, unknown>>;
}

const openAiErrors = { APIError, APIUserAbortError, APIConnectionError, APIConnectionTimeoutError };

/**
 * Maps what the openai SDK throws (https://github.com/openai/openai-node#handling-errors) to a
 * ProviderError. OpenAI's error body is `{error: {message, type, param, code}}`; the SDK keeps
 * only its `error` member, so the body is rebuilt as `{error}`. A body that is not JSON survives
 * only in the SDK's message.
 */
export function toOpenAiProviderError(error: unknown, context: OpenAiErrorContext): ProviderError {
  return toStainlessProviderError(error, {
    ...context,
    sdk: openAiErrors,
    errorBody: (kept) => ({ error: kept }),
  });
}
