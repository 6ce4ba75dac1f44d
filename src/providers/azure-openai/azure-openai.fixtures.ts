// Recorded shapes of Azure OpenAI Chat Completions answers (ids and texts shortened), for the
// adapter tests: https://learn.microsoft.com/azure/ai-services/openai/reference#chat-completions
import { providerTestSettings } from '../../../test/helpers/provider-test-settings.ts';
import type { ProviderTestSubject } from '../../../test/helpers/provider-test-subject.ts';
import type { ModelCallRequest } from '../provider-contract.ts';
import { createAzureOpenAiProvider } from './azure-openai-provider.ts';

export const azureTestKey = 'azkey0123456789abcdefPROMPTERsecret9876';
export const azureTestApiVersion = '2024-10-21';
export const azureTestDeployment = 'prompter-gpt4o';

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

/** A prompt stopped by the content filter: a 400 with the verdicts in `innererror`. */
export const contentFilterError = {
  error: {
    message:
      "The response was filtered due to the prompt triggering Azure OpenAI's content management policy.",
    type: null,
    param: 'prompt',
    code: 'content_filter',
    status: 400,
    innererror: {
      code: 'ResponsibleAIPolicyViolation',
      content_filter_result: {
        hate: { filtered: false, severity: 'safe' },
        self_harm: { filtered: false, severity: 'safe' },
        sexual: { filtered: false, severity: 'safe' },
        violence: { filtered: true, severity: 'medium' },
      },
    },
  },
};

/** The call most tests make. */
export const azureCallRequest: ModelCallRequest = {
  model: 'gpt-4o',
  systemInstructions: 'You are a brand analyst.',
  prompt: 'What is Acme known for?',
  inferenceParams: { temperature: 0.2, max_tokens: 256 },
  useGrounding: false,
  toolsSpec: [],
  responseFormat: null,
};

/** The Azure OpenAI adapter for the shared cases (test/helpers/provider-*-cases.ts). */
export const azureTestSubject: ProviderTestSubject = {
  provider: 'azure-openai',
  apiKey: azureTestKey,
  keyHeader: 'api-key',
  callPath: `/openai/deployments/${azureTestDeployment}/chat/completions`,
  callRequest: azureCallRequest,
  answer: azureCompletionWithFingerprint,
  unversionedAnswer: (() => {
    const { model: _model, ...rest } = azureCompletionWithoutFingerprint;
    return rest;
  })(),
  badRequestBody: contentFilterError,
  rateLimitedBody: rateLimitError,
  serverErrorBody: serverError,
  keyRejected: (echoedKey) => ({
    status: 401,
    body: { error: { code: '401', message: `Access denied for key ${echoedKey}.` } },
  }),
  notConfiguredMessage: /^AZURE_OPENAI_API_KEY is not set/,
  create: (serverUrl, overrides, options) =>
    createAzureOpenAiProvider(
      providerTestSettings(
        'azure-openai',
        {
          apiKey: azureTestKey,
          // With a trailing slash, which the adapter trims.
          baseUrl: `${serverUrl}/`,
          azureApiVersion: azureTestApiVersion,
          azureDeployment: azureTestDeployment,
        },
        overrides,
      ),
      options,
    ),
};
