import { StringDecoder } from 'node:string_decoder';
import type { Readable, Writable } from 'node:stream';
import { Type } from 'typebox';
import { canonicalizeConfig } from '../core/canonical/canonicalize-config.ts';
import { templateConfigFromJson } from '../core/canonical/template-config-from-json.ts';
import {
  JsonSyntaxError,
  UnrepresentableJsonError,
  parseLosslessJson,
  toPlainJson,
  type JsonObject,
} from '../core/json/lossless-json.ts';
import { createBodyValidator } from '../http/schema-validators.ts';
import { issuesFromSchemaErrors } from '../http/validation-issues.ts';
import { TemplateConfigFields } from './templates.schemas.ts';

const LIMIT_KEYWORDS = new Set(['minLength', 'maxLength', 'minItems', 'maxItems']);

/**
 * The API's field types for the hashed fields, without its limits: `hash` answers for every body
 * the Python reference hashes (empty or whitespace-only text, any length, a null `country_set`)
 * and refuses only bodies it cannot read as a template config (wrong types, a missing
 * `user_prompt_template` or `model_id`) or cannot hash (lone surrogates, non-finite numbers).
 */
const validateConfig = createBodyValidator().compile(
  hashableSchema(
    Type.Object({
      ...TemplateConfigFields,
      country_set: Type.Optional(Type.Union([Type.Array(Type.String()), Type.Null()])),
    }),
  ) as object,
);

/** A copy of a JSON schema without its length and size limits. */
function hashableSchema(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(hashableSchema);
  if (typeof schema !== 'object' || schema === null) return schema;
  return Object.fromEntries(
    Object.entries(schema)
      .filter(([keyword]) => !LIMIT_KEYWORDS.has(keyword))
      .map(([keyword, value]) => [keyword, hashableSchema(value)]),
  );
}

export type HashLineOutcome =
  { readonly config_hash: string; readonly canonical: string } | { readonly error: string };

/**
 * Hashes one create-request JSON text as the API and the Python reference do (docs/api-contract.md §2). Where
 * the API refuses a body it could hash (an empty prompt, a field over its length limit), this
 * still hashes it, as the reference does.
 */
export function hashConfigLine(line: string): HashLineOutcome {
  let document;
  try {
    document = parseLosslessJson(line);
  } catch (error) {
    if (error instanceof JsonSyntaxError) return { error: `invalid JSON: ${error.message}` };
    if (error instanceof UnrepresentableJsonError) {
      return { error: `${error.path.join('.')}: ${error.message}` };
    }
    throw error;
  }
  if (!validateConfig(toPlainJson(document))) {
    const issues = issuesFromSchemaErrors(validateConfig.errors ?? [], 'body');
    return {
      error: issues
        .map((issue) => `${issue.loc.slice(1).join('.') || 'body'}: ${issue.msg}`)
        .join('; '),
    };
  }
  const { canonical, configHash } = canonicalizeConfig(
    templateConfigFromJson(document as JsonObject),
  );
  return { config_hash: configHash, canonical };
}

/**
 * Reads lines from `input` and writes one JSON line per input line to `output`.
 * Returns how many lines were rejected.
 */
export async function hashConfigLines(input: Readable, output: Writable): Promise<number> {
  let rejected = 0;
  let buffered = '';
  for await (const line of splitLines(input)) {
    // A blank line still gets its own output line, so output line N always answers input line N.
    const outcome: HashLineOutcome =
      line.trim() === '' ? { error: 'empty line: expected a JSON object' } : hashConfigLine(line);
    if ('error' in outcome) rejected += 1;
    buffered += `${JSON.stringify(outcome)}\n`;
    if (buffered.length > 64 * 1024) {
      if (!output.write(buffered)) await new Promise((resolve) => output.once('drain', resolve));
      buffered = '';
    }
  }
  if (buffered.length > 0) output.write(buffered);
  return rejected;
}

/**
 * Lines split on LF only, as the Python reference reads them: a CR is JSON whitespace, not a line
 * end (readline would also split on a lone CR and cut such a body in two).
 */
async function* splitLines(input: Readable): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  let pending = '';
  for await (const chunk of input) {
    pending += typeof chunk === 'string' ? chunk : decoder.write(chunk as Buffer);
    let newline = pending.indexOf('\n');
    while (newline !== -1) {
      yield pending.slice(0, newline);
      pending = pending.slice(newline + 1);
      newline = pending.indexOf('\n');
    }
  }
  pending += decoder.end();
  if (pending !== '') yield pending;
}
