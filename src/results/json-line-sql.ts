import { PostgresAdapter, sql, type RawBuilder } from 'kysely';
import type { DatabaseExecutor } from '../db/database-executor.ts';

/**
 * The JSON Lines line of a stored result, built by the database: the same record as
 * `GET /api/prompt-results/{id}`, fields in the same order, its JSON columns (request, response,
 * runtime_vars, usage, error, analysis_config) copied as stored — they are compact JSON already,
 * so nothing is parsed and every number lexeme stays as recorded. Building the line in SQL is
 * what lets an export keep pace with the databases' own command-line clients: the application
 * receives one value per row instead of 26, and on SQLite as bytes it writes unchanged (a BLOB),
 * with no decoding to JavaScript strings and back.
 */
export function jsonLineSql(db: DatabaseExecutor): RawBuilder<string | Buffer> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  const text = (column: string) =>
    postgres ? sql`to_json(${sql.ref(column)})::text` : sql`json_quote(${sql.ref(column)})`;
  const nullableText = (column: string) => sql`coalesce(${text(column)}, 'null')`;
  const integer = (column: string) =>
    postgres
      ? sql`coalesce(${sql.ref(column)}::text, 'null')`
      : sql`coalesce(${sql.ref(column)}, 'null')`;
  const json = (column: string) => sql`coalesce(${sql.ref(column)}, 'null')`;
  const flag = (column: string) =>
    sql`case when ${sql.ref(column)} = 1 then 'true' else 'false' end`;
  const fields: [string, RawBuilder<unknown>][] = [
    ['id', text('id')],
    ['template_id', text('template_id')],
    ['version_id', nullableText('version_id')],
    ['batch_id', nullableText('batch_id')],
    ['sample_index', integer('sample_index')],
    ['country_applied', nullableText('country_applied')],
    ['org_id', text('org_id')],
    ['workspace_id', text('workspace_id')],
    ['provider', text('provider')],
    ['model_id', text('model_id')],
    ['provider_version_key', nullableText('provider_version_key')],
    ['system_fingerprint', nullableText('system_fingerprint')],
    ['country', nullableText('country')],
    ['brand_name', nullableText('brand_name')],
    ['runtime_vars', sql.ref('runtime_vars')],
    ['use_grounding', flag('use_grounding')],
    ['analysis_config', json('analysis_config')],
    ['rendered_prompt_sha256', nullableText('rendered_prompt_sha256')],
    ['request', sql.ref('request')],
    ['response', sql.ref('response')],
    ['content', nullableText('content')],
    ['usage', json('usage')],
    ['latency_ms', integer('latency_ms')],
    ['status', text('status')],
    ['error', json('error')],
    ['simulated', flag('simulated')],
    ['created_at', text('created_at')],
  ];
  const parts = fields.flatMap(([name, value], index) => [
    sql.lit(`${index === 0 ? '{' : ','}"${name}":`),
    value,
  ]);
  // One concat() call allocates the line once; a chain of `||` copies it at every step.
  const line = sql`concat(${sql.join([...parts, sql.lit('}\n')])})`;
  return postgres ? sql<string>`${line}` : sql<Buffer>`cast(${line} as blob)`;
}
