// Recorded shapes of Anthropic Messages API answers (ids and texts shortened), for the adapter
// tests: https://docs.anthropic.com/en/api/messages
import { providerTestSettings } from '../../../test/helpers/provider-test-settings.ts';
import type { ProviderTestSubject } from '../../../test/helpers/provider-test-subject.ts';
import type { ModelCallRequest } from '../provider-contract.ts';
import { createAnthropicProvider } from './anthropic-provider.ts';

export const anthropicTestKey = 'sk-ant-api03-prompterTEST0123456789abcdefSECRET';

/** Claude asked by the alias `claude-sonnet-4-0`: the answer names the dated snapshot. */
export const messageResponse = {
  id: 'msg_01XFDUDYJgAACzvnptvVoYEL',
  type: 'message',
  role: 'assistant',
  model: 'claude-sonnet-4-20250514',
  content: [{ type: 'text', text: 'Acme is best known for its anvils.' }],
  stop_reason: 'end_turn',
  stop_sequence: null,
  usage: {
    input_tokens: 21,
    cache_creation_input_tokens: 0,
    cache_read_input_tokens: 0,
    output_tokens: 11,
    service_tier: 'standard',
  },
};

/** Extended thinking on claude-opus-4-1: a thinking block before the text, cached prompt. */
export const thinkingMessageResponse = {
  id: 'msg_01Aq9w938a90dw8q',
  type: 'message',
  role: 'assistant',
  model: 'claude-opus-4-1-20250805',
  content: [
    {
      type: 'thinking',
      thinking: 'The user asks about Acme…',
      signature: 'EqQBCgIYAhIM1gbcDa9GJwZA',
    },
    { type: 'text', text: 'Acme makes anvils' },
    { type: 'text', text: ' and rockets.' },
  ],
  stop_reason: 'end_turn',
  stop_sequence: null,
  usage: {
    input_tokens: 5,
    cache_creation_input_tokens: 0,
    cache_read_input_tokens: 2_000,
    output_tokens: 300,
    service_tier: 'priority',
  },
};

export const invalidRequestError = {
  type: 'error',
  error: { type: 'invalid_request_error', message: 'temperature: range: 0..1' },
  request_id: 'req_011CSHoEeqs5C35K2UUqR7Fy',
};

export const rateLimitError = {
  type: 'error',
  error: {
    type: 'rate_limit_error',
    message:
      'This request would exceed the rate limit for your organization of 50 requests per minute.',
  },
};

export const overloadedError = {
  type: 'error',
  error: { type: 'overloaded_error', message: 'Overloaded' },
};

export const apiError = {
  type: 'error',
  error: { type: 'api_error', message: 'Internal server error' },
};

export function authenticationError(echoedKey: string): unknown {
  return {
    type: 'error',
    error: { type: 'authentication_error', message: `invalid x-api-key: ${echoedKey}` },
  };
}

/** The call most tests make. */
export const anthropicCallRequest: ModelCallRequest = {
  model: 'claude-sonnet-4-0',
  systemInstructions: 'You are a brand analyst.',
  prompt: 'What is Acme known for?',
  inferenceParams: { temperature: 0.2, top_k: 40, stop: 'END', seed: 7 },
  useGrounding: false,
  toolsSpec: [],
  responseFormat: null,
};

/** The Anthropic adapter for the shared cases (test/helpers/provider-*-cases.ts). */
export const anthropicTestSubject: ProviderTestSubject = {
  provider: 'anthropic',
  apiKey: anthropicTestKey,
  // This SDK version sends the key as a bearer token, not in the documented `x-api-key`.
  keyHeader: 'authorization',
  callPath: '/v1/messages',
  callRequest: anthropicCallRequest,
  answer: messageResponse,
  unversionedAnswer: (() => {
    const { model: _model, ...rest } = messageResponse;
    return rest;
  })(),
  badRequestBody: invalidRequestError,
  rateLimitedBody: rateLimitError,
  serverErrorBody: apiError,
  keyRejected: (echoedKey) => ({ status: 401, body: authenticationError(echoedKey) }),
  notConfiguredMessage: /^ANTHROPIC_API_KEY is not set/,
  create: (serverUrl, overrides, options) =>
    createAnthropicProvider(
      providerTestSettings(
        'anthropic',
        { apiKey: anthropicTestKey, baseUrl: serverUrl },
        overrides,
      ),
      options,
    ),
};
