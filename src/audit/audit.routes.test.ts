// Real: the database (both dialects), migrations, keys and audit services, the authentication
// hook, and Prompter's body parser, validator and error handler. Only the composition is local:
// a Fastify app holding just these pieces, so the suite runs before app.ts wires them.
import assert from 'node:assert/strict';
import Fastify, { type FastifyInstance } from 'fastify';
import { after, before, describe, it } from 'node:test';
import { testDialects, type TestDatabase } from '../../test/helpers/test-databases.ts';
import { registerAuthentication } from '../auth/register-authentication.ts';
import { systemRuntime } from '../core/runtime-deps.ts';
import { migrateToLatest } from '../db/migrator.ts';
import { registerErrorHandler } from '../http/error-handler.ts';
import { registerJsonBodyParser } from '../http/json-body-parser.ts';
import { createSchemaValidatorCompiler } from '../http/schema-validators.ts';
import { createKeysService, type KeysService } from '../keys/keys.service.ts';
import { registerAuditRoutes } from './audit.routes.ts';
import { createAuditService, type AuditService } from './audit.service.ts';

async function buildAuditApp(
  mode: 'required' | 'off',
  keys: KeysService,
  audit: AuditService,
): Promise<FastifyInstance> {
  const app = Fastify({ logger: false });
  app.setValidatorCompiler(createSchemaValidatorCompiler());
  registerJsonBodyParser(app);
  registerErrorHandler(app, 1024 * 1024);
  registerAuthentication(app, {
    mode,
    authenticate: (secret) => keys.authenticate(secret),
    publicRoutes: ['/health'],
  });
  registerAuditRoutes(app, audit);
  await app.ready();
  return app;
}

