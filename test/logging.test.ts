// The whole app with its real logger writing into memory, to check what log lines carry and
// what they never carry. Real: database (SQLite), services, fake providers.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildTestApp } from './helpers/build-test-app.ts';
import { createTemplate } from './helpers/create-template.ts';
import { sqliteDialect } from './helpers/test-databases.ts';

describe('request logs', () => {
  it('carry the request id and the run fields, and never an auth header or API key', async () => {
    const lines: string[] = [];
    const secret = 'sk-test-SECRET-9f8e7d6c5b4a';
    const testApp = await buildTestApp(sqliteDialect, {
      logStream: { write: (line: string) => void lines.push(line) },
      environment: { LOG_LEVEL: 'info', OPENAI_API_KEY: secret },
    });
    try {
      const template = await createTemplate(testApp.app, { user_prompt_template: 'Hi {{brand}}' });
      const response = await testApp.app.inject({
        method: 'POST',
        url: `/api/prompt-templates/${template.id}/run`,
        headers: {
          authorization: `Bearer ${secret}`,
          'x-api-key': secret,
          'api-key': secret,
          'x-request-id': 'req-logging-test-1',
        },
        payload: { brand_name: 'AVEA' },
      });
      assert.equal(response.statusCode, 200);
      assert.equal(response.headers['x-request-id'], 'req-logging-test-1');
      const failing = await testApp.app.inject({
        method: 'POST',
        url: `/api/prompt-templates/${template.id}/run`,
        headers: { authorization: `Bearer ${secret}` },
        payload: { rendered_prompt: '[[fake-fault:server_error]]' },
      });
      assert.equal(failing.statusCode, 502);
    } finally {
      await testApp.close();
    }
    const all = lines.join('');
    assert.ok(!all.includes(secret), 'a secret reached the log');
    const records = lines.map((line) => JSON.parse(line));
    const run = records.find((record) => record.action === 'run');
    assert.ok(run, 'a run log line exists');
    assert.equal(run.reqId, 'req-logging-test-1');
    for (const field of [
      'org_id',
      'workspace_id',
      'template_id',
      'version_id',
      'provider',
      'model',
      'provider_version_key',
      'status',
      'latency_ms',
    ]) {
      assert.ok(field in run, `run log line has ${field}`);
    }
    assert.ok(
      records.some((record) => record.action === 'provider_error' && record.retryable === true),
    );
    assert.ok(
      records.some((record) => record.req?.headers?.authorization === '[redacted]') ||
        !all.includes('authorization'),
    );
  });
});
