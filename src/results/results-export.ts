import type { PromptResultRow } from './results.table.ts';

export type ExportFormat = 'csv' | 'jsonl';

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

/** What an export starts with: the CSV header line; nothing for JSON Lines. */
export function exportPreamble(format: ExportFormat): string {
  return format === 'csv' ? `${CSV_COLUMNS.join(',')}\r\n` : '';
}

/**
 * One stored result as one line of the export. The JSON columns are stored as compact JSON and
 * are written as stored, never parsed and serialised again: that is most of an export's cost,
 * and it keeps every number lexeme exactly as recorded.
 */
export function exportLine(format: ExportFormat, row: PromptResultRow): string {
  return format === 'csv' ? csvLine(row) : jsonLine(row);
}

/** The same record as `GET /api/prompt-results/{id}`, field for field, in the same order. */
function jsonLine(row: PromptResultRow): string {
  return (
    `{"id":${JSON.stringify(row.id)}` +
    `,"template_id":${JSON.stringify(row.template_id)}` +
    `,"version_id":${jsonText(row.version_id)}` +
    `,"batch_id":${jsonText(row.batch_id)}` +
    `,"sample_index":${jsonInteger(row.sample_index)}` +
    `,"org_id":${JSON.stringify(row.org_id)}` +
    `,"workspace_id":${JSON.stringify(row.workspace_id)}` +
    `,"provider":${JSON.stringify(row.provider)}` +
    `,"model_id":${JSON.stringify(row.model_id)}` +
    `,"provider_version_key":${jsonText(row.provider_version_key)}` +
    `,"system_fingerprint":${jsonText(row.system_fingerprint)}` +
    `,"country":${jsonText(row.country)}` +
    `,"brand_name":${jsonText(row.brand_name)}` +
    `,"runtime_vars":${row.runtime_vars}` +
    `,"use_grounding":${Number(row.use_grounding) === 1}` +
    `,"analysis_config":${row.analysis_config ?? 'null'}` +
    `,"rendered_prompt_sha256":${jsonText(row.rendered_prompt_sha256)}` +
    `,"request":${row.request}` +
    `,"response":${row.response}` +
    `,"content":${jsonText(row.content)}` +
    `,"usage":${row.usage ?? 'null'}` +
    `,"latency_ms":${jsonInteger(row.latency_ms)}` +
    `,"status":${JSON.stringify(row.status)}` +
    `,"error":${row.error ?? 'null'}` +
    `,"simulated":${Number(row.simulated) === 1}` +
    `,"created_at":${JSON.stringify(row.created_at)}}\n`
  );
}

function csvLine(row: PromptResultRow): string {
  const usage = usageOf(row.usage);
  const cells = [
    escapeCsvCell(row.id),
    escapeCsvCell(row.created_at),
    escapeCsvCell(row.template_id),
    escapeCsvCell(row.version_id),
    escapeCsvCell(row.batch_id),
    row.sample_index === null ? '' : String(Number(row.sample_index)),
    escapeCsvCell(row.provider),
    escapeCsvCell(row.model_id),
    escapeCsvCell(row.provider_version_key),
    escapeCsvCell(row.system_fingerprint),
    escapeCsvCell(row.country),
    escapeCsvCell(row.brand_name),
    escapeCsvCell(row.status),
    row.latency_ms === null ? '' : String(Number(row.latency_ms)),
    escapeCsvCell(usage['prompt_tokens']),
    escapeCsvCell(usage['completion_tokens']),
    escapeCsvCell(usage['total_tokens']),
    escapeCsvCell(row.rendered_prompt_sha256),
    String(Number(row.use_grounding) === 1),
    String(Number(row.simulated) === 1),
    jsonCell(row.runtime_vars),
    escapeCsvCell(row.content),
    jsonCell(row.error),
  ];
  return `${cells.join(',')}\r\n`;
}

function jsonText(value: string | null): string {
  return value === null ? 'null' : JSON.stringify(value);
}

function jsonInteger(value: number | string | null): string {
  return value === null ? 'null' : String(Number(value));
}

/** The token counts of a stored usage object; anything else has none. */
function usageOf(text: string | null): Record<string, unknown> {
  if (text === null) return {};
  const usage: unknown = JSON.parse(text);
  return typeof usage === 'object' && usage !== null ? (usage as Record<string, unknown>) : {};
}

/** Stored JSON text as a cell: empty for null, quoted like any cell, never formula-prefixed. */
function jsonCell(text: string | null): string {
  if (text === null || text === 'null') return '';
  return quoteCsv(text);
}

/**
 * RFC 4180 quoting. A text cell starting with `=`, `+`, `-`, `@`, tab or CR is prefixed with `'`
 * so spreadsheets do not execute it as a formula (OWASP "CSV injection").
 */
export function escapeCsvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return quoteCsv(/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return quoteCsv(JSON.stringify(value));
}

function quoteCsv(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
