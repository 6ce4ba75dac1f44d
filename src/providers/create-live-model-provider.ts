import type {
  ModelCallRequest,
  ModelCallResult,
  ModelProvider,
  ProviderName,
  TokenUsage,
  VersionParts,
  VersionProbe,
  VersionProbeRequest,
} from './provider-contract.ts';

export interface LiveProviderOptions {
  /** Replaces the global fetch (tests, proxies); the SDK uses it for every request. */
  readonly fetch?: typeof fetch;
}

/** What a provider's request body is built from: a call, or the version probe. */
export interface LiveRequestInput extends Pick<
  ModelCallRequest,
  | 'model'
  | 'systemInstructions'
  | 'prompt'
  | 'inferenceParams'
  | 'useGrounding'
  | 'toolsSpec'
  | 'responseFormat'
> {
  /** Replaces the template's output-token limit (the version probe asks for one token). */
  readonly maxTokensOverride?: number;
}

/** A 200 answer as an adapter reads it: the whole body as received, plus what Prompter needs. */
export interface LiveAnswer {
  readonly body: Readonly<Record<string, unknown>>;
  readonly content: string;
  readonly usage: TokenUsage | null;
  /** The request body as it went out (never keys or auth headers). */
  readonly requestSent: Readonly<Record<string, unknown>>;
}

export interface LiveVersionKey {
  readonly versionKey: string | null;
  readonly versionParts: VersionParts;
}

/** The provider-specific half of a live adapter. */
export interface LiveAdapter<Request> {
  readonly name: ProviderName;
  buildRequest(input: LiveRequestInput): Request;
  /** Throws ProviderError, naming the request once it was built (`requestSent`). */
  send(request: Request, signal: AbortSignal | undefined): Promise<LiveAnswer>;
  versionOf(answer: LiveAnswer, model: string): LiveVersionKey;
}

/**
 * A live adapter's `call` and `probeVersion` (the contract's two operations), the same for every
 * provider. The probe is the cheapest call that reveals the version key: the template's model,
 * system text and params, the prompt "ping", one output token, and no tools, response format or
 * grounding; an answer that names no version falls back to the requested model id.
 */
export function createLiveModelProvider<Request>(adapter: LiveAdapter<Request>): ModelProvider {
  return {
    name: adapter.name,

    async call(request: ModelCallRequest): Promise<ModelCallResult> {
      const answer = await adapter.send(adapter.buildRequest(request), request.signal);
      return {
        content: answer.content,
        ...adapter.versionOf(answer, request.model),
        usage: answer.usage,
        requestSent: answer.requestSent,
        response: answer.body,
        simulated: false,
      };
    },

    async probeVersion(request: VersionProbeRequest): Promise<VersionProbe> {
      const probe = adapter.buildRequest({
        ...request,
        prompt: 'ping',
        maxTokensOverride: 1,
        useGrounding: false,
        toolsSpec: [],
        responseFormat: null,
      });
      const answer = await adapter.send(probe, request.signal);
      const { versionKey, versionParts } = adapter.versionOf(answer, request.model);
      return { versionKey: versionKey ?? request.model, versionParts };
    },
  };
}
