import type { ChatCompletionCreateParamsNonStreaming } from 'openai/resources/chat/completions';
import type { LiveRequestInput } from '../create-live-model-provider.ts';

/** A Chat Completions request body: what the SDK sends and what `requestSent` records. */
export type OpenAiChatRequest = ChatCompletionCreateParamsNonStreaming & Record<string, unknown>;

/**
 * Template params the Chat Completions API takes under the same names
 * (https://platform.openai.com/docs/api-reference/chat/create). Anything else (`top_k`, Gemini's
 * or Anthropic's names) is left out rather than failing the call, so one template can run on
 * several providers; `requestSent` shows exactly what went out. `n` is left out on purpose: a run
 * stores one answer.
 */
const chatCompletionParams = [
  'temperature',
  'top_p',
  'max_tokens',
  'max_completion_tokens',
  'seed',
  'stop',
  'presence_penalty',
  'frequency_penalty',
  'response_format',
  'reasoning_effort',
  'logit_bias',
  'service_tier',
] as const;

/**
 * The Chat Completions body for one call: the system text as a `system` message (omitted when
 * empty), the rendered prompt verbatim as the `user` message, and the template's params. The
 * template's `tools_spec` and `response_format` are Chat Completions shapes already and go out as
 * given (`response_format` replacing one among the params); empty, they are left out. Used by the
 * OpenAI and Azure OpenAI adapters alike (Azure serves the same API).
 */
export function toOpenAiChatRequest(input: LiveRequestInput): OpenAiChatRequest {
  const messages: ChatCompletionCreateParamsNonStreaming['messages'] = [];
  if (input.systemInstructions) {
    messages.push({ role: 'system', content: input.systemInstructions });
  }
  messages.push({ role: 'user', content: input.prompt });

  const params: Record<string, unknown> = {};
  for (const name of chatCompletionParams) {
    const value = input.inferenceParams[name];
    if (value !== undefined && value !== null) params[name] = value;
  }
  if (input.maxTokensOverride !== undefined) {
    // Reasoning models (o1, o3, …) reject `max_tokens` and take `max_completion_tokens`:
    // pin whichever limit the template uses.
    const limitName = 'max_completion_tokens' in params ? 'max_completion_tokens' : 'max_tokens';
    params[limitName] = input.maxTokensOverride;
  }
  if (input.toolsSpec.length > 0) params['tools'] = input.toolsSpec;
  if (input.responseFormat !== null) params['response_format'] = input.responseFormat;
  // The params are the template's, validated by the provider (a bad value is its 400, kept in
  // the error body), so they are not re-typed here.
  return { model: input.model, messages, ...params };
}
