import { RawJson } from '../core/json/lossless-json.ts';
import type { PromptResultRow } from './results.table.ts';

export type ResultStatus = 'succeeded' | 'failed';

/**
 * How a result's country reached the model: a provider web-search location (`tool_location`,
 * grounding on a provider that supports it), the rendered prompt (`prompt_context`: the template
 * has `{{country}}`), or not at all (`not_applied`), so a per-country number says what it is.
 */
export type CountryApplied = 'tool_location' | 'prompt_context' | 'not_applied';

/** One execution and its audit record: the request as sent, the whole response, the context. */
export interface Result {
  readonly id: string;
  readonly orgId: string;
  readonly workspaceId: string;
  readonly templateId: string;
  readonly versionId: string | null;
  readonly batchId: string | null;
  readonly sampleIndex: number | null;
  /** The batch cell this result settles; null for single runs. */
  readonly cellId: string | null;
  /** How the country reached the model (batch results; null for single runs). */
  readonly countryApplied: CountryApplied | null;
  readonly provider: string;
  readonly modelId: string;
  readonly providerVersionKey: string | null;
  readonly systemFingerprint: string | null;
  readonly country: string | null;
  readonly brandName: string | null;
  readonly runtimeVars: unknown;
  readonly useGrounding: boolean;
  readonly analysisConfig: unknown;
  readonly renderedPromptSha256: string | null;
  /** The request body exactly as sent (number lexemes included), as stored JSON text. */
  readonly request: RawJson;
  /** The whole provider response as stored JSON text. */
  readonly response: RawJson;
  readonly content: string | null;
  readonly usage: unknown;
  readonly latencyMs: number | null;
  readonly status: ResultStatus;
  readonly error: unknown;
  readonly simulated: boolean;
  readonly createdAt: string;
}

export function resultFromRow(row: PromptResultRow): Result {
  return {
    id: row.id,
    orgId: row.org_id,
    workspaceId: row.workspace_id,
    templateId: row.template_id,
    versionId: row.version_id,
    batchId: row.batch_id,
    sampleIndex: row.sample_index === null ? null : Number(row.sample_index),
    cellId: row.cell_id,
    countryApplied: row.country_applied as CountryApplied | null,
    provider: row.provider,
    modelId: row.model_id,
    providerVersionKey: row.provider_version_key,
    systemFingerprint: row.system_fingerprint,
    country: row.country,
    brandName: row.brand_name,
    runtimeVars: JSON.parse(row.runtime_vars),
    useGrounding: Number(row.use_grounding) === 1,
    analysisConfig: parseNullable(row.analysis_config),
    renderedPromptSha256: row.rendered_prompt_sha256,
    request: new RawJson(row.request),
    response: new RawJson(row.response),
    content: row.content,
    usage: parseNullable(row.usage),
    latencyMs: row.latency_ms === null ? null : Number(row.latency_ms),
    status: row.status as ResultStatus,
    error: parseNullable(row.error),
    simulated: Number(row.simulated) === 1,
    createdAt: row.created_at,
  };
}

function parseNullable(text: string | null): unknown {
  return text === null ? null : JSON.parse(text);
}
