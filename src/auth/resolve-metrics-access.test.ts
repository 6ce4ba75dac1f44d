import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { resolveMetricsAccess } from './resolve-metrics-access.ts';

describe('resolveMetricsAccess', () => {
  it('uses METRICS_TOKEN wherever bound', () => {
    for (const host of ['127.0.0.1', '0.0.0.0', '10.0.0.5']) {
      assert.deepEqual(resolveMetricsAccess('t0ken', host, null), {
        bearerToken: 't0ken',
        closedReason: null,
      });
    }
  });

  it('serves openly without a token on a loopback bind only', () => {
    for (const host of ['127.0.0.1', 'localhost', '::1']) {
      assert.deepEqual(resolveMetricsAccess(null, host, null), {
        bearerToken: null,
        closedReason: null,
      });
    }
  });

  it('closes /metrics off loopback without a token, naming the bind and METRICS_TOKEN', () => {
    for (const [host, authMode] of [
      ['0.0.0.0', null],
      ['::', 'required'],
      ['prompter.internal', null],
    ] as const) {
      const access = resolveMetricsAccess(null, host, authMode);
      assert.equal(access.bearerToken, null);
      assert.match(access.closedReason ?? '', new RegExp(`bound to ${host}, .*METRICS_TOKEN`));
      assert.equal(access.warning, access.closedReason);
    }
  });

  it('stays open off loopback when the operator turned auth off for the whole API', () => {
    assert.equal(resolveMetricsAccess(null, '0.0.0.0', 'off').closedReason, null);
  });
});
