import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
} from '@anthropic-ai/sdk';
import type { ProviderError } from '../provider-error.ts';
import { toStainlessProviderError } from '../to-stainless-provider-error.ts';

export interface AnthropicErrorContext {
  readonly apiKey: string;
  readonly timeoutMs: number;
  readonly requestSent: Readonly<Record<string, unknown>>;
}

const anthropicErrors = {
  APIError,
  APIUserAbortError,
  APIConnectionError,
  APIConnectionTimeoutError,
};

/**
 * Maps what the Anthropic SDK throws (https://github.com/anthropics/anthropic-sdk-typescript#handling-errors)
 * to a ProviderError. Anthropic's error body is `{type: "error", error: {type, message}}`
 * (https://docs.anthropic.com/en/api/errors) and the SDK keeps it whole; 529 `overloaded_error`
 * is a retryable 5xx.
 */
export function toAnthropicProviderError(
  error: unknown,
  context: AnthropicErrorContext,
): ProviderError {
  return toStainlessProviderError(error, {
    ...context,
    provider: 'anthropic',
    sdk: anthropicErrors,
    errorBody: (kept) => kept,
  });
}
