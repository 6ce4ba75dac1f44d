/**
 * The output limit a template sets, under any provider's name for it: OpenAI `max_tokens` /
 * `max_completion_tokens` / `max_output_tokens`, Gemini `maxOutputTokens`, Anthropic
 * `max_tokens`. Null when none is a positive number.
 */
export function maxOutputTokens(inferenceParams: Readonly<Record<string, unknown>>): number | null {
  for (const name of [
    'max_completion_tokens',
    'max_output_tokens',
    'max_tokens',
    'maxOutputTokens',
  ]) {
    const value = Number(inferenceParams[name]);
    if (inferenceParams[name] !== undefined && Number.isFinite(value) && value > 0) {
      return Math.ceil(value);
    }
  }
  return null;
}
