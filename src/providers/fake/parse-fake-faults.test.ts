import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { noFakeFaults, parseFakeFaults } from './parse-fake-faults.ts';

describe('parseFakeFaults', () => {
  it('means no faults when unset or blank', () => {
    assert.deepEqual(parseFakeFaults(null), noFakeFaults);
    assert.deepEqual(parseFakeFaults('  '), noFakeFaults);
  });

  it('reads every kind, a seed and a scope, tolerating spaces', () => {
    const faults = parseFakeFaults(
      ' rate_limit=0.1, server_error = 0.2,timeout=.05,malformed=0,bad_request=0.15,seed=42,scope=probe',
    );
    assert.deepEqual(faults, {
      rates: { rate_limit: 0.1, server_error: 0.2, timeout: 0.05, malformed: 0, bad_request: 0.15 },
      seed: 42,
      scope: 'probe',
    });
  });

  it('defaults to scope both and no seed', () => {
    const faults = parseFakeFaults('rate_limit=1');
    assert.equal(faults.scope, 'both');
    assert.equal(faults.seed, null);
    assert.equal(faults.rates.rate_limit, 1);
    assert.equal(faults.rates.timeout, 0);
  });

  const bad: [spec: string, message: RegExp][] = [
    ['rate_limit', /expected "kind=rate" entries/],
    ['rate_limit=0.1,', /expected "kind=rate" entries/],
    [
      'explode=0.1',
      /unknown entry "explode".*rate_limit, server_error, timeout, malformed, bad_request/,
    ],
    ['rate_limit=1.5', /rate of rate_limit must be a number from 0 to 1, got "1.5"/],
    ['timeout=-0.1', /rate of timeout must be a number from 0 to 1/],
    ['timeout=abc', /rate of timeout must be a number from 0 to 1/],
    ['malformed=NaN', /rate of malformed must be a number from 0 to 1/],
    ['rate_limit=0.6,server_error=0.6', /add up to 1.2, more than 1/],
    ['rate_limit=0.1,rate_limit=0.2', /"rate_limit" is given twice/],
    ['seed=x', /seed must be a whole number/],
    ['seed=1.5', /seed must be a whole number/],
    ['scope=everything', /scope must be call, probe or both, got "everything"/],
  ];
  for (const [spec, message] of bad) {
    it(`rejects "${spec}" saying what is wrong`, () => {
      assert.throws(() => parseFakeFaults(spec), message);
    });
  }
});
