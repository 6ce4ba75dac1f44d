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
  'country_applied',
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

/** The stored columns a CSV line is made from: the large request and response are not read. */
export const CSV_SOURCE_COLUMNS = [
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
  'country_applied',
  'brand_name',
  'status',
  'latency_ms',
  'usage',
  'rendered_prompt_sha256',
  'use_grounding',
  'simulated',
  'runtime_vars',
  'content',
  'error',
] as const satisfies readonly (keyof PromptResultRow)[];

export type CsvSourceRow = Pick<PromptResultRow, (typeof CSV_SOURCE_COLUMNS)[number]>;

/** One CSV line, in {@link CSV_COLUMNS} order. */
export function csvLine(row: CsvSourceRow): string {
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
    escapeCsvCell(row.country_applied),
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
  if (typeof value === 'string') return quoteCsv(startsLikeFormula(value) ? `'${value}` : value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return quoteCsv(JSON.stringify(value));
}

/** `=`, `+`, `-`, `@`, tab or CR first (a character test: this runs for every cell). */
function startsLikeFormula(text: string): boolean {
  const first = text.charCodeAt(0);
  return (
    first === 61 || first === 43 || first === 45 || first === 64 || first === 9 || first === 13
  );
}

const NEEDS_QUOTES = /[",\r\n]/;

function quoteCsv(text: string): string {
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
