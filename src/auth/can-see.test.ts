import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { canSee } from './can-see.ts';

describe('canSee', () => {
  it("lets a key see its own org's rows only", () => {
    const key = { kind: 'key', keyId: 'k1', orgId: 'acme', role: 'viewer' } as const;
    assert.equal(canSee(key, 'acme'), true);
    assert.equal(canSee(key, 'globex'), false);
    assert.equal(canSee(key, 'ACME'), false);
    assert.equal(canSee(key, 'default'), false);
  });

  it('lets auth-off callers see every org, and anonymous callers none', () => {
    assert.equal(canSee({ kind: 'open' }, 'globex'), true);
    assert.equal(canSee({ kind: 'anonymous' }, 'default'), false);
  });
});
