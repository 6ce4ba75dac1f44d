import { isJsonObject } from './is-json-object.ts';

/** The text parsed as a JSON object; null for anything else (other JSON, or not JSON at all). */
export function parseJsonObject(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    return isJsonObject(value) ? value : null;
  } catch {
    return null;
  }
}
