import type { JsonLikeObject } from '../core/json/lossless-json.ts';
import type { RuntimeDeps } from '../core/runtime-deps.ts';
import type { DatabaseExecutor } from '../db/database-executor.ts';
import type { Metrics } from '../metrics/metrics.ts';
import type { ProbeCoalescer } from '../probes/probe-coalescer.ts';
import {
  emptyVersionParts,
  type ModelCallResult,
  type ProviderOrUnknown,
  type ProviderRegistry,
  type VersionParts,
  type VersionProbe,
} from '../providers/provider-contract.ts';
import { ProviderError } from '../providers/provider-error.ts';
import { resolveProvider } from '../providers/resolve-provider.ts';
import { providerFailure } from '../runs/provider-failure.ts';
import { unsupportedProvider } from '../runs/unsupported-provider.ts';
import type { Principal } from '../auth/principal.ts';
import type { Template } from '../templates/template.ts';
import type { TemplatesService } from '../templates/templates.service.ts';
import { mergeVersionParts } from './merge-version-parts.ts';
import { versionFromRow, type Version } from './version.ts';
import {
  countVersionsFor,
  findLatestVersionFor,
  insertVersionOrGetWinner,
  listVersionsOfTemplate,
  markVersionSeen,
} from './versions.repository.ts';

/** The key recorded when nothing revealed one (probes disabled and a response without a key). */
export const UNKNOWN_VERSION_KEY = 'unknown';

export interface VersionsServiceDeps {
  readonly db: DatabaseExecutor;
  readonly runtime: RuntimeDeps;
  readonly metrics: Metrics;
  readonly providers: ProviderRegistry;
  readonly coalescer: ProbeCoalescer;
  /** `PROMPTER_PROBE_DISABLED`: the kill switch; no probe is sent while it is on. */
  readonly probesDisabled: boolean;
  readonly templates: TemplatesService;
}

export interface EnsureVersionOverrides {
  readonly provider?: ProviderOrUnknown | undefined;
  readonly modelId?: string | undefined;
  readonly systemInstructions?: string | null | undefined;
  readonly inferenceParams?: JsonLikeObject | undefined;
}

export interface SeenVersion {
  readonly template: Template;
  readonly provider: string;
  readonly modelId: string;
  readonly versionKey: string;
  readonly parts: VersionParts;
  readonly seenAt: string;
}

