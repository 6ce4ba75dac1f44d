import type { TokenUsage } from '../provider-contract.ts';
import { ProviderError } from '../provider-error.ts';

/** A Messages answer as Prompter reads it: the whole body as received, plus what it needs. */
export interface AnthropicMessageResponse {
  readonly body: Readonly<Record<string, unknown>>;
  readonly content: string;
  readonly usage: TokenUsage | null;
}

/**
 * Reads a 200 body from `POST /v1/messages` (https://docs.anthropic.com/en/api/messages). A body
 * that is not a message with a `content` array is `malformed_response`. Text is the concatenated
 * `text` blocks; other blocks (thinking, tool use) stay in the stored body only.
 */
export function parseAnthropicResponse(text: string): AnthropicMessageResponse {
  const body = parseJsonObject(text);
  const blocks = body?.['content'];
  if (body === null || !Array.isArray(blocks) || body['type'] === 'error') {
    throw new ProviderError({
      provider: 'anthropic',
      kind: 'malformed_response',
      status: 200,
      body: body ?? text,
      message: 'Anthropic answered 200 with a body that is not a message',
    });
  }
  const content = (blocks as unknown[])
    .filter(
      (block): block is Record<string, unknown> => isRecord(block) && block['type'] === 'text',
    )
    .map((block) => (typeof block['text'] === 'string' ? block['text'] : ''))
    .join('');
  return { body, content, usage: readUsage(body['usage']) };
}

/**
 * `input_tokens` excludes prompt-cache reads and writes, which are billed input too
 * (https://docs.anthropic.com/en/docs/build-with-claude/prompt-caching#tracking-cache-performance):
 * the prompt count adds them back.
 */
function readUsage(usage: unknown): TokenUsage | null {
  if (!isRecord(usage)) return null;
  const input = numberOrNull(usage['input_tokens']);
  const output = numberOrNull(usage['output_tokens']);
  const cached =
    (numberOrNull(usage['cache_creation_input_tokens']) ?? 0) +
    (numberOrNull(usage['cache_read_input_tokens']) ?? 0);
  const promptTokens = input === null ? null : input + cached;
  return {
    promptTokens,
    completionTokens: output,
    totalTokens: promptTokens === null || output === null ? null : promptTokens + output,
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
