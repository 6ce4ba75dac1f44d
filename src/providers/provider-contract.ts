import type { JsonLikeObject } from '../core/json/lossless-json.ts';

/**
 * The one interface every model provider implements: "call the model" and "probe the version".
 * Adapters live in one folder each (`openai/`, `azure-openai/`, `google/`, `anthropic/`, `fake/`)
 * with the same file set; nothing outside `providers/` knows an SDK.
 */
export type ProviderName = 'openai' | 'google' | 'anthropic' | 'azure-openai';

/** Providers Prompter can be asked for; `unknown` is what inference gives for a foreign model id. */
export type ProviderOrUnknown = ProviderName | 'unknown';

export interface ModelCallRequest {
  readonly model: string;
  readonly systemInstructions: string | null;
  /** The rendered user prompt, sent verbatim. */
  readonly prompt: string;
  /**
   * The template's inference params (temperature, max_tokens, top_p, seed, stop, …). Numbers read
   * from a template are `JsonNumber`s: adapters send their lexemes as written (see
   * `with-number-lexemes.ts`), so `12345678901234567890` and `1.0` reach the provider unchanged.
   */
  readonly inferenceParams: JsonLikeObject;
  readonly useGrounding: boolean;
  /**
   * The template's `tools_spec`, in OpenAI's Chat Completions shape
   * (`{type: "function", function: {name, description, parameters}}`) or the provider's own;
   * each adapter converts what it can. Empty: no tools are sent.
   */
  readonly toolsSpec: readonly JsonLikeObject[];
  /**
   * The template's `response_format`, in OpenAI's shape (`{type: "json_object"}`,
   * `{type: "json_schema", json_schema: {name, schema}}`). Null: none is sent. Anthropic has no
   * equivalent and ignores it.
   */
  readonly responseFormat: JsonLikeObject | null;
  /** Aborts the call; adapters also enforce their own configured timeout. */
  readonly signal?: AbortSignal;
}

/**
 * What identifies the model that answered. Stored as columns because providers deprecate parts
 * (OpenAI marks `system_fingerprint` deprecated).
 */
export interface VersionParts {
  readonly servedModelId: string | null;
  readonly systemFingerprint: string | null;
  readonly modelVersion: string | null;
  readonly serviceTier: string | null;
  readonly azureDeployment: string | null;
  readonly azureApiVersion: string | null;
}

export interface TokenUsage {
  readonly promptTokens: number | null;
  readonly completionTokens: number | null;
  readonly totalTokens: number | null;
}

export interface ModelCallResult {
  readonly content: string;
  /**
   * The version key this response carries (docs/api-contract.md §4): OpenAI `system_fingerprint` else the
   * served model id; Gemini `modelVersion`; Anthropic the served model id; Azure OpenAI
   * `system_fingerprint` else the served model id. Null when the response has none.
   */
  readonly versionKey: string | null;
  readonly versionParts: VersionParts;
  readonly usage: TokenUsage | null;
  /**
   * The request body exactly as sent (model, params, messages) — never keys or auth headers. Its
   * numbers may be `JsonNumber`s: store it with `stringifyLosslessJson`.
   */
  readonly requestSent: Readonly<Record<string, unknown>>;
  /** The whole response body as received (the fake's is `{content, response_metadata, usage}`). */
  readonly response: unknown;
  /** True for the fake providers. */
  readonly simulated: boolean;
}

export interface VersionProbeRequest {
  readonly model: string;
  readonly systemInstructions: string | null;
  readonly inferenceParams: JsonLikeObject;
  readonly signal?: AbortSignal;
}

export interface VersionProbe {
  readonly versionKey: string;
  readonly versionParts: VersionParts;
}

export interface ModelProvider {
  readonly name: ProviderOrUnknown;
  /** One generation. Throws ProviderError on any failure (HTTP, timeout, malformed body, config). */
  call(request: ModelCallRequest): Promise<ModelCallResult>;
  /** The cheapest call that reveals the current version key. Throws ProviderError. */
  probeVersion(request: VersionProbeRequest): Promise<VersionProbe>;
}

/** Looks up the adapter for a provider name (fake or live, per PROMPTER_PROVIDER_MODE). */
export interface ProviderRegistry {
  /** True when every provider is a fake (PROMPTER_PROVIDER_MODE=fake): results are simulated. */
  readonly simulated: boolean;
  /** Whether this mode can serve the provider (the fakes serve `unknown`; live adapters do not). */
  has(provider: ProviderOrUnknown): boolean;
  get(provider: ProviderOrUnknown): ModelProvider;
}

/** How messages name each provider. */
export const providerLabels: Readonly<Record<ProviderOrUnknown, string>> = {
  openai: 'OpenAI',
  'azure-openai': 'Azure OpenAI',
  google: 'Gemini',
  anthropic: 'Anthropic',
  unknown: 'The unknown provider',
};

export const emptyVersionParts: VersionParts = {
  servedModelId: null,
  systemFingerprint: null,
  modelVersion: null,
  serviceTier: null,
  azureDeployment: null,
  azureApiVersion: null,
};