/** Versions: which model actually served a template, one row per provider version key. */
export function createVersionsService(deps: VersionsServiceDeps) {
  const { db, runtime, metrics, providers, coalescer, probesDisabled, templates } = deps;

  /** Upserts the version row for a key someone saw; counts drift when the key is new. */
  async function recordSeenVersion(seen: SeenVersion): Promise<Version> {
    const scope = { templateId: seen.template.id, provider: seen.provider, modelId: seen.modelId };
    const { row, created } = await insertVersionOrGetWinner(db, {
      id: runtime.newId(),
      org_id: seen.template.orgId,
      workspace_id: seen.template.workspaceId,
      template_id: seen.template.id,
      provider: seen.provider,
      provider_version_key: seen.versionKey,
      model_id: seen.modelId,
      served_model_id: seen.parts.servedModelId,
      system_fingerprint: seen.parts.systemFingerprint,
      model_version: seen.parts.modelVersion,
      service_tier: seen.parts.serviceTier,
      azure_deployment: seen.parts.azureDeployment,
      azure_api_version: seen.parts.azureApiVersion,
      fingerprint_captured_at: seen.parts.systemFingerprint === null ? null : seen.seenAt,
      first_seen_at: seen.seenAt,
      last_seen_at: seen.seenAt,
    });
    if (created) {
      if ((await countVersionsFor(db, scope)) > 1)
        metrics.versionChanged(seen.provider, seen.modelId, seen.template.orgId);
      return versionFromRow(row);
    }
    await markVersionSeen(db, row.id, seen.seenAt);
    return versionFromRow({
      ...row,
      last_seen_at: seen.seenAt > row.last_seen_at ? seen.seenAt : row.last_seen_at,
    });
  }

  /**
   * The current version key by probe, shared with concurrent and same-hour callers (docs/api-contract.md §5).
   * Null when probes are disabled. Throws ProviderError when the probe fails.
   */
  async function probeVersionKey(
    template: Template,
    provider: ProviderOrUnknown,
    request: {
      modelId: string;
      systemInstructions: string | null;
      inferenceParams: JsonLikeObject;
    },
  ): Promise<VersionProbe | null> {
    if (probesDisabled) return null;
    return coalescer.probe(
      {
        orgId: template.orgId,
        workspaceId: template.workspaceId,
        templateId: template.id,
        provider,
        model: request.modelId,
      },
      () =>
        providers.get(provider).probeVersion({
          model: request.modelId,
          systemInstructions: request.systemInstructions,
          inferenceParams: request.inferenceParams,
        }),
    );
  }

  return {
    recordSeenVersion,
    probeVersionKey,

    /**
     * The key for a run: from its own response; only when that has none, the (coalesced) probe
     * key; and only when neither exists, `unknown` (docs/api-contract.md §4). A failed probe is not the run's
     * failure: the run succeeded, its version is just unknown.
     */
    async versionKeyForCall(
      template: Template,
      provider: ProviderOrUnknown,
      call: Pick<ModelCallResult, 'versionKey' | 'versionParts'>,
    ): Promise<{ key: string; parts: VersionParts }> {
      if (call.versionKey !== null) return { key: call.versionKey, parts: call.versionParts };
      try {
        const probe = await probeVersionKey(template, provider, {
          modelId: template.modelId,
          systemInstructions: template.systemInstructions,
          inferenceParams: template.inferenceParams,
        });
        if (probe !== null) {
          return {
            key: probe.versionKey,
            parts: mergeVersionParts(call.versionParts, probe.versionParts),
          };
        }
      } catch (error) {
        if (!(error instanceof ProviderError)) throw error;
      }
      return { key: UNKNOWN_VERSION_KEY, parts: call.versionParts };
    },

    /**
     * Captures the provider version key for a template and upserts its version row. With probes
     * disabled it answers the latest known version (or `unknown` when there is none).
     */
    async ensureVersion(
      templateId: string,
      caller: Principal,
      overrides: EnsureVersionOverrides,
    ): Promise<{ version: Version; capturedAt: string }> {
      const template = await templates.getActiveTemplate(templateId, caller);
      const provider = resolveProvider(template, overrides.provider);
      const modelId = overrides.modelId ?? template.modelId;
      const started = performance.now();
      try {
        if (!providers.has(provider)) throw unsupportedProvider(provider, modelId);
        const probe = await probeVersionKey(template, provider, {
          modelId,
          systemInstructions:
            overrides.systemInstructions === undefined
              ? template.systemInstructions
              : overrides.systemInstructions,
          inferenceParams: overrides.inferenceParams ?? template.inferenceParams,
        });
        const capturedAt = runtime.now().toISOString();
        if (probe === null) {
          const latest = await findLatestVersionFor(db, {
            templateId: template.id,
            provider,
            modelId,
          });
          if (latest !== undefined) return { version: versionFromRow(latest), capturedAt };
        }
        const version = await recordSeenVersion({
          template,
          provider,
          modelId,
          versionKey: probe?.versionKey ?? UNKNOWN_VERSION_KEY,
          parts: probe?.versionParts ?? emptyVersionParts,
          seenAt: capturedAt,
        });
        return { version, capturedAt };
      } catch (error) {
        if (error instanceof ProviderError) throw providerFailure(error);
        throw error;
      } finally {
        metrics.ensureVersionObserved(provider, (performance.now() - started) / 1000);
      }
    },

    async listVersions(templateId: string, caller: Principal): Promise<Version[]> {
      const template = await templates.getTemplate(templateId, caller);
      return (await listVersionsOfTemplate(db, template.id)).map(versionFromRow);
    },
  };
}

export type VersionsService = ReturnType<typeof createVersionsService>;