for (const dialect of testDialects) {
  describe(`GET /api/audit-log [${dialect.name}]`, { skip: dialect.skipReason }, () => {
    let testDatabase: TestDatabase;
    let keys: KeysService;
    let audit: AuditService;
    let app: FastifyInstance;
    let openApp: FastifyInstance;
    const secrets: Record<'admin' | 'member' | 'viewer' | 'otherAdmin' | 'revoked', string> = {
      admin: '',
      member: '',
      viewer: '',
      otherAdmin: '',
      revoked: '',
    };
    const bearer = (secret: string) => ({ authorization: `Bearer ${secret}` });

    before(async () => {
      testDatabase = await dialect.open();
      await migrateToLatest(testDatabase.database.db);
      audit = createAuditService({ db: testDatabase.database.db, runtime: systemRuntime });
      keys = createKeysService({ db: testDatabase.database.db, runtime: systemRuntime, audit });
      const create = async (orgId: string, role: 'admin' | 'member' | 'viewer') =>
        (
          await keys.createApiKey({
            orgId,
            role,
            name: null,
            createdBy: 'cli:setup',
            expiresAt: null,
          })
        ).secret;
      secrets.admin = await create('acme', 'admin');
      secrets.member = await create('acme', 'member');
      secrets.viewer = await create('acme', 'viewer');
      secrets.otherAdmin = await create('globex', 'admin');
      secrets.revoked = await create('acme', 'admin');
      const toRevoke = (await keys.listApiKeys('acme')).find(
        (key) => key.prefix === secrets.revoked.slice(3, 15),
      );
      assert.ok(toRevoke !== undefined);
      await keys.revokeApiKey(toRevoke.id, 'cli:setup');
      await audit.record({
        orgId: 'default',
        actor: 'anonymous',
        action: 'template.deleted',
        targetType: 'prompt_template',
        targetId: 'tpl-default',
      });
      app = await buildAuditApp('required', keys, audit);
      openApp = await buildAuditApp('off', keys, audit);
    });
    after(async () => {
      await app?.close();
      await openApp?.close();
      await testDatabase?.dispose();
    });

    describe('with auth required', () => {
      it("lists the admin key's own org only, newest first, without any secret", async () => {
        const response = await app.inject({
          method: 'GET',
          url: '/api/audit-log',
          headers: bearer(secrets.admin),
        });
        assert.equal(response.statusCode, 200);
        const page = response.json();
        assert.deepEqual(
          page.items.map((item: { action: string }) => item.action),
          ['key.revoked', 'key.created', 'key.created', 'key.created', 'key.created'],
        );
        assert.ok(page.items.every((item: { org_id: string }) => item.org_id === 'acme'));
        assert.equal(page.items[0].actor, 'cli:setup');
        assert.equal(page.items[0].target_type, 'api_key');
        assert.equal(typeof page.items[0].details.prefix, 'string');
        assert.equal(page.next_cursor, null);
        for (const secret of Object.values(secrets)) {
          assert.ok(!response.body.includes(secret.slice(16)), 'a secret leaked');
        }
      });

      it('pages with limit and cursor', async () => {
        const first = (
          await app.inject({
            method: 'GET',
            url: '/api/audit-log?limit=2',
            headers: bearer(secrets.admin),
          })
        ).json();
        assert.equal(first.items.length, 2);
        const second = (
          await app.inject({
            method: 'GET',
            url: `/api/audit-log?limit=2&cursor=${first.next_cursor}`,
            headers: bearer(secrets.admin),
          })
        ).json();
        assert.equal(second.items.length, 2);
        assert.notEqual(second.items[0].id, first.items[1].id);
      });

      it('answers 403 to member and viewer keys', async () => {
        for (const secret of [secrets.member, secrets.viewer]) {
          const response = await app.inject({
            method: 'GET',
            url: '/api/audit-log',
            headers: bearer(secret),
          });
          assert.equal(response.statusCode, 403);
          assert.equal(response.json().detail.code, 'FORBIDDEN');
        }
      });

      it("answers 403 when an admin names another org, and shows globex's admin only globex", async () => {
        const foreign = await app.inject({
          method: 'GET',
          url: '/api/audit-log?org_id=globex',
          headers: bearer(secrets.admin),
        });
        assert.equal(foreign.statusCode, 403);
        const globex = (
          await app.inject({
            method: 'GET',
            url: '/api/audit-log',
            headers: bearer(secrets.otherAdmin),
          })
        ).json();
        assert.deepEqual(
          globex.items.map((item: { org_id: string }) => item.org_id),
          ['globex'],
        );
      });

      it('answers 401 without a key, with a revoked key and with garbage', async () => {
        for (const headers of [
          {},
          bearer(secrets.revoked),
          bearer(`${secrets.admin.slice(0, -2)}xx`),
          bearer("pk_' OR 1=1 --"),
          bearer('x'.repeat(5000)),
        ]) {
          const response = await app.inject({ method: 'GET', url: '/api/audit-log', headers });
          assert.equal(response.statusCode, 401);
          assert.equal(response.json().detail.code, 'UNAUTHORIZED');
        }
      });

      it('answers 422 for a bad limit or a forged cursor', async () => {
        for (const query of ['limit=0', 'limit=501', 'limit=ten', 'cursor=forged']) {
          const response = await app.inject({
            method: 'GET',
            url: `/api/audit-log?${query}`,
            headers: bearer(secrets.admin),
          });
          assert.equal(response.statusCode, 422, query);
        }
      });
    });

    describe('with auth off', () => {
      it('reads the org named by org_id, and "default" when none is named', async () => {
        const globex = (
          await openApp.inject({ method: 'GET', url: '/api/audit-log?org_id=globex' })
        ).json();
        assert.deepEqual(
          globex.items.map((item: { action: string }) => item.action),
          ['key.created'],
        );
        const fallback = (await openApp.inject({ method: 'GET', url: '/api/audit-log' })).json();
        assert.deepEqual(
          fallback.items.map((item: { target_id: string }) => item.target_id),
          ['tpl-default'],
        );
      });
    });
  });
}
