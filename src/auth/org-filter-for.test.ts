import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ForbiddenError, UnauthorizedError } from './auth-errors.ts';
import { orgFilterFor } from './org-filter-for.ts';
import type { Principal } from './principal.ts';

const key: Principal = { kind: 'key', keyId: 'k1', orgId: 'acme', role: 'member' };

describe('orgFilterFor', () => {
  it("is always the key's org with a key, whether or not the request names it", () => {
    assert.equal(orgFilterFor(key), 'acme');
    assert.equal(orgFilterFor(key, 'acme'), 'acme');
  });

  it('throws ForbiddenError (403, FORBIDDEN) when a key names another org', () => {
    for (const requested of ['globex', 'ACME', 'acme ', '', 'default']) {
      assert.throws(
        () => orgFilterFor(key, requested),
        (error: unknown) =>
          error instanceof ForbiddenError && error.status === 403 && error.code === 'FORBIDDEN',
        requested,
      );
    }
  });

  it('is the requested org, else "default", with auth off', () => {
    assert.equal(orgFilterFor({ kind: 'open' }, 'globex'), 'globex');
    assert.equal(orgFilterFor({ kind: 'open' }), 'default');
  });

  it('throws UnauthorizedError (401) for an anonymous caller', () => {
    assert.throws(
      () => orgFilterFor({ kind: 'anonymous' }, 'acme'),
      (error: unknown) => error instanceof UnauthorizedError && error.status === 401,
    );
  });
});
