// Real: the whole app on SQLite (helmet, routes, Swagger UI); only the environment varies.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildTestApp, type TestApp } from '../../test/helpers/build-test-app.ts';
import { sqliteDialect } from '../../test/helpers/test-databases.ts';
import { loadConfig } from '../config/load-config.ts';

function directivesOf(header: unknown): string[] {
  assert.equal(typeof header, 'string', 'a Content-Security-Policy header is sent');
  return String(header)
    .split(';')
    .map((directive) => directive.trim());
}

describe('Content-Security-Policy and PROMPTER_PUBLIC_URL', () => {
  let plainHttp: TestApp;
  let behindTls: TestApp;

  before(async () => {
    plainHttp = await buildTestApp(sqliteDialect);
    behindTls = await buildTestApp(sqliteDialect, {
      environment: { PROMPTER_PUBLIC_URL: 'https://prompter.example.com' },
    });
  });
  after(async () => {
    await plainHttp.close();
    await behindTls.close();
  });

  it('does not upgrade insecure requests without TLS, so /docs loads on a plain-HTTP host', async () => {
    for (const url of ['/docs/', '/health']) {
      const response = await plainHttp.app.inject({ url, headers: { host: 'prompter:8000' } });
      assert.equal(response.statusCode, 200);
      const directives = directivesOf(response.headers['content-security-policy']);
      assert.ok(!directives.includes('upgrade-insecure-requests'), directives.join('; '));
      assert.ok(directives.includes("default-src 'self'"), 'the rest of the policy stays');
    }
  });

  it('upgrades insecure requests when the public URL is https', async () => {
    const response = await behindTls.app.inject({ url: '/docs/' });
    assert.equal(response.statusCode, 200);
    assert.ok(
      directivesOf(response.headers['content-security-policy']).includes(
        'upgrade-insecure-requests',
      ),
    );
  });

  it('an http public URL is plain HTTP, and a malformed one stops the start naming it', () => {
    assert.equal(
      loadConfig({ PROMPTER_PUBLIC_URL: 'http://10.0.0.5:8000/' }).security.publicUrl,
      'http://10.0.0.5:8000',
    );
    assert.equal(loadConfig({}).security.publicUrl, null);
    assert.throws(
      () => loadConfig({ PROMPTER_PUBLIC_URL: 'prompter.local' }),
      /PROMPTER_PUBLIC_URL/,
    );
  });
});
