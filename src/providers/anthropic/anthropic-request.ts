import type { MessageCreateParamsNonStreaming } from '@anthropic-ai/sdk/resources/messages';
import type { ModelCallRequest } from '../provider-contract.ts';

/** What a Messages request is built from: a call, or the version probe with its limit pinned. */
export interface AnthropicMessagesInput extends Pick<
  ModelCallRequest,
  'model' | 'systemInstructions' | 'prompt' | 'inferenceParams'
> {
  /** Replaces the template's output-token limit (the version probe asks for one token). */
  readonly maxTokensOverride?: number;
}

/** A Messages API request body: what the SDK sends and what `requestSent` records. */
export type AnthropicMessagesRequest = MessageCreateParamsNonStreaming & Record<string, unknown>;

/**
 * The Messages API requires `max_tokens` (https://docs.anthropic.com/en/api/messages); a template
 * without one gets this, which is ample for an answer to a brand question.
 */
const defaultMaxTokens = 1024;

/**
 * Template params the Messages API takes under the same names. It has no `seed`, penalties or
 * `response_format`: those are left out rather than failing the call, so one template can run on
 * several providers; `requestSent` shows exactly what went out.
 */
const messagesParams = ['temperature', 'top_p', 'top_k'] as const;

/**
 * The Messages body for one call: the system text as the top-level `system` field (omitted when
 * empty), the rendered prompt verbatim as the one user turn, and the template's params; OpenAI's
 * `stop` becomes `stop_sequences`.
 */
export function toAnthropicMessagesRequest(
  input: AnthropicMessagesInput,
): AnthropicMessagesRequest {
  const params = input.inferenceParams;
  const body: AnthropicMessagesRequest = {
    model: input.model,
    max_tokens: input.maxTokensOverride ?? readMaxTokens(params) ?? defaultMaxTokens,
    messages: [{ role: 'user', content: input.prompt }],
  };
  if (input.systemInstructions) body.system = input.systemInstructions;
  for (const name of messagesParams) {
    const value = params[name];
    if (typeof value === 'number') body[name] = value;
  }
  const stop = params['stop_sequences'] ?? params['stop'];
  if (typeof stop === 'string') body.stop_sequences = [stop];
  if (Array.isArray(stop)) body.stop_sequences = stop.filter((item) => typeof item === 'string');
  return body;
}

function readMaxTokens(params: Readonly<Record<string, unknown>>): number | null {
  const value = params['max_tokens'] ?? params['max_output_tokens'];
  return typeof value === 'number' ? value : null;
}
