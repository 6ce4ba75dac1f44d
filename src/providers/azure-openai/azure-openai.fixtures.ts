// Recorded shapes of Azure OpenAI Chat Completions answers (ids and texts shortened), for the
// adapter tests: https://learn.microsoft.com/azure/ai-services/openai/reference#chat-completions
import type { ProviderSettings } from '../../config/app-config.ts';
import type { ModelCallRequest } from '../provider-contract.ts';

export const azureTestKey = 'azkey0123456789abcdefPROMPTERsecret9876';
export const azureTestApiVersion = '2024-10-21';

export function azureTestSettings(
  endpoint: string,
  overrides: {
    apiKey?: string | null;
    endpoint?: string | null;
    deployment?: string | null;
    callTimeoutMs?: number;
  } = {},
): ProviderSettings {
  return {
    callTimeoutMs: overrides.callTimeoutMs ?? 2_000,
    openai: { apiKey: null, baseUrl: null },
    azureOpenai: {
      apiKey: overrides.apiKey === undefined ? azureTestKey : overrides.apiKey,
      endpoint: overrides.endpoint === undefined ? endpoint : overrides.endpoint,
      apiVersion: azureTestApiVersion,
      deployment: overrides.deployment === undefined ? 'prompter-gpt4o' : overrides.deployment,
    },
    google: { apiKey: null, baseUrl: null },
    anthropic: { apiKey: null, baseUrl: null },
    fake: { latencyMs: 0, probeSleepMs: 0, epoch: 0, faults: null },
  };
}

const noFilterHit = {
  hate: { filtered: false, severity: 'safe' },
  self_harm: { filtered: false, severity: 'safe' },
  sexual: { filtered: false, severity: 'safe' },
  violence: { filtered: false, severity: 'safe' },
};

/** A gpt-4o deployment: dated model, fingerprint, content-filter verdicts. */
export const azureCompletionWithFingerprint = {
  id: 'chatcmpl-AzX1pQ2mR7bT9uW4yE6iO8aS0dF3g',
  object: 'chat.completion',
  created: 1732230000,
  model: 'gpt-4o-2024-11-20',
  prompt_filter_results: [{ prompt_index: 0, content_filter_results: noFilterHit }],
  choices: [
    {
      index: 0,
      message: { role: 'assistant', content: 'Acme makes anvils.', refusal: null },
      logprobs: null,
      finish_reason: 'stop',
      content_filter_results: noFilterHit,
    },
  ],
  usage: { prompt_tokens: 21, completion_tokens: 5, total_tokens: 26 },
  system_fingerprint: 'fp_b705f0c291',
};

/** Older deployments (and some api-versions) send no fingerprint at all. */
export const azureCompletionWithoutFingerprint = (() => {
  const { system_fingerprint: _fingerprint, ...rest } = azureCompletionWithFingerprint;
  return { ...rest, model: 'gpt-35-turbo-0125' };
})();

export const deploymentNotFoundError = {
  error: {
    code: 'DeploymentNotFound',
    message:
      'The API deployment for this resource does not exist. If you created the deployment within the last 5 minutes, please wait a moment and try again.',
  },
};

export const rateLimitError = {
  error: {
    code: '429',
    message:
      'Requests to the ChatCompletions_Create Operation under Azure OpenAI API version 2024-10-21 have exceeded token rate limit of your current OpenAI S0 pricing tier. Please retry after 7 seconds.',
  },
};

export const serverError = {
  error: { code: 'InternalServerError', message: 'The service is temporarily unavailable.' },
};

/** The call most tests make. */
export const azureCallRequest: ModelCallRequest = {
  model: 'gpt-4o',
  systemInstructions: 'You are a brand analyst.',
  prompt: 'What is Acme known for?',
  inferenceParams: { temperature: 0.2, max_tokens: 256 },
  useGrounding: false,
};
