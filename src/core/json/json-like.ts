import type { JsonNumber } from './json-number.ts';

/**
 * JSON as code passes it around: numbers are exact lexemes (`JsonNumber`, from parsed input) or
 * JS numbers (values the code makes itself, literals in tests). `stringifyLosslessJson` writes
 * both; `JsonValue` is the subset a parse returns.
 */
export type JsonLike =
  null | boolean | string | number | JsonNumber | readonly JsonLike[] | JsonLikeObject;

export type JsonLikeObject = { readonly [key: string]: JsonLike };
