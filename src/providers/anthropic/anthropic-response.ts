import type { LiveAnswer } from '../create-live-model-provider.ts';
import { isJsonObject } from '../is-json-object.ts';
import { parseProviderJsonBody } from '../parse-provider-json-body.ts';
import type { TokenUsage } from '../provider-contract.ts';

/**
 * Reads a 200 body from `POST /v1/messages` (https://docs.anthropic.com/en/api/messages). A body
 * that is not a message with a `content` array is `malformed_response`. Text is the concatenated
 * `text` blocks; other blocks (thinking, tool use) stay in the stored body only.
 */
export function parseAnthropicResponse(text: string): Omit<LiveAnswer, 'requestSent'> {
  const { body, found: blocks } = parseProviderJsonBody(text, {
    provider: 'anthropic',
    shape: 'a message',
    find: (candidate) =>
      Array.isArray(candidate['content']) && candidate['type'] !== 'error'
        ? (candidate['content'] as unknown[])
        : null,
  });
  const content = blocks
    .filter(
      (block): block is Record<string, unknown> => isJsonObject(block) && block['type'] === 'text',
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
  if (!isJsonObject(usage)) return null;
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

function numberOrNull(value: unknown): number | null {
  return typeof value === 'number' ? value : null;
}
