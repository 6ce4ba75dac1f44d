import type { LiveAnswer } from '../create-live-model-provider.ts';
import { isJsonObject } from '../is-json-object.ts';
import { parseProviderJsonBody } from '../parse-provider-json-body.ts';
import type { TokenUsage } from '../provider-contract.ts';

/**
 * Reads a 200 body from `POST /chat/completions`
 * (https://platform.openai.com/docs/api-reference/chat/object). Anything that is not a
 * `chat.completion` with a first choice carrying a message is `malformed_response`. The message's
 * `content` is null when the model refused (`refusal` holds the text) or Azure's content filter
 * stopped it; both read as text here.
 */
export function parseOpenAiResponse(
  text: string,
  provider: 'openai' | 'azure-openai',
): Omit<LiveAnswer, 'requestSent'> {
  const { body, found: message } = parseProviderJsonBody(text, {
    provider,
    shape: 'a chat completion',
    find: firstMessage,
  });
  const content = message['content'] ?? message['refusal'] ?? '';
  return {
    body,
    content: typeof content === 'string' ? content : JSON.stringify(content),
    usage: readUsage(body['usage']),
  };
}

function firstMessage(body: Record<string, unknown>): Record<string, unknown> | null {
  const choices = body['choices'];
  const firstChoice: unknown = Array.isArray(choices) ? choices[0] : undefined;
  const message = isJsonObject(firstChoice) ? firstChoice['message'] : undefined;
  return isJsonObject(message) ? message : null;
}

function readUsage(usage: unknown): TokenUsage | null {
  if (!isJsonObject(usage)) return null;
  return {
    promptTokens: numberOrNull(usage['prompt_tokens']),
    completionTokens: numberOrNull(usage['completion_tokens']),
    totalTokens: numberOrNull(usage['total_tokens']),
  };
}

function numberOrNull(value: unknown): number | null {
  return typeof value === 'number' ? value : null;
}
