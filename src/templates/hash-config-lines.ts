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

/** The same field rules as the API's create body, for the fields that are hashed. */
const validateConfig = createBodyValidator().compile(Type.Object(TemplateConfigFields));

export type HashLineOutcome =
  { readonly config_hash: string; readonly canonical: string } | { readonly error: string };

/** Hashes one create-request JSON text exactly as the API would (docs/api-contract.md §2). */
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
