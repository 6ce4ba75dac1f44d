// With auth on, a second org can neither see nor change the first org's data through any route.
// The whole app on a real database (both dialects) with real API keys; fake providers.
// The walk takes every route from the generated OpenAPI document, so a new route is covered
// (or fails this test) without anyone remembering to add it here.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { InjectOptions } from 'fastify';
import { createAuditService } from '../src/audit/audit.service.ts';
import { systemRuntime } from '../src/core/runtime-deps.ts';
import { createKeysService } from '../src/keys/keys.service.ts';
import { buildTestApp, type TestApp } from './helpers/build-test-app.ts';
import { templateBody } from './helpers/template-bodies.ts';
import { testDialects } from './helpers/test-databases.ts';

/** Routes anyone may call when auth is on; everything else must answer for one org only. */
const PUBLIC_PATHS = new Set(['/health']);

for (const dialect of testDialects) {
  describe(`tenant isolation with auth on [${dialect.name}]`, { skip: dialect.skipReason }, () => {
    let testApp: TestApp;
    const secrets: Record<'ownerAdmin' | 'ownerViewer' | 'strangerAdmin', string> = {
      ownerAdmin: '',
      ownerViewer: '',
      strangerAdmin: '',
    };
    const owner = { templateId: '', resultId: '', versionId: '', workspaceId: '', batchId: '' };

    before(async () => {
      testApp = await buildTestApp(dialect, { environment: { PROMPTER_AUTH: 'required' } });
      const db = testApp.database.db;
      const audit = createAuditService({ db, runtime: systemRuntime });
      const keys = createKeysService({ db, runtime: systemRuntime, audit });
      const issue = async (orgId: string, role: 'admin' | 'viewer') =>
        (
          await keys.createApiKey({
            orgId,
            role,
            name: null,
            createdBy: 'cli:test',
            expiresAt: null,
          })
        ).secret;
      secrets.ownerAdmin = await issue('org-owner', 'admin');
      secrets.ownerViewer = await issue('org-owner', 'viewer');
      secrets.strangerAdmin = await issue('org-stranger', 'admin');

      const body = templateBody({ user_prompt_template: 'Hi {{brand}}' });
      owner.workspaceId = body['workspace_id'] as string;
      const created = await call('ownerAdmin', {
        method: 'POST',
        url: '/api/prompt-templates',
        payload: body,
      });
      assert.equal(created.statusCode, 201, created.body);
      owner.templateId = created.json().id;
      const run = await call('ownerAdmin', {
        method: 'POST',
        url: `/api/prompt-templates/${owner.templateId}/run`,
        payload: { brand_name: 'AVEA' },
      });
      assert.equal(run.statusCode, 200, run.body);
      owner.resultId = run.json().result_id;
      owner.versionId = run.json().version_id;
      const batch = await call('ownerAdmin', {
        method: 'POST',
        url: `/api/prompt-templates/${owner.templateId}/batches`,
        payload: { brand_name: 'AVEA', samples: 2 },
      });
      assert.equal(batch.statusCode, 202, batch.body);
      owner.batchId = batch.json().batch_id;
    });
    after(() => testApp.close());

    function call(who: keyof typeof secrets | null, options: InjectOptions) {
      const headers = { ...(options.headers ?? {}) } as Record<string, string>;
      if (who !== null) headers['authorization'] = `Bearer ${secrets[who]}`;
      return testApp.app.inject({ ...options, headers });
    }

    async function ownerSnapshot(): Promise<string> {
      const db = testApp.database.db;
      const templates = await db
        .selectFrom('prompt_templates')
        .selectAll()
        .where('org_id', '=', 'org-owner')
        .execute();
      const results = await db
        .selectFrom('prompt_results')
        .select(['id', 'status'])
        .where('org_id', '=', 'org-owner')
        .execute();
      const versions = await db
        .selectFrom('prompt_versions')
        .select(['id', 'last_seen_at'])
        .where('org_id', '=', 'org-owner')
        .execute();
      const batches = await db
        .selectFrom('batches')
        .select(['id', 'status', 'cancel_requested_at'])
        .where('org_id', '=', 'org-owner')
        .execute();
      const cells = await db
        .selectFrom('batch_cells')
        .select(['id', 'status'])
        .where('batch_id', '=', owner.batchId)
        .execute();
      const budgets = await db.selectFrom('org_budgets').selectAll().execute();
      return JSON.stringify({ templates, results, versions, batches, cells, budgets });
    }

    /** Every documented route, with the owner's ids in its path and a plausible body. */
    async function everyRoute(): Promise<
      { method: string; url: string; payload?: Record<string, unknown> }[]
    > {
      const document = (await testApp.app.inject({ method: 'GET', url: '/openapi.json' })).json();
      const routes: { method: string; url: string; payload?: Record<string, unknown> }[] = [];
      for (const [path, operations] of Object.entries(document.paths as Record<string, object>)) {
        for (const method of Object.keys(operations)) {
          const url = path
            .replace('{template_id}', owner.templateId)
            .replace('{result_id}', owner.resultId)
            .replace('{batch_id}', owner.batchId)
            .replace('{workspace_id}', owner.workspaceId);
          const payload =
            method === 'post' || method === 'put'
              ? {
                  ...templateBody({
                    workspace_id: owner.workspaceId,
                    user_prompt_template: 'Hi {{brand}}',
                  }),
                  brand_name: 'X',
                }
              : undefined;
          routes.push({ method: method.toUpperCase(), url, ...(payload ? { payload } : {}) });
        }
      }
      return routes;
    }

    it('a foreign key sees nothing of the owner through any route and changes nothing', async () => {
      const before = await ownerSnapshot();
      const routes = await everyRoute();
      assert.ok(routes.length >= 12, `only ${routes.length} routes found`);
      const ownerIds = [owner.templateId, owner.resultId, owner.versionId, owner.batchId];
      for (const route of routes) {
        if (PUBLIC_PATHS.has(route.url)) continue;
        const response = await call('strangerAdmin', route as InjectOptions);
        const label = `${route.method} ${route.url}`;
        assert.ok(response.statusCode < 500, `${label} answered ${response.statusCode}`);
        if (
          route.url.includes(owner.templateId) ||
          route.url.includes(owner.resultId) ||
          route.url.includes(owner.batchId)
        ) {
          assert.equal(response.statusCode, 404, `${label} must not reveal the owner's id`);
        }
        for (const id of ownerIds) {
          assert.ok(
            !response.body.includes(id),
            `${label} leaked ${id}: ${response.body.slice(0, 200)}`,
          );
        }
        assert.ok(!response.body.includes('org-owner'), `${label} named the owner's org`);
      }
      assert.equal(await ownerSnapshot(), before, "the owner's data changed");
    });

    it('naming another org in a query or body is a 403, not a silent switch', async () => {
      const list = await call('strangerAdmin', {
        method: 'GET',
        url: '/api/prompt-templates?org_id=org-owner',
      });
      assert.equal(list.statusCode, 403);
      const create = await call('strangerAdmin', {
        method: 'POST',
        url: '/api/prompt-templates',
        payload: templateBody({ org_id: 'org-owner' }),
      });
      assert.equal(create.statusCode, 403);
      const check = await call('strangerAdmin', {
        method: 'POST',
        url: '/api/prompt-templates/check-duplicate',
        payload: templateBody({ org_id: 'org-owner' }),
      });
      assert.equal(check.statusCode, 403);
    });

    it('the owner sees its own data; a missing or wrong key is a 401; health stays public', async () => {
      const own = await call('ownerAdmin', {
        method: 'GET',
        url: `/api/prompt-results/${owner.resultId}`,
      });
      assert.equal(own.statusCode, 200);
      const listed = await call('ownerAdmin', { method: 'GET', url: '/api/prompt-templates' });
      assert.deepEqual(
        listed.json().items.map((item: { id: string }) => item.id),
        [owner.templateId],
      );
      assert.equal(
        (await call(null, { method: 'GET', url: '/api/prompt-templates' })).statusCode,
        401,
      );
      const wrong = await testApp.app.inject({
        method: 'GET',
        url: '/api/prompt-templates',
        headers: { authorization: 'Bearer pk_notakey_xxxxxxxxxxxxxxxxxxxxxxxx' },
      });
      assert.equal(wrong.statusCode, 401);
      assert.ok(!wrong.body.includes('pk_notakey'), 'the key is not echoed');
      assert.equal((await call(null, { method: 'GET', url: '/health' })).statusCode, 200);
    });

    it('a viewer reads but cannot write', async () => {
      assert.equal(
        (
          await call('ownerViewer', {
            method: 'GET',
            url: `/api/prompt-templates/${owner.templateId}`,
          })
        ).statusCode,
        200,
      );
      const before = await ownerSnapshot();
      for (const route of [
        { method: 'POST', url: '/api/prompt-templates', payload: templateBody() },
        { method: 'DELETE', url: `/api/prompt-templates/${owner.templateId}` },
        {
          method: 'POST',
          url: `/api/prompt-templates/${owner.templateId}/run`,
          payload: { brand_name: 'X' },
        },
      ]) {
        assert.equal(
          (await call('ownerViewer', route as InjectOptions)).statusCode,
          403,
          `${route.method} ${route.url}`,
        );
      }
      assert.equal(await ownerSnapshot(), before);
    });

    it('the audit log records deletes and restores with the actor, for the owner only', async () => {
      const extra = await call('ownerAdmin', {
        method: 'POST',
        url: '/api/prompt-templates',
        payload: templateBody(),
      });
      const id = extra.json().id;
      assert.equal(
        (await call('ownerAdmin', { method: 'DELETE', url: `/api/prompt-templates/${id}` }))
          .statusCode,
        204,
      );
      assert.equal(
        (await call('ownerAdmin', { method: 'POST', url: `/api/prompt-templates/${id}/restore` }))
          .statusCode,
        200,
      );
      const log = (await call('ownerAdmin', { method: 'GET', url: '/api/audit-log' })).json();
      const actions = log.items
        .filter((entry: { target_id: string }) => entry.target_id === id)
        .map((entry: { action: string }) => entry.action);
      assert.deepEqual(actions.sort(), ['template.deleted', 'template.restored']);
      const actor = log.items.find((entry: { target_id: string }) => entry.target_id === id).actor;
      assert.notEqual(actor, 'anonymous');
      const strangerLog = (
        await call('strangerAdmin', { method: 'GET', url: '/api/audit-log' })
      ).json();
      assert.ok(!JSON.stringify(strangerLog).includes(id));
    });
  });
}
