import type { PromptVersionRow } from './versions.table.ts';

/** One identity of the model that served a template: a provider version key and its parts. */
export interface Version {
  readonly id: string;
  readonly orgId: string;
  readonly workspaceId: string;
  readonly templateId: string;
  readonly provider: string;
  readonly providerVersionKey: string;
  readonly modelId: string;
  readonly servedModelId: string | null;
  readonly systemFingerprint: string | null;
  readonly modelVersion: string | null;
  readonly serviceTier: string | null;
  readonly azureDeployment: string | null;
  readonly azureApiVersion: string | null;
  readonly firstSeenAt: string;
  readonly lastSeenAt: string;
}

export function versionFromRow(row: PromptVersionRow): Version {
  return {
    id: row.id,
    orgId: row.org_id,
    workspaceId: row.workspace_id,
    templateId: row.template_id,
    provider: row.provider,
    providerVersionKey: row.provider_version_key,
    modelId: row.model_id,
    servedModelId: row.served_model_id,
    systemFingerprint: row.system_fingerprint,
    modelVersion: row.model_version,
    serviceTier: row.service_tier,
    azureDeployment: row.azure_deployment,
    azureApiVersion: row.azure_api_version,
    firstSeenAt: row.first_seen_at,
    lastSeenAt: row.last_seen_at,
  };
}
