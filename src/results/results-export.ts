import { stringifyLosslessJson } from '../core/json/lossless-json.ts';
import type { Result } from './result.ts';
import { toResultResponse } from './result-response.ts';

/**
 * The fixed CSV column set (documented in docs/exports.md). Nested JSON (runtime_vars, error) is
 * written as compact JSON text in its cell.
 */
export const CSV_COLUMNS = [
  'id',
  'created_at',
  'template_id',
  'version_id',
  'batch_id',
  'sample_index',
  'provider',
  'model_id',
  'provider_version_key',
  'system_fingerprint',
  'country',
  'brand_name',
  'status',
  'latency_ms',
  'prompt_tokens',
  'completion_tokens',
  'total_tokens',
  'rendered_prompt_sha256',
  'use_grounding',
  'simulated',
  'runtime_vars',
  'content',
  'error',
] as const;

type CsvColumn = (typeof CSV_COLUMNS)[number];

export async function* resultsAsCsv(results: AsyncIterable<Result>): AsyncGenerator<string> {
  yield `${CSV_COLUMNS.join(',')}\r\n`;
  for await (const result of results) {
    const cells = csvCells(result);
    yield `${CSV_COLUMNS.map((column) => escapeCsvCell(cells[column])).join(',')}\r\n`;
  }
}

/** One full result record per line, the same shape as `GET /api/prompt-results/{id}`. */
export async function* resultsAsJsonLines(results: AsyncIterable<Result>): AsyncGenerator<string> {
  for await (const result of results) yield `${stringifyLosslessJson(toResultResponse(result))}\n`;
}

function csvCells(result: Result): Record<CsvColumn, unknown> {
  const usage = (result.usage ?? {}) as Record<string, unknown>;
  return {
    id: result.id,
    created_at: result.createdAt,
    template_id: result.templateId,
    version_id: result.versionId,
    batch_id: result.batchId,
    sample_index: result.sampleIndex,
    provider: result.provider,
    model_id: result.modelId,
    provider_version_key: result.providerVersionKey,
    system_fingerprint: result.systemFingerprint,
    country: result.country,
    brand_name: result.brandName,
    status: result.status,
    latency_ms: result.latencyMs,
    prompt_tokens: usage['prompt_tokens'],
    completion_tokens: usage['completion_tokens'],
    total_tokens: usage['total_tokens'],
    rendered_prompt_sha256: result.renderedPromptSha256,
    use_grounding: result.useGrounding,
    simulated: result.simulated,
    runtime_vars: result.runtimeVars,
    content: result.content,
    error: result.error,
  };
}

/**
 * RFC 4180 quoting. A text cell starting with `=`, `+`, `-`, `@`, tab or CR is prefixed with `'`
 * so spreadsheets do not execute it as a formula (OWASP "CSV injection").
 */
export function escapeCsvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text =
    typeof value === 'string'
      ? value
      : typeof value === 'number' || typeof value === 'boolean'
        ? String(value)
        : JSON.stringify(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
