// What every live adapter does the same way beyond its wire format: one POST per call, recorded
// as sent and answered, through an injected fetch when given; tools and response format only when
// the template has them; a version probe that falls back to the requested model.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { providerTestHarness } from './provider-test-harness.ts';
import type { ProviderTestSubject } from './provider-test-subject.ts';

/** Registers the shared contract cases for `subject`'s adapter. */
export function providerContractCases(subject: ProviderTestSubject): void {
  describe('contract', () => {
    const { server, adapter } = providerTestHarness(subject);

    it('posts the call once and records the body that went out, and the answer as received', async () => {
      server().respondTo(subject.callPath, { body: subject.answer });
      const result = await adapter().call(subject.callRequest);
      assert.equal(server().requests.length, 1);
      const [received] = server().requests;
      assert.equal(received?.method, 'POST');
      assert.equal(received?.path, subject.callPath);
      // Gemini takes the model from the URL; requestSent names it all the same.
      assert.deepEqual(result.requestSent, {
        ...(received?.body as Record<string, unknown>),
        model: subject.callRequest.model,
      });
      assert.deepEqual(result.response, subject.answer);
      assert.equal(result.simulated, false);
    });

    it('sends through the injected fetch', async () => {
      server().respondTo(subject.callPath, { body: subject.answer });
      const fetched: string[] = [];
      await adapter(
        {},
        {
          fetch: (input, init) => {
            fetched.push(String(input instanceof Request ? input.url : input));
            return fetch(input, init);
          },
        },
      ).call(subject.callRequest);
      assert.equal(fetched.length, 1);
      assert.ok(fetched[0]?.startsWith(server().baseUrl));
    });

    it('sends no tools and no response format when the template has none', async () => {
      server().respondTo(subject.callPath, { body: subject.answer });
      const { requestSent } = await adapter().call({
        ...subject.callRequest,
        toolsSpec: [],
        responseFormat: null,
      });
      const sent = JSON.stringify(requestSent);
      for (const name of ['tools', 'response_format', 'responseMimeType']) {
        assert.equal(sent.includes(`"${name}"`), false, name);
      }
    });

    it('probes with one request and falls back to the requested model without a version', async () => {
      server().respondTo(subject.callPath, { body: subject.unversionedAnswer });
      const probe = await adapter().probeVersion({
        model: subject.callRequest.model,
        systemInstructions: null,
        inferenceParams: {},
      });
      assert.equal(probe.versionKey, subject.callRequest.model);
      assert.equal(server().requests.length, 1);
    });
  });
}
