import { findModelPrice, type PriceTable } from './price-table.ts';

/** Completion tokens assumed per call when the template sets no output limit. */
export const DEFAULT_COMPLETION_TOKENS = 512;

export interface CostEstimateInput {
  /** One entry per model the batch runs, with the prompt it will send and the call count. */
  readonly models: ReadonlyArray<{
    readonly modelId: string;
    readonly calls: number;
    /** Characters of the rendered prompt plus system instructions. */
    readonly promptCharacters: number;
    /** The template's output limit (`max_tokens` and the like), when it sets one. */
    readonly maxOutputTokens: number | null;
  }>;
  readonly prices: PriceTable;
}

export interface CostEstimate {
  readonly calls: number;
  readonly promptTokens: number;
  readonly completionTokens: number;
  /** Null when no model of the batch has a price. */
  readonly costUsd: number | null;
  /** Models without a price: their calls count, their cost does not. */
  readonly unpricedModels: readonly string[];
}

/**
 * Tokens and dollars before anything runs. Prompt tokens use the common four-characters-a-token
 * rule (a tokenizer per provider would be exact for one provider and wrong for the others); the
 * completion is assumed to use the whole output limit, or DEFAULT_COMPLETION_TOKENS: an estimate
 * that errs high, so a budget is not overrun by surprise.
 */
export function estimateBatchCost(input: CostEstimateInput): CostEstimate {
  let calls = 0;
  let promptTokens = 0;
  let completionTokens = 0;
  let cost = 0;
  let anyPriced = false;
  const unpriced: string[] = [];
  for (const model of input.models) {
    const perCallPrompt = Math.ceil(model.promptCharacters / 4);
    const perCallCompletion = model.maxOutputTokens ?? DEFAULT_COMPLETION_TOKENS;
    calls += model.calls;
    promptTokens += perCallPrompt * model.calls;
    completionTokens += perCallCompletion * model.calls;
    const price = findModelPrice(input.prices, model.modelId);
    if (price === null) {
      if (!unpriced.includes(model.modelId)) unpriced.push(model.modelId);
      continue;
    }
    anyPriced = true;
    cost +=
      (perCallPrompt * model.calls * price.inputPerMillion +
        perCallCompletion * model.calls * price.outputPerMillion) /
      1_000_000;
  }
  return {
    calls,
    promptTokens,
    completionTokens,
    costUsd: anyPriced ? roundUsd(cost) : null,
    unpricedModels: unpriced,
  };
}

/** Dollars to the micro-dollar, so sums of many small costs do not show binary noise. */
export function roundUsd(value: number): number {
  return Math.round(value * 1_000_000) / 1_000_000;
}
