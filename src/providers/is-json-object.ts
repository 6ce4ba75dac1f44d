/** A JSON object (not an array, not null): the shape every provider's bodies are made of. */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
