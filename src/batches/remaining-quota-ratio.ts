/**
 * The share of a provider's request quota left, from its rate-limit headers, or null when the
 * answer carries none. OpenAI and Azure OpenAI send `x-ratelimit-remaining-requests` /
 * `x-ratelimit-limit-requests` (https://platform.openai.com/docs/guides/rate-limits); Anthropic
 * sends `anthropic-ratelimit-requests-remaining` / `-limit`
 * (https://docs.anthropic.com/en/api/rate-limits). Gemini sends none.
 */
export function remainingQuotaRatio(headers: Readonly<Record<string, string>>): number | null {
  const pairs: ReadonlyArray<readonly [string, string]> = [
    ['x-ratelimit-remaining-requests', 'x-ratelimit-limit-requests'],
    ['anthropic-ratelimit-requests-remaining', 'anthropic-ratelimit-requests-limit'],
  ];
  for (const [remainingName, limitName] of pairs) {
    const remaining = Number(headers[remainingName]);
    const limit = Number(headers[limitName]);
    if (headers[remainingName] !== undefined && Number.isFinite(remaining) && limit > 0) {
      return Math.max(0, remaining) / limit;
    }
  }
  return null;
}
