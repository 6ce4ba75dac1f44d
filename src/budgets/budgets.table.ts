import type { Selectable } from 'kysely';

/** `org_budgets`: an org's monthly limits; a NULL limit is no limit. */
export interface OrgBudgetsTable {
  org_id: string;
  monthly_calls: number | null;
  monthly_cost_microusd: number | null;
  updated_by: string;
  updated_at: string;
}

export type OrgBudgetRow = Selectable<OrgBudgetsTable>;
