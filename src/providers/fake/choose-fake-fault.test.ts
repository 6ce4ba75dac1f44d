import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { chooseFakeFault, type FakeFaultQuery } from './choose-fake-fault.ts';
import { noFakeFaults, parseFakeFaults } from './parse-fake-faults.ts';

const noDraw = (): number => assert.fail('no random draw expected');

function query(overrides: Partial<FakeFaultQuery>): FakeFaultQuery {
  return {
    operation: 'call',
    model: 'gpt-4o',
    prompt: 'hello',
    faults: noFakeFaults,
    random: noDraw,
    ...overrides,
  };
}

describe('chooseFakeFault', () => {
  it('never fails and never draws without faults', () => {
    assert.equal(chooseFakeFault(query({})), null);
    assert.equal(chooseFakeFault(query({ operation: 'probe', prompt: null })), null);
  });

  it('fails a call whose prompt carries [[fake-fault:<kind>]], whatever the rates', () => {
    const expected = {
      rate_limit: 429,
      server_error: 500,
      timeout: null,
      malformed: 200,
      bad_request: 400,
    } as const;
    for (const [kind, status] of Object.entries(expected)) {
      const prompt = `before [[fake-fault:${kind}]] after`;
      assert.deepEqual(chooseFakeFault(query({ prompt })), { kind, status });
    }
  });

  it('ignores a trigger naming no known kind, and takes the first known one', () => {
    assert.equal(chooseFakeFault(query({ prompt: '[[fake-fault:explode]]' })), null);
    assert.deepEqual(
      chooseFakeFault(query({ prompt: '[[fake-fault:nope]] [[fake-fault:timeout]]' })),
      { kind: 'timeout', status: null },
    );
  });

  it('fails the probe of a model id containing fake-fault-probe with a server error', () => {
    const probe = query({ operation: 'probe', prompt: null, model: 'gpt-4o-fake-fault-probe' });
    assert.deepEqual(chooseFakeFault(probe), { kind: 'server_error', status: 500 });
    assert.equal(chooseFakeFault(query({ model: 'gpt-4o-fake-fault-probe' })), null);
  });

  it('maps one draw onto the rates in a fixed order of kinds', () => {
    const faults = parseFakeFaults('bad_request=0.1,rate_limit=0.2,server_error=0.2');
    const at = (draw: number) => chooseFakeFault(query({ faults, random: () => draw }));
    assert.deepEqual(at(0), { kind: 'rate_limit', status: 429 });
    assert.deepEqual(at(0.19), { kind: 'rate_limit', status: 429 });
    assert.deepEqual(at(0.2), { kind: 'server_error', status: 500 });
    assert.deepEqual(at(0.35), { kind: 'server_error', status: 503 });
    assert.deepEqual(at(0.45), { kind: 'bad_request', status: 400 });
    assert.equal(at(0.5), null);
    assert.equal(at(0.999), null);
  });

  it('applies random faults only to the operations in scope', () => {
    const always = () => 0;
    const callsOnly = parseFakeFaults('timeout=1,scope=call');
    const probesOnly = parseFakeFaults('timeout=1,scope=probe');
    const probe = { operation: 'probe', prompt: null } as const;
    assert.equal(chooseFakeFault(query({ faults: callsOnly, random: always }))?.kind, 'timeout');
    assert.equal(chooseFakeFault(query({ ...probe, faults: callsOnly, random: noDraw })), null);
    assert.equal(chooseFakeFault(query({ faults: probesOnly, random: noDraw })), null);
    assert.equal(
      chooseFakeFault(query({ ...probe, faults: probesOnly, random: always }))?.kind,
      'timeout',
    );
  });
});
