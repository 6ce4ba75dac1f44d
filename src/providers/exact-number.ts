import { JsonNumber } from '../core/json/lossless-json.ts';

/**
 * A number in a request body: a template's, as written (`JsonNumber`: `1.0`, 20-digit seeds), or
 * one an adapter sets itself (a default `max_tokens`). Both are sent as written.
 */
export type ExactNumber = number | JsonNumber;

export function isExactNumber(value: unknown): value is ExactNumber {
  return typeof value === 'number' || value instanceof JsonNumber;
}
