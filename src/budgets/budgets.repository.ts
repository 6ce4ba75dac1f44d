import type { DatabaseExecutor } from '../db/database-executor.ts';
import type { OrgBudgetRow } from './budgets.table.ts';

export function findBudget(db: DatabaseExecutor, orgId: string): Promise<OrgBudgetRow | undefined> {
  return db.selectFrom('org_budgets').selectAll().where('org_id', '=', orgId).executeTakeFirst();
}

export async function upsertBudget(db: DatabaseExecutor, row: OrgBudgetRow): Promise<void> {
  await db
    .insertInto('org_budgets')
    .values(row)
    .onConflict((conflict) =>
      conflict.column('org_id').doUpdateSet({
        monthly_calls: row.monthly_calls,
        monthly_cost_microusd: row.monthly_cost_microusd,
        updated_by: row.updated_by,
        updated_at: row.updated_at,
      }),
    )
    .execute();
}

/** Provider calls and tokens an org's stored results used since `since`, per model. */
export interface ModelSpend {
  readonly modelId: string;
  readonly calls: number;
  readonly promptTokens: number;
  readonly completionTokens: number;
}

export async function sumResultsSince(
  db: DatabaseExecutor,
  orgId: string,
  since: string,
): Promise<ModelSpend[]> {
  const rows = await db
    .selectFrom('prompt_results')
    .select((eb) => [
      'model_id',
      eb.fn.countAll<number | string>().as('calls'),
      eb.fn.sum<number | string | null>('prompt_tokens').as('prompt_tokens'),
      eb.fn.sum<number | string | null>('completion_tokens').as('completion_tokens'),
    ])
    .where('org_id', '=', orgId)
    .where('created_at', '>=', since)
    .groupBy('model_id')
    .execute();
  return rows.map((row) => ({
    modelId: row.model_id,
    calls: Number(row.calls),
    promptTokens: Number(row.prompt_tokens ?? 0),
    completionTokens: Number(row.completion_tokens ?? 0),
  }));
}
