// JSON that keeps what Python's json module keeps: number lexemes (int vs float, unbounded ints),
// any key, duplicate keys resolved as a dict does. The config hash (docs/api-contract.md §2) depends on it.
export { findLoneSurrogate } from './find-lone-surrogate.ts';
export { isJsonObject } from './is-json-object.ts';
export { jsonObjectKeys } from './json-key-order.ts';
export type { JsonLike, JsonLikeObject } from './json-like.ts';
export { JsonNumber } from './json-number.ts';
export { jsonNumberPlaceholders } from './json-number-placeholders.ts';
export { JsonSyntaxError } from './json-syntax-error.ts';
export type { JsonObject, JsonValue } from './json-value.ts';
export { MAX_JSON_DEPTH, parseLosslessJson } from './parse-lossless-json.ts';
export { RawJson } from './raw-json.ts';
export { stringifyLosslessJson } from './stringify-lossless-json.ts';
export { toPlainJson } from './to-plain-json.ts';
export {
  formatJsonPath,
  UnrepresentableJsonError,
  type JsonPath,
  type UnrepresentableReason,
} from './unrepresentable-json-error.ts';
