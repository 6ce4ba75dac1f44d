import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { datadogMetricNames, datadogQueryMetricNames, promqlMetricNames } from './metric-names.ts';

describe('promqlMetricNames', () => {
  it('finds the metrics and ignores functions, labels, ranges, variables and numbers', () => {
    assert.deepEqual(
      promqlMetricNames(
        '(sum by (route) (rate(starlette_requests_total{service=~"$service", status=~"5.."}[$__rate_interval])) or vector(0)) / clamp_min(sum(rate(starlette_requests_total[5m])), 1e-9) >= 0.01',
      ),
      ['starlette_requests_total'],
    );
    assert.deepEqual(
      promqlMetricNames(
        'histogram_quantile(0.95, sum by (le, provider) (rate(prompter_ensure_version_seconds_bucket[10m]))) >= 3',
      ),
      ['prompter_ensure_version_seconds_bucket'],
    );
    assert.deepEqual(
      promqlMetricNames(
        'max by (instance) (prompter_redis_up) == 0 and on (instance) prompter_redis_configured == 1',
      ),
      ['prompter_redis_up', 'prompter_redis_configured'],
    );
    assert.deepEqual(
      promqlMetricNames('x_total unless x_total offset 30m or up{job="prompter"} == 0'),
      ['x_total', 'up'],
    );
  });
});

describe('Datadog names', () => {
  it('maps counters to .count without _total, histograms to .bucket/.sum/.count', () => {
    assert.deepEqual(
      [
        ...datadogMetricNames(
          [
            { name: 'prompter_probe_attempts_total', type: 'counter' },
            { name: 'prompter_ensure_version_seconds', type: 'histogram' },
            { name: 'prompter_redis_up', type: 'gauge' },
          ],
          'prompter',
        ),
      ],
      [
        'prompter.prompter_probe_attempts.count',
        'prompter.prompter_ensure_version_seconds.bucket',
        'prompter.prompter_ensure_version_seconds.sum',
        'prompter.prompter_ensure_version_seconds.count',
        'prompter.prompter_redis_up',
      ],
    );
  });

  it('reads metric names out of Datadog queries', () => {
    assert.deepEqual(
      datadogQueryMetricNames(
        'sum:prompter.starlette_requests.count{$env,status:5*} by {route}.as_count()',
      ),
      ['prompter.starlette_requests.count'],
    );
  });
});
