// Recorded shapes of Gemini API answers (ids and texts shortened), for the adapter tests:
// https://ai.google.dev/api/generate-content#generatecontentresponse
import { providerTestSettings } from '../../../test/helpers/provider-test-settings.ts';
import type { ProviderTestSubject } from '../../../test/helpers/provider-test-subject.ts';
import type { ModelCallRequest } from '../provider-contract.ts';
import { createGoogleProvider } from './google-provider.ts';

export const googleTestKey = 'AIzaSyPrompterTEST0123456789abcdefSECRET';

/** gemini-2.0-flash asked by its alias: `modelVersion` names the served model. */
export const generateContentResponse = {
  candidates: [
    {
      content: { parts: [{ text: 'Acme is known for its anvils.' }], role: 'model' },
      finishReason: 'STOP',
      avgLogprobs: -0.0912,
    },
  ],
  usageMetadata: {
    promptTokenCount: 12,
    candidatesTokenCount: 8,
    totalTokenCount: 20,
    promptTokensDetails: [{ modality: 'TEXT', tokenCount: 12 }],
    candidatesTokensDetails: [{ modality: 'TEXT', tokenCount: 8 }],
  },
  modelVersion: 'gemini-2.0-flash-001',
  responseId: 'sMzaaKOiMeCAz7IPkqGW0Ak',
};

/** A thinking model with Google Search grounding: thoughts are billed, sources are attached. */
export const groundedThinkingResponse = {
  candidates: [
    {
      content: {
        parts: [
          { text: 'Weighing the sources on Acme…', thought: true },
          { text: 'Acme was founded in 1920 ' },
          { text: 'and still makes anvils.' },
        ],
        role: 'model',
      },
      finishReason: 'STOP',
      index: 0,
      groundingMetadata: {
        webSearchQueries: ['Acme company history'],
        searchEntryPoint: { renderedContent: '<div class="container">…</div>' },
        groundingChunks: [{ web: { uri: 'https://example.com/acme', title: 'example.com' } }],
        groundingSupports: [
          {
            segment: { startIndex: 0, endIndex: 25, text: 'Acme was founded in 1920' },
            groundingChunkIndices: [0],
          },
        ],
      },
    },
  ],
  usageMetadata: {
    promptTokenCount: 10,
    candidatesTokenCount: 14,
    thoughtsTokenCount: 120,
    toolUsePromptTokenCount: 95,
    totalTokenCount: 239,
  },
  modelVersion: 'gemini-2.5-flash',
  responseId: 'Xk3aaPqWJ9-oz7IP4bS1mAQ',
};

/** A prompt stopped by the safety filter: no candidates, only the verdict. */
export const blockedPromptResponse = {
  promptFeedback: { blockReason: 'SAFETY' },
  usageMetadata: { promptTokenCount: 9, totalTokenCount: 9 },
  modelVersion: 'gemini-2.0-flash-001',
  responseId: 'Qp4aaM2rB8ux1e8P7Kq5sA0',
};

export const invalidArgumentError = {
  error: {
    code: 400,
    message:
      '* GenerateContentRequest.generation_config.temperature: must be less than or equal to 2\n',
    status: 'INVALID_ARGUMENT',
  },
};

export const quotaExceededError = {
  error: {
    code: 429,
    message:
      'You exceeded your current quota, please check your plan and billing details. For more information on this error, head to: https://ai.google.dev/gemini-api/docs/rate-limits.',
    status: 'RESOURCE_EXHAUSTED',
    details: [
      {
        '@type': 'type.googleapis.com/google.rpc.QuotaFailure',
        violations: [
          {
            quotaMetric: 'generativelanguage.googleapis.com/generate_content_free_tier_requests',
            quotaId: 'GenerateRequestsPerMinutePerProjectPerModel-FreeTier',
            quotaDimensions: { location: 'global', model: 'gemini-2.0-flash' },
            quotaValue: '15',
          },
        ],
      },
      { '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '12s' },
    ],
  },
};

export const internalError = {
  error: {
    code: 500,
    message:
      'An internal error has occurred. Please retry or report in https://developers.generativeai.google/guide/troubleshooting',
    status: 'INTERNAL',
  },
};

export function invalidApiKeyError(echoedKey: string): unknown {
  return {
    error: {
      code: 400,
      message: `API key not valid: ${echoedKey}. Please pass a valid API key.`,
      status: 'INVALID_ARGUMENT',
      details: [
        {
          '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
          reason: 'API_KEY_INVALID',
          domain: 'googleapis.com',
          metadata: { service: 'generativelanguage.googleapis.com' },
        },
      ],
    },
  };
}

/** The call most tests make. */
export const googleCallRequest: ModelCallRequest = {
  model: 'gemini-2.0-flash',
  systemInstructions: 'You are a brand analyst.',
  prompt: 'What is Acme known for?',
  inferenceParams: { temperature: 0.2, max_tokens: 256, top_p: 0.9, seed: 7, stop: 'END' },
  useGrounding: false,
  toolsSpec: [],
  responseFormat: null,
};

/** The Gemini adapter for the shared cases (test/helpers/provider-*-cases.ts). */
export const googleTestSubject: ProviderTestSubject = {
  provider: 'google',
  apiKey: googleTestKey,
  keyHeader: 'x-goog-api-key',
  callPath: '/v1beta/models/gemini-2.0-flash:generateContent',
  callRequest: googleCallRequest,
  answer: generateContentResponse,
  unversionedAnswer: (() => {
    const { modelVersion: _modelVersion, ...rest } = generateContentResponse;
    return rest;
  })(),
  badRequestBody: invalidArgumentError,
  rateLimitedBody: quotaExceededError,
  serverErrorBody: internalError,
  // Gemini rejects a bad key with a 400 INVALID_ARGUMENT, not a 401.
  keyRejected: (echoedKey) => ({ status: 400, body: invalidApiKeyError(echoedKey) }),
  notConfiguredMessage: /^GOOGLE_API_KEY \(or GEMINI_API_KEY\) is not set/,
  create: (serverUrl, overrides, options) =>
    createGoogleProvider(
      providerTestSettings('google', { apiKey: googleTestKey, baseUrl: serverUrl }, overrides),
      options,
    ),
};
