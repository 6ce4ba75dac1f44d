import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_COMPLETION_TOKENS, estimateBatchCost } from './estimate-batch-cost.ts';
import { maxOutputTokens } from './max-output-tokens.ts';
import { defaultPriceTable, findModelPrice } from './price-table.ts';
import { remainingQuotaRatio } from './remaining-quota-ratio.ts';

describe('estimateBatchCost', () => {
  it('multiplies tokens by the per-million prices', () => {
    const estimate = estimateBatchCost({
      prices: { m: { inputPerMillion: 2, outputPerMillion: 10 } },
      models: [{ modelId: 'm', calls: 6, promptCharacters: 400, maxOutputTokens: 100 }],
    });
    // 6 calls × 100 prompt tokens × $2/M + 6 × 100 completion tokens × $10/M
    assert.deepEqual(estimate, {
      calls: 6,
      promptTokens: 600,
      completionTokens: 600,
      costUsd: 0.0072,
      unpricedModels: [],
    });
  });

  it('counts calls of unpriced models and names them', () => {
    const estimate = estimateBatchCost({
      prices: {},
      models: [{ modelId: 'private-model', calls: 2, promptCharacters: 3, maxOutputTokens: null }],
    });
    assert.equal(estimate.costUsd, null);
    assert.equal(estimate.promptTokens, 2);
    assert.equal(estimate.completionTokens, 2 * DEFAULT_COMPLETION_TOKENS);
    assert.deepEqual(estimate.unpricedModels, ['private-model']);
  });
});

describe('findModelPrice', () => {
  it('takes the longest family prefix for a dated snapshot', () => {
    assert.equal(
      findModelPrice(defaultPriceTable, 'gpt-4o-mini-2024-07-18'),
      defaultPriceTable['gpt-4o-mini'],
    );
    assert.equal(
      findModelPrice(defaultPriceTable, 'gpt-4o-2024-08-06'),
      defaultPriceTable['gpt-4o'],
    );
    assert.equal(findModelPrice(defaultPriceTable, 'llama-3'), null);
  });
});

describe('maxOutputTokens', () => {
  it('reads any provider name for the output limit', () => {
    assert.equal(maxOutputTokens({ max_tokens: 300 }), 300);
    assert.equal(maxOutputTokens({ maxOutputTokens: '64' }), 64);
    assert.equal(maxOutputTokens({ max_tokens: 0, temperature: 1 }), null);
    assert.equal(maxOutputTokens({}), null);
  });
});

describe('remainingQuotaRatio', () => {
  it('reads OpenAI and Anthropic rate-limit headers', () => {
    assert.equal(
      remainingQuotaRatio({
        'x-ratelimit-remaining-requests': '5',
        'x-ratelimit-limit-requests': '100',
      }),
      0.05,
    );
    assert.equal(
      remainingQuotaRatio({
        'anthropic-ratelimit-requests-remaining': '50',
        'anthropic-ratelimit-requests-limit': '50',
      }),
      1,
    );
    assert.equal(remainingQuotaRatio({}), null);
  });
});
