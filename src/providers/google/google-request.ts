import type {
  FunctionDeclaration,
  GenerateContentConfig,
  GenerateContentParameters,
  Tool,
} from '@google/genai';
import type { JsonLike, JsonLikeObject } from '../../core/json/lossless-json.ts';
import type { LiveRequestInput } from '../create-live-model-provider.ts';
import { isExactNumber, type ExactNumber } from '../exact-number.ts';
import { isJsonObject } from '../is-json-object.ts';

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
 * the system text as `systemInstruction` (omitted when empty), the template's tools, and Google
 * Search grounding as a tool when the run asks for it
 * (https://ai.google.dev/gemini-api/docs/google-search). The SDK reshapes this into the wire body
 * (`generationConfig`, …), which the adapter records as sent.
 */
export function toGoogleContentRequest(input: LiveRequestInput): GenerateContentParameters {
  const params = input.inferenceParams;
  const config: GenerateContentConfig = {};
  if (input.systemInstructions) config.systemInstruction = input.systemInstructions;
  // The template's numbers stay exact (`JsonNumber`) until the SDK's fetch writes them; the SDK
  // copies these fields into `generationConfig` as they are.
  const sampling: Partial<Record<SamplingConfigName, ExactNumber>> = {};
  for (const [configName, paramNames] of samplingParams) {
    const value = firstNumber(params, paramNames);
    if (value !== null) sampling[configName] = value;
  }
  if (input.maxTokensOverride !== undefined) sampling.maxOutputTokens = input.maxTokensOverride;
  Object.assign(config, sampling);
  const stop = params['stop_sequences'] ?? params['stopSequences'] ?? params['stop'];
  if (typeof stop === 'string') config.stopSequences = [stop];
  if (Array.isArray(stop)) config.stopSequences = stop.filter((item) => typeof item === 'string');
  Object.assign(config, responseFormatConfig(input.responseFormat ?? params['response_format']));
  const tools = toGoogleTools(input.toolsSpec);
  if (input.useGrounding) tools.push({ googleSearch: {} });
  if (tools.length > 0) config.tools = tools;

  return {
    model: input.model,
    contents: [{ role: 'user', parts: [{ text: input.prompt }] }],
    config,
  };
}

/**
 * The template's tools in Gemini terms: OpenAI-style function tools
 * (`{type: "function", function: {name, description, parameters}}`) become one tool of
 * `functionDeclarations`, their JSON Schema parameters as `parametersJsonSchema`
 * (https://ai.google.dev/gemini-api/docs/function-calling). Any other shape is taken to be
 * Gemini's own tool (`googleSearch`, `codeExecution`, `functionDeclarations`) and goes out as
 * given; Gemini validates it (a bad one is its 400).
 */
function toGoogleTools(specs: readonly JsonLikeObject[]): Tool[] {
  const declarations: FunctionDeclaration[] = [];
  const native: Tool[] = [];
  for (const spec of specs) {
    const declared = spec['function'];
    if (spec['type'] === 'function' && isJsonObject(declared)) {
      const { name, description, parameters } = declared as {
        name?: string;
        description?: string;
        parameters?: unknown;
      };
      declarations.push({
        name,
        ...(description === undefined ? {} : { description }),
        ...(parameters === undefined ? {} : { parametersJsonSchema: parameters }),
      });
    } else {
      native.push(spec);
    }
  }
  return declarations.length > 0 ? [{ functionDeclarations: declarations }, ...native] : native;
}

/**
 * OpenAI's `response_format` in Gemini terms: JSON mode is `responseMimeType`, and a JSON schema
 * goes in `responseJsonSchema` (https://ai.google.dev/gemini-api/docs/structured-output).
 */
function responseFormatConfig(format: JsonLike | undefined): GenerateContentConfig {
  if (typeof format !== 'object' || format === null) return {};
  const { type, json_schema: jsonSchema } = format as { type?: unknown; json_schema?: unknown };
  if (type === 'json_object') return { responseMimeType: 'application/json' };
  if (type === 'json_schema' && typeof jsonSchema === 'object' && jsonSchema !== null) {
    const { schema } = jsonSchema as { schema?: unknown };
    return { responseMimeType: 'application/json', responseJsonSchema: schema };
  }
  return {};
}

function firstNumber(params: JsonLikeObject, names: readonly string[]): ExactNumber | null {
  for (const name of names) {
    const value = params[name];
    if (isExactNumber(value)) return value;
  }
  return null;
}
