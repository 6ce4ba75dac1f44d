/**
 * The text with every occurrence of the API key replaced. Providers and proxies can echo the key
 * back (OpenAI's 401 quotes a rejected key; a careless proxy may mirror request headers), so
 * whatever Prompter keeps from a failure passes through here first.
 */
export function redactApiKey(text: string, apiKey: string): string {
  return apiKey === '' ? text : text.split(apiKey).join('[redacted]');
}
