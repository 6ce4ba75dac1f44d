import { sql } from 'kysely';
import type { OpenDatabase } from '../src/db/open-database.ts';

/** What each seeded result carries. */
export interface ResultShape {
  /** The stored request JSON. */
  readonly request: string;
  /** Filler inside the stored response JSON (characters), around the answer text. */
  readonly responsePadding: number;
  /** The answer text (also inside the response), or null. */
  readonly content: string | null;
}

const ANSWER =
  '1. Thorne — third-party tested, wide range. 2. Life Extension — long track record. ' +
  '3. NOW Foods — broad catalogue, good value. 4. Pure Encapsulations — hypoallergenic. ' +
  '5. Nordic Naturals — omega-3 specialist. 6. Garden of Life — whole-food based. ' +
  "7. Jarrow Formulas — probiotics. 8. Doctor's Best — science-based. 9. Solgar — since 1947. " +
  '10. Nature Made — USP verified.';

/** About what a fake-provider run stores: a chat request, a 1.5 KB response, a 400-character answer. */
export const REALISTIC_RESULT: ResultShape = {
  request: JSON.stringify({
    model: 'gpt-4o',
    messages: [
      { role: 'system', content: 'Be concise.' },
      { role: 'user', content: 'List top 10 longevity supplement brands in US.' },
    ],
    temperature: 0.7,
    max_tokens: 512,
  }),
  responsePadding: 600,
  content: ANSWER,
};

/** The smallest valid result: for the million-row deep-page table. */
export const SMALL_RESULT: ResultShape = { request: '{}', responsePadding: 0, content: null };

/** One template row to hang results on (org "default", so the open API can read it). */
export async function insertBenchTemplate(database: OpenDatabase, id: string): Promise<void> {
  await database.db
    .insertInto('prompt_templates')
    .values({
      id,
      org_id: 'default',
      workspace_id: 'bench',
      name: `bench ${id}`,
      provider: 'openai',
      system_instructions: 'Be concise.',
      user_prompt_template: 'List top 10 longevity supplement brands in {{country}}.',
      country_set: '["US"]',
      model_id: 'gpt-4o',
      inference_params: '{"temperature":0.7}',
      tools_spec: '[]',
      response_format: null,
      grounding_profile_id: null,
      grounding_snapshot_id: null,
      retrieval_params: null,
      preprocess_pipeline_id: null,
      postprocess_pipeline_id: null,
      config_hash: id,
      config_canonical_json: '{}',
      created_by: null,
      created_at: '2026-01-01T00:00:00.000Z',
      deleted_at: null,
    })
    .execute();
}

/**
 * Inserts `count` results of one template with a single INSERT … SELECT over a row generator
 * (a recursive CTE on SQLite, generate_series on PostgreSQL): a million rows in seconds, not the
 * minutes one INSERT per row would take. Row n gets the id `<idPrefix>-<n as 12 hex digits>` and
 * created_at 2026-01-01 plus n ms (truncated on SQLite, so some rows share a timestamp).
 */
export async function seedResults(
  database: OpenDatabase,
  template: { id: string; idPrefix: string },
  count: number,
  shape: ResultShape,
): Promise<void> {
  const response = (n: ReturnType<typeof sql>) =>
    sql`'{"id":"chatcmpl-' || ${n} || '","object":"chat.completion","model":"gpt-4o-2024-08-06","system_fingerprint":"fp_bench","choices":[{"index":0,"message":{"role":"assistant","content":' || ${JSON.stringify(shape.content ?? '')} || '},"finish_reason":"stop"}],"usage":{"prompt_tokens":40,"completion_tokens":200,"total_tokens":240},"padding":"' || ${'p'.repeat(shape.responsePadding)} || '"}'`;
  const columns = sql`(id, org_id, workspace_id, template_id, version_id, batch_id, sample_index,
    provider, model_id, provider_version_key, system_fingerprint, country, brand_name, runtime_vars,
    use_grounding, analysis_config, rendered_prompt_sha256, request, response, content, usage,
    latency_ms, status, error, simulated, created_at)`;
  const common = sql`'default', 'bench', ${template.id}, null, null, null, 'openai', 'gpt-4o',
    'fp_bench', 'fp_bench', 'US', null, '{"country":"US"}', 0, null,
    '9f2c4e0b8d1a7f3e6c5b4a3928171605f4e3d2c1b0a99887766554433221100f', ${shape.request}`;
  const tail = sql`${shape.content}, '{"prompt_tokens":40,"completion_tokens":200,"total_tokens":240}',
    850, 'succeeded', null, 1`;
  if (database.dialect === 'sqlite') {
    const n = sql`n`;
    await sql`with recursive seq(n) as (select 0 union all select n + 1 from seq where n + 1 < ${count})
      insert into prompt_results ${columns}
      select ${template.idPrefix} || '-' || printf('%012x', n), ${common}, ${response(n)}, ${tail},
        strftime('%Y-%m-%dT%H:%M:%fZ', 1767225600 + n / 1000.0, 'unixepoch')
      from seq`.execute(database.db);
    return;
  }
  const n = sql`n::text`;
  await sql`insert into prompt_results ${columns}
    select ${template.idPrefix} || '-' || lpad(to_hex(n), 12, '0'), ${common}, ${response(n)}, ${tail},
      to_char(timestamp '2026-01-01' + n * interval '1 millisecond', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
    from generate_series(0, ${count - 1}::int) as n`.execute(database.db);
  await sql`analyze prompt_results`.execute(database.db);
}
