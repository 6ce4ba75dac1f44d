// Real: Fastify with Prompter's JSON body parser, validator and error handler, and the hook under
// test. Fake: `authenticate`, a table of three made-up keys (the real keys service behind this
// hook is tested in src/audit/audit.routes.test.ts, on both databases).
import assert from 'node:assert/strict';
import Fastify, { type FastifyInstance } from 'fastify';
import { after, before, describe, it } from 'node:test';
import { registerErrorHandler } from '../http/error-handler.ts';
import { registerJsonBodyParser } from '../http/json-body-parser.ts';
import { createSchemaValidatorCompiler } from '../http/schema-validators.ts';
import type { KeyPrincipal, Principal } from './principal.ts';
import { registerAuthentication } from './register-authentication.ts';

const principals: Record<string, KeyPrincipal> = {
  'admin-key': { kind: 'key', keyId: 'k-admin', orgId: 'acme', role: 'admin' },
  'member-key': { kind: 'key', keyId: 'k-member', orgId: 'acme', role: 'member' },
  'viewer-key': { kind: 'key', keyId: 'k-viewer', orgId: 'acme', role: 'viewer' },
};
const seenByAuthenticate: string[] = [];

async function buildApp(mode: 'required' | 'off'): Promise<FastifyInstance> {
  const app = Fastify({ logger: false });
  app.setValidatorCompiler(createSchemaValidatorCompiler());
  registerJsonBodyParser(app);
  registerErrorHandler(app, 1024 * 1024);
  registerAuthentication(app, {
    mode,
    authenticate: (secret) => {
      seenByAuthenticate.push(secret);
      return Promise.resolve(principals[secret] ?? null);
    },
    publicRoutes: ['/health', '/docs', '/openapi.json'],
  });
  const echo = (request: { principal: Principal }) => ({ principal: request.principal });
  app.get('/health', echo);
  app.get('/docs/static/*', echo);
  app.get('/openapi.json', echo);
  app.get('/api/things', echo);
  app.post('/api/things', echo);
  app.delete('/api/things/:id', echo);
  app.get('/api/orgs/:org_id/things', echo);
  app.post('/api/settings', { config: { requiredRole: 'admin' } }, echo);
  app.get('/api/settings', { config: { requiredRole: 'admin' } }, echo);
  app.options('/api/things', (_request, reply) => reply.status(204).send());
  await app.ready();
  return app;
}

const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

