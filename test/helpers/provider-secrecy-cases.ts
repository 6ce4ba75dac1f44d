// The key-secrecy cases every live adapter must pass: the key travels in the provider's auth
// header only, and never reaches what Prompter stores or shows, even when the provider (or a
// proxy in front of it) echoes it back.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { providerErrorOf } from './provider-error-of.ts';
import { providerKeyLeaks } from './provider-key-leaks.ts';
import { providerTestHarness } from './provider-test-harness.ts';
import type { ProviderTestSubject } from './provider-test-subject.ts';

/** Registers the shared secrecy cases for `subject`'s adapter. */
export function providerSecrecyCases(subject: ProviderTestSubject): void {
  describe('secrecy', () => {
    const { server, adapter } = providerTestHarness(subject);
    const key = subject.apiKey;

    it(`sends the key in ${subject.keyHeader} only, and keeps it out of the result`, async () => {
      server().respondTo(subject.callPath, { body: subject.answer });
      const result = await adapter().call(subject.callRequest);
      assert.deepEqual(providerKeyLeaks(key, { result }), []);
      const [received] = server().requests;
      assert.ok(received?.headers[subject.keyHeader]?.includes(key), 'the key goes out');
      const otherHeaders = Object.entries(received?.headers ?? {}).filter(
        ([name]) => name !== subject.keyHeader,
      );
      assert.equal(JSON.stringify(otherHeaders).includes(key), false);
      assert.equal(received?.rawBody.includes(key), false);
      assert.equal(JSON.stringify(received?.query).includes(key), false);
    });

    it('keeps the key out of an error even when the answer echoes it back', async () => {
      const rejected = subject.keyRejected(key);
      server().respondTo(subject.callPath, {
        ...rejected,
        headers: {
          ...rejected.headers,
          [subject.keyHeader]: key,
          'x-echoed': `key=${key}`,
          'set-cookie': 'session=abc',
        },
      });
      const error = await providerErrorOf(adapter().call(subject.callRequest));
      assert.equal(error.status, rejected.status);
      assert.equal(error.retryable, false);
      assert.deepEqual(providerKeyLeaks(key, { error }), []);
      assert.equal(error.headers[subject.keyHeader], undefined);
      assert.equal(error.headers['set-cookie'], undefined);
      assert.equal(error.headers['x-echoed'], 'key=[redacted]');
    });
  });
}
