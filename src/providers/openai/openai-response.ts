import type { TokenUsage } from '../provider-contract.ts';
import { ProviderError } from '../provider-error.ts';

/** A chat completion as Prompter reads it: the whole body as received, plus what it needs. */
export interface OpenAiChatResponse {
  readonly body: Readonly<Record<string, unknown>>;
  readonly content: string;
  readonly usage: TokenUsage | null;
}

/**
 * Reads a 200 body from `POST /chat/completions`
 * (https://platform.openai.com/docs/api-reference/chat/object). Anything that is not a
 * `chat.completion` with a first choice carrying a message — an HTML page from a proxy, truncated
 * JSON — is `malformed_response`. The message's `content` is null when the model refused
 * (`refusal` holds the text) or Azure's content filter stopped it; both read as text here.
 */
export function parseOpenAiResponse(
  text: string,
  provider: 'openai' | 'azure-openai',
): OpenAiChatResponse {
  const body = parseJsonObject(text);
  const choices = body?.['choices'];
  const firstChoice: unknown = Array.isArray(choices) ? choices[0] : undefined;
  const message = isRecord(firstChoice) ? firstChoice['message'] : undefined;
  if (body === null || !isRecord(message)) {
    throw new ProviderError({
      provider,
      kind: 'malformed_response',
      status: 200,
      body: body ?? text,
      message: `${provider} answered 200 with a body that is not a chat completion`,
    });
  }
  const content = message['content'] ?? message['refusal'] ?? '';
  return {
    body,
    content: typeof content === 'string' ? content : JSON.stringify(content),
    usage: readUsage(body['usage']),
  };
}

function readUsage(usage: unknown): TokenUsage | null {
  if (!isRecord(usage)) return null;
  return {
    promptTokens: numberOrNull(usage['prompt_tokens']),
    completionTokens: numberOrNull(usage['completion_tokens']),
    totalTokens: numberOrNull(usage['total_tokens']),
  };
}

function parseJsonObject(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    return isRecord(value) ? value : null;
  } catch {
    return null;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function numberOrNull(value: unknown): number | null {
  return typeof value === 'number' ? value : null;
}
