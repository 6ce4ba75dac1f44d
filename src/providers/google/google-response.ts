import type { TokenUsage } from '../provider-contract.ts';
import { ProviderError } from '../provider-error.ts';

/** A generateContent answer as Prompter reads it: the whole body as received, plus what it needs. */
export interface GoogleContentResponse {
  readonly body: Readonly<Record<string, unknown>>;
  readonly content: string;
  readonly usage: TokenUsage | null;
}

/**
 * Reads a 200 body from `models/{model}:generateContent`
 * (https://ai.google.dev/api/generate-content#generatecontentresponse). A blocked prompt has no
 * candidates, only `promptFeedback`: that is an answer (empty text), not a failure. A body with
 * neither is `malformed_response`. Text is the first candidate's text parts, without thought
 * summaries (`thought: true`); a candidate cut at the token limit may have no parts at all.
 */
export function parseGoogleResponse(text: string): GoogleContentResponse {
  const body = parseJsonObject(text);
  const candidates = body?.['candidates'];
  if (body === null || (!Array.isArray(candidates) && !isRecord(body['promptFeedback']))) {
    throw new ProviderError({
      provider: 'google',
      kind: 'malformed_response',
      status: 200,
      body: body ?? text,
      message: 'Gemini answered 200 with a body that is not a generateContent response',
    });
  }
  const firstCandidate: unknown = Array.isArray(candidates) ? candidates[0] : undefined;
  return { body, content: candidateText(firstCandidate), usage: readUsage(body['usageMetadata']) };
}

function candidateText(candidate: unknown): string {
  const content = isRecord(candidate) ? candidate['content'] : undefined;
  const parts = isRecord(content) ? content['parts'] : undefined;
  if (!Array.isArray(parts)) return '';
  return parts
    .filter((part): part is Record<string, unknown> => isRecord(part) && part['thought'] !== true)
    .map((part) => (typeof part['text'] === 'string' ? part['text'] : ''))
    .join('');
}

/**
 * Thinking models bill their thoughts as output (https://ai.google.dev/gemini-api/docs/thinking):
 * `thoughtsTokenCount` is counted with the completion, as OpenAI counts reasoning tokens.
 */
function readUsage(usage: unknown): TokenUsage | null {
  if (!isRecord(usage)) return null;
  const candidates = numberOrNull(usage['candidatesTokenCount']);
  const thoughts = numberOrNull(usage['thoughtsTokenCount']);
  return {
    promptTokens: numberOrNull(usage['promptTokenCount']),
    completionTokens:
      candidates === null && thoughts === null ? null : (candidates ?? 0) + (thoughts ?? 0),
    totalTokens: numberOrNull(usage['totalTokenCount']),
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
