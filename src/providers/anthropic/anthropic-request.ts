import type { MessageCreateParamsNonStreaming } from '@anthropic-ai/sdk/resources/messages';
import type { JsonLikeObject } from '../../core/json/lossless-json.ts';
import type { LiveRequestInput } from '../create-live-model-provider.ts';
import { isExactNumber, type ExactNumber } from '../exact-number.ts';
import { isJsonObject } from '../is-json-object.ts';

type NumericParam = 'max_tokens' | 'temperature' | 'top_p' | 'top_k';

/**
 * A Messages API request body: what the SDK sends and what `requestSent` records. The template's
 * numbers stay exact (`JsonNumber`) until the SDK's fetch writes them.
 */
export type AnthropicMessagesRequest = Omit<MessageCreateParamsNonStreaming, NumericParam> & {
  max_tokens: ExactNumber;
} & Partial<Record<Exclude<NumericParam, 'max_tokens'>, ExactNumber>> &
  Record<string, unknown>;

/**
 * The Messages API requires `max_tokens` (https://docs.anthropic.com/en/api/messages); a template
 * without one gets this, which is ample for an answer to a brand question.
 */
const defaultMaxTokens = 1024;

/**
 * Template params the Messages API takes under the same names. It has no `seed`, penalties or
 * `response_format`: those are left out rather than failing the call, so one template can run on
 * several providers; `requestSent` shows exactly what went out.
 */
const messagesParams = ['temperature', 'top_p', 'top_k'] as const;

/**
 * The Messages body for one call: the system text as the top-level `system` field (omitted when
 * empty), the rendered prompt verbatim as the one user turn, and the template's params; OpenAI's
 * `stop` becomes `stop_sequences`. The template's tools go out as Anthropic tools. Its
 * `response_format` is not sent: the Messages API has no such field (JSON output is asked for in
 * the prompt, or through a tool).
 */
export function toAnthropicMessagesRequest(input: LiveRequestInput): AnthropicMessagesRequest {
  const params = input.inferenceParams;
  const body: AnthropicMessagesRequest = {
    model: input.model,
    max_tokens: input.maxTokensOverride ?? readMaxTokens(params) ?? defaultMaxTokens,
    messages: [{ role: 'user', content: input.prompt }],
  };
  if (input.systemInstructions) body.system = input.systemInstructions;
  for (const name of messagesParams) {
    const value = params[name];
    if (isExactNumber(value)) body[name] = value;
  }
  const stop = params['stop_sequences'] ?? params['stop'];
  if (typeof stop === 'string') body.stop_sequences = [stop];
  if (Array.isArray(stop)) body.stop_sequences = stop.filter((item) => typeof item === 'string');
  if (input.toolsSpec.length > 0) {
    // The specs are the template's, validated by Anthropic (a bad one is its 400), not re-typed.
    body.tools = input.toolsSpec.map(
      toAnthropicTool,
    ) as unknown as AnthropicMessagesRequest['tools'];
  }
  return body;
}

/**
 * An OpenAI-style function tool, `{type: "function", function: {name, description, parameters}}`,
 * as an Anthropic tool, `{name, description, input_schema}`
 * (https://docs.anthropic.com/en/docs/agents-and-tools/tool-use/implement-tool-use). Anthropic
 * requires `input_schema`, so a function without parameters takes an empty object schema. Any
 * other shape is taken to be Anthropic's own (a custom tool, or a server tool such as web search)
 * and goes out as given.
 */
function toAnthropicTool(spec: JsonLikeObject): Readonly<Record<string, unknown>> {
  const declared = spec['function'];
  if (spec['type'] !== 'function' || !isJsonObject(declared)) return spec;
  const { name, description, parameters } = declared;
  return {
    name,
    ...(description === undefined ? {} : { description }),
    input_schema: parameters ?? { type: 'object', properties: {} },
  };
}

function readMaxTokens(params: JsonLikeObject): ExactNumber | null {
  const value = params['max_tokens'] ?? params['max_output_tokens'];
  return isExactNumber(value) ? value : null;
}
