import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildTestApp, type TestApp } from '../../test/helpers/build-test-app.ts';
import { createTemplate } from '../../test/helpers/create-template.ts';
import { sqliteDialect } from '../../test/helpers/test-databases.ts';
import { providerRetryAfterSeconds } from './provider-retry-after-seconds.ts';

describe('providerRetryAfterSeconds', () => {
  it("rounds the provider's hint up to whole seconds, at least 1", () => {
    assert.equal(providerRetryAfterSeconds({ retryable: true, retry_after_ms: 1000 }), 1);
    assert.equal(providerRetryAfterSeconds({ retryable: true, retry_after_ms: 1001 }), 2);
    assert.equal(providerRetryAfterSeconds({ retryable: true, retry_after_ms: 6500 }), 7);
    assert.equal(providerRetryAfterSeconds({ retryable: true, retry_after_ms: 0 }), 1);
  });

  it('says 1 second for a retryable failure without a hint, nothing for a final one', () => {
    assert.equal(providerRetryAfterSeconds({ retryable: true, retry_after_ms: null }), 1);
    assert.equal(providerRetryAfterSeconds({ retryable: false, retry_after_ms: 5000 }), null);
    assert.equal(providerRetryAfterSeconds({}), null);
  });
});

// Real: the whole app on SQLite (no database rule is involved) and the fake providers, whose
// in-band fault markers make the provider fail.
describe('502 PROVIDER_ERROR carries Retry-After when retryable', () => {
  let testApp: TestApp;
  before(async () => {
    testApp = await buildTestApp(sqliteDialect);
  });
  after(() => testApp.close());

  async function runFailing(fault: string) {
    const template = await createTemplate(testApp.app, { user_prompt_template: 'Hi' });
    const response = await testApp.app.inject({
      method: 'POST',
      url: `/api/prompt-templates/${template.id}/run`,
      payload: { rendered_prompt: `please [[fake-fault:${fault}]]` },
    });
    assert.equal(response.statusCode, 502, response.body);
    return response;
  }

  it("a rate-limited run: the provider's 1 s hint, in the header and the body", async () => {
    const response = await runFailing('rate_limit');
    assert.equal(response.headers['retry-after'], '1');
    assert.equal(response.json().detail.retry_after_ms, 1000);
  });

  it('a provider 5xx or a timeout without a hint: Retry-After 1', async () => {
    for (const fault of ['server_error', 'timeout']) {
      const response = await runFailing(fault);
      assert.equal(response.json().detail.retryable, true, fault);
      assert.equal(response.headers['retry-after'], '1', fault);
    }
  });

  it('a failure retrying cannot fix (400 from the provider): no Retry-After', async () => {
    const response = await runFailing('bad_request');
    assert.equal(response.json().detail.retryable, false);
    assert.equal(response.headers['retry-after'], undefined);
  });

  it('a failed version probe (ensure-version) carries it too', async () => {
    const template = await createTemplate(testApp.app, { model_id: 'gpt-4o-fake-fault-probe' });
    const response = await testApp.app.inject({
      method: 'POST',
      url: `/api/prompt-templates/${template.id}/ensure-version`,
    });
    assert.equal(response.statusCode, 502, response.body);
    assert.equal(response.json().detail.retryable, true);
    assert.equal(response.headers['retry-after'], '1');
  });
});
