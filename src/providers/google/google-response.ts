import type { LiveAnswer } from '../create-live-model-provider.ts';
import { isJsonObject } from '../is-json-object.ts';
import { parseProviderJsonBody } from '../parse-provider-json-body.ts';
import type { TokenUsage } from '../provider-contract.ts';

/**
 * Reads a 200 body from `models/{model}:generateContent`
 * (https://ai.google.dev/api/generate-content#generatecontentresponse). A blocked prompt has no
 * candidates, only `promptFeedback`: that is an answer (empty text), not a failure. A body with
 * neither is `malformed_response`. Text is the first candidate's text parts, without thought
 * summaries (`thought: true`); a candidate cut at the token limit may have no parts at all.
 */
export function parseGoogleResponse(text: string): Omit<LiveAnswer, 'requestSent'> {
  const { body, found: candidates } = parseProviderJsonBody(text, {
    provider: 'google',
    shape: 'a generateContent response',
    find: (candidate) => {
      const found = candidate['candidates'];
      if (Array.isArray(found)) return found as unknown[];
      return isJsonObject(candidate['promptFeedback']) ? [] : null;
    },
  });
  return { body, content: candidateText(candidates[0]), usage: readUsage(body['usageMetadata']) };
}

function candidateText(candidate: unknown): string {
  const content = isJsonObject(candidate) ? candidate['content'] : undefined;
  const parts = isJsonObject(content) ? content['parts'] : undefined;
  if (!Array.isArray(parts)) return '';
  return parts
    .filter(
      (part): part is Record<string, unknown> => isJsonObject(part) && part['thought'] !== true,
    )
    .map((part) => (typeof part['text'] === 'string' ? part['text'] : ''))
    .join('');
}

/**
 * Thinking models bill their thoughts as output (https://ai.google.dev/gemini-api/docs/thinking):
 * `thoughtsTokenCount` is counted with the completion, as OpenAI counts reasoning tokens.
 */
function readUsage(usage: unknown): TokenUsage | null {
  if (!isJsonObject(usage)) return null;
  const candidates = numberOrNull(usage['candidatesTokenCount']);
  const thoughts = numberOrNull(usage['thoughtsTokenCount']);
  return {
    promptTokens: numberOrNull(usage['promptTokenCount']),
    completionTokens:
      candidates === null && thoughts === null ? null : (candidates ?? 0) + (thoughts ?? 0),
    totalTokens: numberOrNull(usage['totalTokenCount']),
  };
}

function numberOrNull(value: unknown): number | null {
  return typeof value === 'number' ? value : null;
}
