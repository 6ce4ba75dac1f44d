import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { orgFilterFor } from '../auth/org-filter-for.ts';
import { errorResponses } from '../http/error-response-schemas.ts';
import { toBudgetResponse } from './budget-response.ts';
import { BudgetQuerySchema, BudgetSchema, PutBudgetBodySchema } from './budgets.schemas.ts';
import type { BudgetsService, ReservedSpend } from './budgets.service.ts';

const tags = ['budgets'];

/** `/api/budgets`: an org's monthly limits of calls and cost, and what is left this month. */
export function registerBudgetRoutes(
  app: FastifyInstance,
  budgets: BudgetsService,
  reservedSpend: ReservedSpend,
): void {
  const routes = app.withTypeProvider<TypeBoxTypeProvider>();

  routes.get(
    '/api/budgets',
    {
      schema: {
        tags,
        operationId: 'getBudget',
        summary: "The org's monthly limits, what this month spent and reserved, and what is left",
        querystring: BudgetQuerySchema,
        response: { 200: BudgetSchema, ...errorResponses({ validation: true }) },
      },
    },
    async (request) =>
      toBudgetResponse(
        await budgets.status(orgFilterFor(request.principal, request.query.org_id), reservedSpend),
      ),
  );

  routes.put(
    '/api/budgets',
    {
      config: { requiredRole: 'admin' },
      schema: {
        tags,
        operationId: 'setBudget',
        summary: "Set the org's monthly limits (admin); batches over what is left are refused",
        body: PutBudgetBodySchema,
        response: { 200: BudgetSchema, ...errorResponses({ body: true }) },
      },
    },
    async (request) => {
      const orgId = orgFilterFor(request.principal, request.body.org_id);
      await budgets.setLimits(
        orgId,
        {
          monthlyCalls: request.body.monthly_calls,
          monthlyCostUsd: request.body.monthly_cost_usd,
        },
        request.principal,
      );
      return toBudgetResponse(await budgets.status(orgId, reservedSpend));
    },
  );
}
