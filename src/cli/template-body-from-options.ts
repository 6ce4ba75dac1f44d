import { readFile } from 'node:fs/promises';
import {
  isJsonObject,
  parseLosslessJson,
  type JsonObject,
  type JsonValue,
} from '../core/json/lossless-json.ts';
import type { CliIo } from './cli-io.ts';
import { parseCountryOption } from './parse-country-option.ts';
import { UsageError } from './usage-error.ts';

export interface TemplateCreateOptions {
  file?: string;
  org?: string;
  workspace?: string;
  name?: string;
  model?: string;
  provider?: string;
  prompt?: string;
  system?: string;
  country: string[];
  param: string[];
  createdBy?: string;
}

/**
 * The create-request body of `prompter templates create`: the JSON of `--file` (`-` reads stdin),
 * then each flag sets its field (`--param` adds to `inference_params`). Read losslessly, so
 * `--param temperature=1.0` stays `1.0` all the way to the config hash.
 */
export async function templateBodyFromOptions(
  io: CliIo,
  options: TemplateCreateOptions,
): Promise<JsonObject> {
  const body: JsonObject =
    options.file === undefined
      ? (Object.create(null) as JsonObject)
      : await readBodyFile(io, options.file);
  const set = (field: string, value: string | undefined) => {
    if (value !== undefined) body[field] = value;
  };
  set('org_id', options.org);
  set('workspace_id', options.workspace);
  set('name', options.name);
  set('model_id', options.model);
  set('provider', options.provider);
  set('user_prompt_template', options.prompt);
  set('system_instructions', options.system);
  set('created_by', options.createdBy);
  if (options.country.length > 0) body['country_set'] = options.country.map(parseCountryOption);
  if (options.param.length > 0) {
    const existing = body['inference_params'];
    const params: JsonObject = isJsonObject(existing)
      ? existing
      : (Object.create(null) as JsonObject);
    for (const pair of options.param) {
      const separator = pair.indexOf('=');
      if (separator <= 0) throw new UsageError(`--param expects name=value, got "${pair}"`);
      params[pair.slice(0, separator)] = paramValue(pair.slice(separator + 1));
    }
    body['inference_params'] = params;
  }
  return body;
}

/** A JSON value (`0.7`, `true`, `["END"]`) as written; anything else is a string. */
function paramValue(raw: string): JsonValue {
  try {
    return parseLosslessJson(raw);
  } catch {
    return raw;
  }
}

async function readBodyFile(io: CliIo, file: string): Promise<JsonObject> {
  let text: string;
  try {
    text = file === '-' ? await readAll(io.stdin ?? process.stdin) : await readFile(file, 'utf8');
  } catch (error) {
    throw new UsageError(`--file ${file}: ${(error as Error).message}`);
  }
  let document: JsonValue;
  try {
    document = parseLosslessJson(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new UsageError(`--file ${file}: not valid JSON: ${(error as Error).message}`);
  }
  if (!isJsonObject(document)) {
    throw new UsageError(`--file ${file}: expected a JSON object (a create request body)`);
  }
  return document;
}

async function readAll(
  stream: AsyncIterable<string | Buffer> | Iterable<string | Buffer>,
): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks).toString('utf8');
}
