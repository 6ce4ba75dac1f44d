/** Calls and dollars: what a budget limits, and what is spent, reserved or left of it. */
export interface Spend {
  readonly calls: number;
  /** Null when nothing priced was involved (models without a price count calls only). */
  readonly costUsd: number | null;
}

export interface BudgetLimits {
  /** Provider calls per calendar month (UTC); null is no limit. */
  readonly monthlyCalls: number | null;
  /** US dollars per calendar month (UTC), from the price table; null is no limit. */
  readonly monthlyCostUsd: number | null;
}

export interface BudgetStatus {
  readonly orgId: string;
  /** The calendar month (UTC) the figures cover, `YYYY-MM`. */
  readonly month: string;
  readonly limits: BudgetLimits;
  /** Calls stored as results this month and their cost. */
  readonly spent: Spend;
  /** What queued and running batches are still expected to spend (their estimates' remainder). */
  readonly reserved: Spend;
  /** Limit − spent − reserved; null where there is no limit. */
  readonly left: { readonly calls: number | null; readonly costUsd: number | null };
  readonly updatedAt: string | null;
}

/** The first instant of `now`'s calendar month in UTC, as stored timestamps are written. */
export function monthStart(now: Date): string {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1)).toISOString();
}
