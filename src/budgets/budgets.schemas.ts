import { Type } from 'typebox';

const SpendSchema = Type.Object({
  calls: Type.Integer(),
  cost_usd: Type.Union([Type.Number(), Type.Null()]),
});

export const BudgetSchema = Type.Object(
  {
    org_id: Type.String(),
    month: Type.String({ description: 'The calendar month (UTC) the figures cover, YYYY-MM' }),
    monthly_calls: Type.Union([Type.Integer(), Type.Null()], { description: 'null: no limit' }),
    monthly_cost_usd: Type.Union([Type.Number(), Type.Null()], { description: 'null: no limit' }),
    spent: SpendSchema,
    reserved: Type.Object(
      { calls: Type.Integer(), cost_usd: Type.Union([Type.Number(), Type.Null()]) },
      { description: 'What queued and running batches are still expected to spend' },
    ),
    left: Type.Object({
      calls: Type.Union([Type.Integer(), Type.Null()]),
      cost_usd: Type.Union([Type.Number(), Type.Null()]),
    }),
    updated_at: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  },
  { title: 'Budget', description: "The org's monthly limits and this month's use" },
);

export const BudgetQuerySchema = Type.Object({
  org_id: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
});

export const PutBudgetBodySchema = Type.Object(
  {
    org_id: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    monthly_calls: Type.Union([Type.Integer({ minimum: 0, maximum: 1_000_000_000 }), Type.Null()], {
      description: 'Provider calls per calendar month (UTC); null removes the limit',
    }),
    monthly_cost_usd: Type.Union(
      [Type.Number({ minimum: 0, maximum: 1_000_000_000 }), Type.Null()],
      {
        description:
          'US dollars per calendar month (UTC), from the price table; null removes the limit',
      },
    ),
  },
  { title: 'BudgetRequest', description: 'Monthly limits; null removes one' },
);
