import type { Static } from 'typebox';
import type { BudgetStatus } from './budget-status.ts';
import type { BudgetSchema } from './budgets.schemas.ts';

export function toBudgetResponse(status: BudgetStatus): Static<typeof BudgetSchema> {
  return {
    org_id: status.orgId,
    month: status.month,
    monthly_calls: status.limits.monthlyCalls,
    monthly_cost_usd: status.limits.monthlyCostUsd,
    spent: { calls: status.spent.calls, cost_usd: status.spent.costUsd },
    reserved: { calls: status.reserved.calls, cost_usd: status.reserved.costUsd },
    left: { calls: status.left.calls, cost_usd: status.left.costUsd },
    updated_at: status.updatedAt,
  };
}
