// Recorded shapes of OpenAI Chat Completions answers (ids and texts shortened), for the adapter
// tests: https://platform.openai.com/docs/api-reference/chat/object
import { providerTestSettings } from '../../../test/helpers/provider-test-settings.ts';
import type { ProviderTestSubject } from '../../../test/helpers/provider-test-subject.ts';
import type { ModelCallRequest } from '../provider-contract.ts';
import { createOpenAiProvider } from './openai-provider.ts';

export const openAiTestKey = 'sk-proj-prompterTEST0123456789abcdefSECRET';

/** gpt-4o asked as `gpt-4o`: the served model is dated, the fingerprint names the backend. */
export const chatCompletionWithFingerprint = {
  id: 'chatcmpl-B9MHDbslfkBeAs8l4bebGdFOJ6PeG',
  object: 'chat.completion',
  created: 1741569952,
  model: 'gpt-4o-2024-08-06',
  choices: [
    {
      index: 0,
      message: {
        role: 'assistant',
        content: 'Acme is a well-known maker of anvils.',
        refusal: null,
        annotations: [],
      },
      logprobs: null,
      finish_reason: 'stop',
    },
  ],
  usage: {
    prompt_tokens: 19,
    completion_tokens: 10,
    total_tokens: 29,
    prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
    completion_tokens_details: {
      reasoning_tokens: 0,
      audio_tokens: 0,
      accepted_prediction_tokens: 0,
      rejected_prediction_tokens: 0,
    },
  },
  service_tier: 'default',
  system_fingerprint: 'fp_f9f4fb6dbf',
};

/** Models that no longer report a fingerprint send `system_fingerprint: null`. */
export const chatCompletionWithoutFingerprint = {
  ...chatCompletionWithFingerprint,
  id: 'chatcmpl-C1xQ7u0m2ZbB1kTtGJ8z3Yd9wLpQe',
  model: 'gpt-4.1-mini-2025-04-14',
  system_fingerprint: null,
};

export const invalidTemperatureError = {
  error: {
    message:
      "Invalid 'temperature': decimal above maximum value. Expected a value <= 2, but got 7.",
    type: 'invalid_request_error',
    param: 'temperature',
    code: 'decimal_above_max_value',
  },
};

export const rateLimitError = {
  error: {
    message:
      'Rate limit reached for gpt-4o in organization org-abc123 on requests per min (RPM): Limit 500, Used 500, Requested 1. Please try again in 7s.',
    type: 'requests',
    param: null,
    code: 'rate_limit_exceeded',
  },
};

export const serverError = {
  error: {
    message: 'The server had an error while processing your request. Sorry about that!',
    type: 'server_error',
    param: null,
    code: null,
  },
};

/** OpenAI masks the key it rejects; a careless proxy might not, which the secrecy test plays. */
export function invalidApiKeyError(echoedKey: string): unknown {
  return {
    error: {
      message: `Incorrect API key provided: ${echoedKey}. You can find your API key at https://platform.openai.com/account/api-keys.`,
      type: 'invalid_request_error',
      param: null,
      code: 'invalid_api_key',
    },
  };
}

/** The call most tests make. */
export const openAiCallRequest: ModelCallRequest = {
  model: 'gpt-4o',
  systemInstructions: 'You are a brand analyst.',
  prompt: 'What is Acme known for?',
  inferenceParams: { temperature: 0.2, max_tokens: 256, seed: 7 },
  useGrounding: false,
  toolsSpec: [],
  responseFormat: null,
};

/** The OpenAI adapter for the shared cases (test/helpers/provider-*-cases.ts). */
export const openAiTestSubject: ProviderTestSubject = {
  provider: 'openai',
  apiKey: openAiTestKey,
  keyHeader: 'authorization',
  callPath: '/v1/chat/completions',
  callRequest: openAiCallRequest,
  answer: chatCompletionWithFingerprint,
  unversionedAnswer: (() => {
    const {
      model: _model,
      system_fingerprint: _fingerprint,
      ...rest
    } = chatCompletionWithFingerprint;
    return rest;
  })(),
  badRequestBody: invalidTemperatureError,
  rateLimitedBody: rateLimitError,
  serverErrorBody: serverError,
  keyRejected: (echoedKey) => ({ status: 401, body: invalidApiKeyError(echoedKey) }),
  notConfiguredMessage: /^OPENAI_API_KEY is not set/,
  create: (serverUrl, overrides, options) =>
    createOpenAiProvider(
      providerTestSettings(
        'openai',
        { apiKey: openAiTestKey, baseUrl: `${serverUrl}/v1` },
        overrides,
      ),
      options,
    ),
};
