import { auditActor } from '../audit/audit-actor.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { Principal } from '../auth/principal.ts';
import { roundUsd } from '../batches/estimate-batch-cost.ts';
import { findModelPrice, type PriceTable } from '../batches/price-table.ts';
import { AppError } from '../core/app-error.ts';
import type { RuntimeDeps } from '../core/runtime-deps.ts';
import type { DatabaseExecutor } from '../db/database-executor.ts';
import { monthStart, type BudgetLimits, type BudgetStatus, type Spend } from './budget-status.ts';
import { findBudget, sumResultsSince, upsertBudget } from './budgets.repository.ts';

export interface BudgetsServiceDeps {
  readonly db: DatabaseExecutor;
  readonly runtime: RuntimeDeps;
  readonly prices: PriceTable;
  readonly audit: AuditService;
}

/** What open batches still expect to spend; the batches feature answers it. */
export type ReservedSpend = (orgId: string) => Promise<Spend>;

/**
 * Per-org monthly budgets of calls and dollars. What is left is the limit minus what results
 * stored this month cost minus what unfinished batches are still expected to cost, so two batches
 * submitted back to back cannot both spend the same remainder.
 */
export function createBudgetsService(deps: BudgetsServiceDeps) {
  const { db, runtime, prices, audit } = deps;

  async function spentThisMonth(orgId: string, now: Date): Promise<Spend> {
    const rows = await sumResultsSince(db, orgId, monthStart(now));
    let calls = 0;
    let cost = 0;
    let priced = false;
    for (const row of rows) {
      calls += row.calls;
      const price = findModelPrice(prices, row.modelId);
      if (price === null) continue;
      priced = true;
      cost +=
        (row.promptTokens * price.inputPerMillion + row.completionTokens * price.outputPerMillion) /
        1_000_000;
    }
    return { calls, costUsd: priced ? roundUsd(cost) : null };
  }

  async function status(orgId: string, reservedSpend: ReservedSpend): Promise<BudgetStatus> {
    const now = runtime.now();
    const [row, spent, reserved] = await Promise.all([
      findBudget(db, orgId),
      spentThisMonth(orgId, now),
      reservedSpend(orgId),
    ]);
    const limits: BudgetLimits = {
      monthlyCalls: row?.monthly_calls ?? null,
      monthlyCostUsd:
        row?.monthly_cost_microusd === null || row?.monthly_cost_microusd === undefined
          ? null
          : Number(row.monthly_cost_microusd) / 1_000_000,
    };
    return {
      orgId,
      month: monthStart(now).slice(0, 7),
      limits,
      spent,
      reserved,
      left: {
        calls:
          limits.monthlyCalls === null ? null : limits.monthlyCalls - spent.calls - reserved.calls,
        costUsd:
          limits.monthlyCostUsd === null
            ? null
            : roundUsd(limits.monthlyCostUsd - (spent.costUsd ?? 0) - (reserved.costUsd ?? 0)),
      },
      updatedAt: row?.updated_at ?? null,
    };
  }

  return {
    status,

    async setLimits(orgId: string, limits: BudgetLimits, caller: Principal): Promise<void> {
      const updatedAt = runtime.now().toISOString();
      await db.transaction().execute(async (transaction) => {
        await upsertBudget(transaction, {
          org_id: orgId,
          monthly_calls: limits.monthlyCalls,
          monthly_cost_microusd:
            limits.monthlyCostUsd === null ? null : Math.round(limits.monthlyCostUsd * 1_000_000),
          updated_by: auditActor(caller),
          updated_at: updatedAt,
        });
        await audit.record(
          {
            orgId,
            actor: auditActor(caller),
            action: 'budget.updated',
            targetType: 'budget',
            targetId: orgId,
            details: {
              monthly_calls: limits.monthlyCalls,
              monthly_cost_usd: limits.monthlyCostUsd,
            },
          },
          transaction,
        );
      });
    },

    /** Throws BUDGET_EXCEEDED (422) naming the numbers when `estimate` does not fit what is left. */
    async assertFits(orgId: string, estimate: Spend, reservedSpend: ReservedSpend): Promise<void> {
      const current = await status(orgId, reservedSpend);
      const callsLeft = current.left.calls;
      const costLeft = current.left.costUsd;
      const callsOver = callsLeft !== null && estimate.calls > callsLeft;
      const costOver = costLeft !== null && (estimate.costUsd ?? 0) > costLeft;
      if (!callsOver && !costOver) return;
      const reasons: string[] = [];
      if (callsOver) {
        reasons.push(
          `${estimate.calls} calls estimated, ${Math.max(callsLeft, 0)} of ${current.limits.monthlyCalls} left`,
        );
      }
      if (costOver) {
        reasons.push(
          `$${estimate.costUsd} estimated, $${Math.max(costLeft, 0)} of $${current.limits.monthlyCostUsd} left`,
        );
      }
      throw new AppError(
        'BUDGET_EXCEEDED',
        `This batch would exceed the org's monthly budget for ${current.month}: ${reasons.join('; ')}.`,
        {
          month: current.month,
          estimate: { calls: estimate.calls, cost_usd: estimate.costUsd },
          left: { calls: callsLeft, cost_usd: costLeft },
          limits: {
            monthly_calls: current.limits.monthlyCalls,
            monthly_cost_usd: current.limits.monthlyCostUsd,
          },
        },
      );
    },
  };
}

export type BudgetsService = ReturnType<typeof createBudgetsService>;
