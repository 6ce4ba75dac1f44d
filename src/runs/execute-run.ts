import { createHash } from 'node:crypto';
import { RawJson, stringifyLosslessJson } from '../core/json/lossless-json.ts';
import type { RuntimeDeps } from '../core/runtime-deps.ts';
import type { DatabaseExecutor } from '../db/database-executor.ts';
import type { Metrics } from '../metrics/metrics.ts';
import type {
  ModelCallResult,
  ProviderRegistry,
  TokenUsage,
} from '../providers/provider-contract.ts';
import { ProviderError } from '../providers/provider-error.ts';
import { resolveProvider } from '../providers/resolve-provider.ts';
import { recordResult } from '../results/record-result.ts';
import type { TemplatesService } from '../templates/templates.service.ts';
import type { VersionsService } from '../versions/versions.service.ts';
import { callModel } from './call-model.ts';
import { renderPrompt } from './render-prompt.ts';
import type { RunOutcome } from './run-outcome.ts';
import type { RunRequest } from './run-request.ts';
import { unsupportedProvider } from './unsupported-provider.ts';

export interface ExecuteRunDeps {
  readonly db: DatabaseExecutor;
  readonly runtime: RuntimeDeps;
  readonly metrics: Metrics;
  readonly providers: ProviderRegistry;
  readonly templates: TemplatesService;
  readonly versions: VersionsService;
  /** `PROMPTER_PROVIDER_TIMEOUT_MS`: a call still running then fails as a retryable timeout. */
  readonly callTimeoutMs: number;
}

/**
 * Executes one run (docs/api-contract.md §3–§4): one provider call, its version resolved, its audit record
 * stored. A provider failure is a value: the failed result is stored and returned with the typed
 * ProviderError. Throws typed AppErrors only before any call (template not found, a missing
 * variable, a prompt past the cap, no adapter); anything else it throws is a fault of Prompter's
 * (the database, a bug).
 */
export async function executeRun(deps: ExecuteRunDeps, request: RunRequest): Promise<RunOutcome> {
  const { runtime, metrics, providers, templates, versions } = deps;
  const template = await templates.getActiveTemplate(request.templateId, request.caller);
  const provider = resolveProvider(template);
  if (!providers.has(provider)) throw unsupportedProvider(provider, template.modelId);
  const prompt =
    request.renderedPrompt ??
    renderPrompt(template.userPromptTemplate, {
      runtimeVars: request.runtimeVars,
      brandName: request.brandName,
      country: request.country,
    });
  const context = {
    orgId: template.orgId,
    workspaceId: template.workspaceId,
    templateId: template.id,
    batchId: request.batchId ?? null,
    sampleIndex: request.sampleIndex ?? null,
    cellId: null,
    countryApplied: null,
    provider,
    modelId: template.modelId,
    country: request.country,
    brandName: request.brandName,
    runtimeVars: request.runtimeVars,
    useGrounding: request.useGrounding,
    analysisConfig: {
      analysis_scope: request.analysisScope,
      use_grounding: request.useGrounding,
      prompt_source: request.renderedPrompt === null ? 'server_rendered' : 'client_rendered',
      template_config_hash: template.configHash,
    },
    renderedPromptSha256: createHash('sha256').update(prompt, 'utf8').digest('hex'),
  };

  const started = performance.now();
  const observeCall = (outcome: string, usage: TokenUsage | null): number => {
    const latencyMs = Math.round(performance.now() - started);
    metrics.providerCallObserved({
      provider,
      model: template.modelId,
      orgId: template.orgId,
      outcome,
      seconds: latencyMs / 1000,
      promptTokens: usage?.promptTokens ?? null,
      completionTokens: usage?.completionTokens ?? null,
    });
    return latencyMs;
  };

  let call: ModelCallResult;
  try {
    call = await callModel(providers, provider, {
      template,
      prompt,
      useGrounding: request.useGrounding,
      timeoutMs: deps.callTimeoutMs,
    });
  } catch (error) {
    if (!(error instanceof ProviderError)) throw error;
    const latencyMs = observeCall(error.kind, null);
    const result = await recordResult(deps, {
      ...context,
      id: runtime.newId(),
      versionId: null,
      providerVersionKey: null,
      systemFingerprint: null,
      // The body the adapter built, when it got that far; else what Prompter asked for.
      request: new RawJson(
        stringifyLosslessJson(
          error.requestSent ?? {
            model: template.modelId,
            system_instructions: template.systemInstructions,
            prompt,
            inference_params: template.inferenceParams,
            use_grounding: request.useGrounding,
          },
        ),
      ),
      response: new RawJson(JSON.stringify(error.body ?? null)),
      content: null,
      usage: null,
      latencyMs,
      status: 'failed',
      error: error.toJSON(),
      simulated: providers.simulated,
      createdAt: runtime.now().toISOString(),
    });
    return { status: 'failed', result, error };
  }
  const latencyMs = observeCall('ok', call.usage);

  const { key, parts } = await versions.versionKeyForCall(template, provider, call);
  const createdAt = runtime.now().toISOString();
  const version = await versions.recordSeenVersion({
    template,
    provider,
    modelId: template.modelId,
    versionKey: key,
    parts,
    seenAt: createdAt,
  });
  const result = await recordResult(deps, {
    ...context,
    id: runtime.newId(),
    versionId: version.id,
    providerVersionKey: version.providerVersionKey,
    systemFingerprint: call.versionParts.systemFingerprint,
    request: new RawJson(stringifyLosslessJson(call.requestSent)),
    response: new RawJson(JSON.stringify(call.response ?? null)),
    content: call.content,
    usage:
      call.usage === null
        ? null
        : {
            prompt_tokens: call.usage.promptTokens,
            completion_tokens: call.usage.completionTokens,
            total_tokens: call.usage.totalTokens,
          },
    latencyMs,
    status: 'succeeded',
    error: null,
    simulated: call.simulated,
    createdAt,
  });
  return { status: 'succeeded', result, version };
}
