import type { GenerateContentConfig, GenerateContentParameters } from '@google/genai';
import type { ModelCallRequest } from '../provider-contract.ts';

/** What a generateContent call is built from: a call, or the version probe with its limit pinned. */
export interface GoogleContentInput extends Pick<
  ModelCallRequest,
  'model' | 'systemInstructions' | 'prompt' | 'inferenceParams'
> {
  readonly useGrounding?: boolean;
  /** Replaces the template's output-token limit (the version probe asks for one token). */
  readonly maxTokensOverride?: number;
}

type SamplingConfigName =
  | 'temperature'
  | 'topP'
  | 'topK'
  | 'maxOutputTokens'
  | 'seed'
  | 'presencePenalty'
  | 'frequencyPenalty';

/**
 * Template params and the Gemini `generationConfig` fields they become
 * (https://ai.google.dev/api/generate-content#generationconfig). Templates use OpenAI-style
 * snake_case; Gemini's own snake_case and camelCase names are accepted too, first match wins.
 * Params Gemini does not take (`logit_bias`, `n`) are left out; `requestSent` shows what went out.
 */
const samplingParams: ReadonlyArray<readonly [SamplingConfigName, readonly string[]]> = [
  ['temperature', ['temperature']],
  ['topP', ['top_p', 'topP']],
  ['topK', ['top_k', 'topK']],
  ['maxOutputTokens', ['max_output_tokens', 'max_tokens', 'maxOutputTokens']],
  ['seed', ['seed']],
  ['presencePenalty', ['presence_penalty', 'presencePenalty']],
  ['frequencyPenalty', ['frequency_penalty', 'frequencyPenalty']],
];

/**
 * The generateContent parameters for one call: the rendered prompt verbatim as the one user turn,
 * the system text as `systemInstruction` (omitted when empty), and Google Search grounding as a
 * tool when the run asks for it (https://ai.google.dev/gemini-api/docs/google-search). The SDK
 * reshapes this into the wire body (`generationConfig`, …), which the adapter records as sent.
 */
export function toGoogleContentRequest(input: GoogleContentInput): GenerateContentParameters {
  const params = input.inferenceParams;
  const config: GenerateContentConfig = {};
  if (input.systemInstructions) config.systemInstruction = input.systemInstructions;
  for (const [configName, paramNames] of samplingParams) {
    const value = firstNumber(params, paramNames);
    if (value !== null) config[configName] = value;
  }
  if (input.maxTokensOverride !== undefined) config.maxOutputTokens = input.maxTokensOverride;
  const stop = params['stop_sequences'] ?? params['stopSequences'] ?? params['stop'];
  if (typeof stop === 'string') config.stopSequences = [stop];
  if (Array.isArray(stop)) config.stopSequences = stop.filter((item) => typeof item === 'string');
  Object.assign(config, responseFormatConfig(params['response_format']));
  if (input.useGrounding) config.tools = [{ googleSearch: {} }];

  return {
    model: input.model,
    contents: [{ role: 'user', parts: [{ text: input.prompt }] }],
    config,
  };
}

/**
 * OpenAI's `response_format` in Gemini terms: JSON mode is `responseMimeType`, and a JSON schema
 * goes in `responseJsonSchema` (https://ai.google.dev/gemini-api/docs/structured-output).
 */
function responseFormatConfig(format: unknown): GenerateContentConfig {
  if (typeof format !== 'object' || format === null) return {};
  const { type, json_schema: jsonSchema } = format as { type?: unknown; json_schema?: unknown };
  if (type === 'json_object') return { responseMimeType: 'application/json' };
  if (type === 'json_schema' && typeof jsonSchema === 'object' && jsonSchema !== null) {
    const { schema } = jsonSchema as { schema?: unknown };
    return { responseMimeType: 'application/json', responseJsonSchema: schema };
  }
  return {};
}

function firstNumber(
  params: Readonly<Record<string, unknown>>,
  names: readonly string[],
): number | null {
  for (const name of names) {
    const value = params[name];
    if (typeof value === 'number') return value;
  }
  return null;
}