describe('registerAuthentication, mode required', () => {
  let app: FastifyInstance;
  before(async () => {
    app = await buildApp('required');
  });
  after(() => app.close());

  describe('401', () => {
    it('answers 401 with a Bearer challenge and a JSON detail when no key is sent', async () => {
      for (const headers of [{}, { authorization: '' }]) {
        const response = await app.inject({ method: 'GET', url: '/api/things', headers });
        assert.equal(response.statusCode, 401);
        assert.match(response.headers['www-authenticate'] as string, /^Bearer realm="prompter"$/);
        assert.equal(response.json().detail.code, 'UNAUTHORIZED');
        assert.match(response.json().detail.message, /Authorization: Bearer/);
      }
    });

    it('answers 401 invalid_token for a wrong key, and never echoes what was sent', async () => {
      const sent = 'pk_abcdefghijkl_ThisIsNotARealKeyButLooksLikeOne000000000000000';
      const response = await app.inject({
        method: 'GET',
        url: '/api/things',
        headers: bearer(sent),
      });
      assert.equal(response.statusCode, 401);
      assert.match(response.headers['www-authenticate'] as string, /error="invalid_token"/);
      assert.ok(!response.body.includes(sent));
      assert.ok(!response.body.includes('ThisIsNotARealKey'));
    });

    it('answers 401 for other schemes and malformed headers, without asking authenticate', async () => {
      seenByAuthenticate.length = 0;
      for (const authorization of [
        'admin-key',
        'Basic YWRtaW46YWRtaW4=',
        'Bearer',
        'Bearer ',
        'Bearer admin-key extra',
        'Token admin-key',
      ]) {
        const response = await app.inject({
          method: 'GET',
          url: '/api/things',
          headers: { authorization },
        });
        assert.equal(response.statusCode, 401, authorization);
      }
      assert.deepEqual(seenByAuthenticate, []);
    });

    it('answers 401, not 404, for an unknown route without a key', async () => {
      const response = await app.inject({ method: 'GET', url: '/api/nothing-here' });
      assert.equal(response.statusCode, 401);
    });

    it('answers 401 for a huge, unicode or SQL-shaped bearer value', async () => {
      for (const token of ['x'.repeat(8000), 'ключ🦄', "' OR '1'='1", '%00']) {
        const response = await app.inject({
          method: 'GET',
          url: '/api/things',
          headers: { authorization: `Bearer ${encodeURIComponent(token)}` },
        });
        assert.equal(response.statusCode, 401);
      }
    });
  });

  describe('public routes', () => {
    it('serves health, docs and openapi.json without a key, as anonymous', async () => {
      for (const url of ['/health', '/docs/static/index.html', '/openapi.json']) {
        const response = await app.inject({ method: 'GET', url });
        assert.equal(response.statusCode, 200, url);
        assert.deepEqual(response.json().principal, { kind: 'anonymous' });
      }
    });

    it('does not open a route merely because its path starts like a public one', async () => {
      const response = await app.inject({ method: 'GET', url: '/healthz' });
      assert.equal(response.statusCode, 401);
    });

    it('lets CORS preflights (OPTIONS) through as anonymous', async () => {
      const response = await app.inject({ method: 'OPTIONS', url: '/api/things' });
      assert.equal(response.statusCode, 204);
    });
  });

  describe('keys and roles', () => {
    it('gives the route the key principal; the scheme is case-insensitive', async () => {
      for (const scheme of ['Bearer', 'bearer', 'BEARER']) {
        const response = await app.inject({
          method: 'GET',
          url: '/api/things',
          headers: { authorization: `${scheme} member-key` },
        });
        assert.equal(response.statusCode, 200);
        assert.deepEqual(response.json().principal, principals['member-key']);
      }
    });

    it('lets a viewer read (GET, HEAD) but not write (POST, DELETE): 403', async () => {
      const headers = bearer('viewer-key');
      assert.equal(
        (await app.inject({ method: 'GET', url: '/api/things', headers })).statusCode,
        200,
      );
      assert.equal(
        (await app.inject({ method: 'HEAD', url: '/api/things', headers })).statusCode,
        200,
      );
      for (const [method, url] of [
        ['POST', '/api/things'],
        ['DELETE', '/api/things/1'],
      ] as const) {
        const response = await app.inject({
          method,
          url,
          headers,
          payload: method === 'POST' ? {} : undefined,
        });
        assert.equal(response.statusCode, 403, `${method} ${url}`);
        assert.equal(response.json().detail.code, 'FORBIDDEN');
      }
    });

    it('lets a member write', async () => {
      const response = await app.inject({
        method: 'POST',
        url: '/api/things',
        headers: bearer('member-key'),
        payload: { name: 'x' },
      });
      assert.equal(response.statusCode, 200);
    });

    it('keeps routes with requiredRole admin to admins: 403 for member and viewer', async () => {
      for (const key of ['member-key', 'viewer-key']) {
        const response = await app.inject({
          method: 'GET',
          url: '/api/settings',
          headers: bearer(key),
        });
        assert.equal(response.statusCode, 403, key);
        assert.equal(response.json().detail.code, 'FORBIDDEN');
      }
      const admin = await app.inject({
        method: 'POST',
        url: '/api/settings',
        headers: bearer('admin-key'),
      });
      assert.equal(admin.statusCode, 200);
    });
  });

  describe('org_id naming another org', () => {
    it('answers 403 for a query, body or path org_id other than the key org', async () => {
      const headers = bearer('member-key');
      const requests = [
        { method: 'GET', url: '/api/things?org_id=other' },
        { method: 'GET', url: '/api/things?org_id=acme&org_id=other' },
        { method: 'GET', url: '/api/orgs/other/things' },
        { method: 'POST', url: '/api/things', payload: { org_id: 'other' } },
        { method: 'POST', url: '/api/things', payload: { org_id: null } },
        { method: 'POST', url: '/api/things', payload: { org_id: 7 } },
      ] as const;
      for (const request of requests) {
        const response = await app.inject({ ...request, headers });
        assert.equal(response.statusCode, 403, JSON.stringify(request));
        assert.equal(response.json().detail.code, 'FORBIDDEN');
      }
    });

    it('accepts the key org named explicitly', async () => {
      const headers = bearer('member-key');
      for (const request of [
        { method: 'GET', url: '/api/things?org_id=acme' },
        { method: 'GET', url: '/api/orgs/acme/things' },
        {
          method: 'POST',
          url: '/api/things',
          payload: { org_id: 'acme', items: [{ org_id: 'x' }] },
        },
      ] as const) {
        const response = await app.inject({ ...request, headers });
        assert.equal(response.statusCode, 200, JSON.stringify(request));
      }
    });
  });
});

describe('registerAuthentication, mode off', () => {
  let app: FastifyInstance;
  before(async () => {
    app = await buildApp('off');
  });
  after(() => app.close());

  it('gives every request the open principal, with or without a key', async () => {
    for (const headers of [{}, bearer('viewer-key'), bearer('garbage')]) {
      for (const [method, url] of [
        ['GET', '/api/things?org_id=anyone'],
        ['POST', '/api/settings'],
        ['DELETE', '/api/things/1'],
      ] as const) {
        const response = await app.inject({ method, url, headers });
        assert.equal(response.statusCode, 200, `${method} ${url}`);
        assert.deepEqual(response.json().principal, { kind: 'open' });
      }
    }
  });
});
