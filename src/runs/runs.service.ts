import { createHash } from 'node:crypto';
import type { Principal } from '../auth/principal.ts';
import type { RuntimeDeps } from '../core/runtime-deps.ts';
import type { DatabaseExecutor } from '../db/database-executor.ts';
import type { Metrics } from '../metrics/metrics.ts';
import type { ModelCallResult, ProviderRegistry } from '../providers/provider-contract.ts';
import { ProviderError } from '../providers/provider-error.ts';
import { resultFromRow, type Result } from '../results/result.ts';
import { findResultById, insertResult } from '../results/results.repository.ts';
import type { PromptResultsTable } from '../results/results.table.ts';
import type { TemplatesService } from '../templates/templates.service.ts';
import type { Version } from '../versions/version.ts';
import {
  providerFailure,
  resolveProvider,
  unsupportedProvider,
  type VersionsService,
} from '../versions/versions.service.ts';
import { callModel } from './call-model.ts';
import { renderPrompt, type RuntimeValue } from './render-prompt.ts';

export interface RunRequest {
  readonly templateId: string;
  /** Who asks: another org's template is a 404. */
  readonly caller: Principal;
  /** Sent verbatim when given (the seed's behaviour); otherwise the server renders the template. */
  readonly renderedPrompt: string | null;
  readonly runtimeVars: Readonly<Record<string, RuntimeValue>>;
  readonly brandName: string | null;
  readonly country: string | null;
  readonly analysisScope: string;
  readonly useGrounding: boolean;
  readonly batchId?: string | null;
  readonly sampleIndex?: number | null;
}

export interface RunOutcome {
  readonly result: Result;
  readonly version: Version;
}

export interface RunsServiceDeps {
  readonly db: DatabaseExecutor;
  readonly runtime: RuntimeDeps;
  readonly metrics: Metrics;
  readonly providers: ProviderRegistry;
  readonly templates: TemplatesService;
  readonly versions: VersionsService;
  /** `PROMPTER_PROVIDER_TIMEOUT_MS`: a call still running then fails as a retryable timeout. */
  readonly callTimeoutMs: number;
}

/** Runs: one provider call per run, its version resolved, its audit record stored (docs/api-contract.md §3–§4). */
export function createRunsService(deps: RunsServiceDeps) {
  const { db, runtime, metrics, providers, templates, versions } = deps;

  async function storeResult(row: PromptResultsTable): Promise<Result> {
    await insertResult(db, row);
    const stored = await findResultById(db, row.id);
    if (stored === undefined) throw new Error(`result ${row.id} vanished after insert`);
    return resultFromRow(stored);
  }

  return {
    /** Throws a 502 PROVIDER_ERROR (naming the stored failed result) when the provider fails. */
    async runTemplate(request: RunRequest): Promise<RunOutcome> {
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
      const base = {
        org_id: template.orgId,
        workspace_id: template.workspaceId,
        template_id: template.id,
        batch_id: request.batchId ?? null,
        sample_index: request.sampleIndex ?? null,
        provider,
        model_id: template.modelId,
        country: request.country,
        brand_name: request.brandName,
        runtime_vars: JSON.stringify(request.runtimeVars),
        use_grounding: request.useGrounding ? 1 : 0,
        analysis_config: JSON.stringify({
          analysis_scope: request.analysisScope,
          use_grounding: request.useGrounding,
          prompt_source: request.renderedPrompt === null ? 'server_rendered' : 'client_rendered',
          template_config_hash: template.configHash,
        }),
        rendered_prompt_sha256: createHash('sha256').update(prompt, 'utf8').digest('hex'),
      };

      const started = performance.now();
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
        const latencyMs = Math.round(performance.now() - started);
        metrics.providerCallObserved({
          provider,
          model: template.modelId,
          outcome: error.kind,
          seconds: latencyMs / 1000,
          promptTokens: null,
          completionTokens: null,
        });
        const failed = await storeResult({
          ...base,
          id: runtime.newId(),
          version_id: null,
          provider_version_key: null,
          system_fingerprint: null,
          // The body the adapter built, when it got that far; else what Prompter asked for.
          request: JSON.stringify(
            error.requestSent ?? {
              model: template.modelId,
              system_instructions: template.systemInstructions,
              prompt,
              inference_params: template.inferenceParams,
              use_grounding: request.useGrounding,
            },
          ),
          response: JSON.stringify(error.body ?? null),
          content: null,
          usage: null,
          latency_ms: latencyMs,
          status: 'failed',
          error: JSON.stringify(error.toJSON()),
          simulated: providers.simulated ? 1 : 0,
          created_at: runtime.now().toISOString(),
        });
        metrics.resultStored({
          provider,
          model: template.modelId,
          status: 'failed',
          openaiFingerprintPresent: null,
        });
        throw providerFailure(error, { result_id: failed.id });
      }
      const latencyMs = Math.round(performance.now() - started);
      metrics.providerCallObserved({
        provider,
        model: template.modelId,
        outcome: 'ok',
        seconds: latencyMs / 1000,
        promptTokens: call.usage?.promptTokens ?? null,
        completionTokens: call.usage?.completionTokens ?? null,
      });

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
      const result = await storeResult({
        ...base,
        id: runtime.newId(),
        version_id: version.id,
        provider_version_key: version.providerVersionKey,
        system_fingerprint: call.versionParts.systemFingerprint,
        request: JSON.stringify(call.requestSent),
        response: JSON.stringify(call.response ?? null),
        content: call.content,
        usage:
          call.usage === null
            ? null
            : JSON.stringify({
                prompt_tokens: call.usage.promptTokens,
                completion_tokens: call.usage.completionTokens,
                total_tokens: call.usage.totalTokens,
              }),
        latency_ms: latencyMs,
        status: 'succeeded',
        error: null,
        simulated: call.simulated ? 1 : 0,
        created_at: createdAt,
      });
      metrics.resultStored({
        provider,
        model: template.modelId,
        status: 'succeeded',
        openaiFingerprintPresent:
          provider === 'openai' ? call.versionParts.systemFingerprint !== null : null,
      });
      return { result, version };
    },
  };
}

export type RunsService = ReturnType<typeof createRunsService>;
