import assert from 'node:assert/strict';
import type { InjectOptions } from 'fastify';
import { after, before, describe, it } from 'node:test';
import { buildTestApp, type TestApp } from '../../test/helpers/build-test-app.ts';
import { templateBody, uniqueWorkspace } from '../../test/helpers/template-bodies.ts';
import { testDialects } from '../../test/helpers/test-databases.ts';

const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

for (const dialect of testDialects) {
  describe(`templates API, happy paths [${dialect.name}]`, { skip: dialect.skipReason }, () => {
    let testApp: TestApp;
    before(async () => {
      testApp = await buildTestApp(dialect);
    });
    after(() => testApp.close());

    const inject = (options: InjectOptions) => testApp.app.inject(options);
    const create = (body: Record<string, unknown>) =>
      inject({ method: 'POST', url: '/api/prompt-templates', payload: body });

    describe('POST /api/prompt-templates', () => {
      it('creates a template in the default org with a v7 id, hash and UTC timestamp', async () => {
        const body = templateBody();
        const response = await create(body);
        assert.equal(response.statusCode, 201);
        const template = response.json();
        assert.match(template.id, UUID_V7);
        assert.equal(template.org_id, 'default');
        assert.equal(template.workspace_id, body['workspace_id']);
        assert.match(template.config_hash, /^[0-9a-f]{64}$/);
        assert.match(template.created_at, ISO_UTC);
        assert.equal(template.deleted_at, null);
        assert.deepEqual(template.inference_params, { temperature: 0.7, max_tokens: 128 });
        assert.deepEqual(template.country_set, ['US', 'GB']);
        assert.equal(
          template.config_canonical_json,
          '{"system_instructions":"Be concise.","user_prompt_template":"List top 10 longevity supplement brands in {{country}}.","country_set":["GB","US"],"model_id":"gpt-4o","inference_params":{"max_tokens":128,"temperature":0.7},"tools_spec":[],"response_format":{"type":"text"},"grounding_profile_id":null,"grounding_snapshot_id":null,"retrieval_params":{},"preprocess_pipeline_id":null,"postprocess_pipeline_id":null}',
        );
      });

      it('keeps number lexemes: temperature 1 and 1.0 are different templates', async () => {
        const workspace = uniqueWorkspace();
        const asInteger = await inject({
          method: 'POST',
          url: '/api/prompt-templates',
          headers: { 'content-type': 'application/json' },
          payload: `{"workspace_id":"${workspace}","name":"a","user_prompt_template":"x","model_id":"gpt-4o","inference_params":{"temperature":1}}`,
        });
        const asFloat = await inject({
          method: 'POST',
          url: '/api/prompt-templates',
          headers: { 'content-type': 'application/json' },
          payload: `{"workspace_id":"${workspace}","name":"b","user_prompt_template":"x","model_id":"gpt-4o","inference_params":{"temperature":1.0}}`,
        });
        assert.equal(asInteger.statusCode, 201);
        assert.equal(asFloat.statusCode, 201);
        assert.notEqual(asInteger.json().config_hash, asFloat.json().config_hash);
        assert.match(asFloat.json().config_canonical_json, /"temperature":1\.0/);
      });

      it('scopes identity by org and workspace: the same config in another workspace is new', async () => {
        const body = templateBody();
        assert.equal((await create(body)).statusCode, 201);
        assert.equal((await create({ ...body, workspace_id: uniqueWorkspace() })).statusCode, 201);
        assert.equal((await create({ ...body, org_id: 'acme' })).statusCode, 201);
      });

      it('round-trips JSON fields, unicode and 20-digit integers identically', async () => {
        const body = templateBody({
          user_prompt_template: 'Was ist AVEA in Zürich? 🦄',
          inference_params: { seed: 42, nested: { list: [1, 'two', null, true] } },
          tools_spec: [{ type: 'function', name: 'lookup', parameters: { type: 'object' } }],
          retrieval_params: { k: 5, min_score: 0.25 },
        });
        const created = (await create(body)).json();
        const fetched = (
          await inject({ method: 'GET', url: `/api/prompt-templates/${created.id}` })
        ).json();
        assert.deepEqual(fetched, created);
        assert.equal(fetched.user_prompt_template, 'Was ist AVEA in Zürich? 🦄');
        assert.deepEqual(fetched.tools_spec, body['tools_spec']);
        assert.deepEqual(fetched.retrieval_params, { k: 5, min_score: 0.25 });
      });
    });

    describe('POST /api/prompt-templates/check-duplicate', () => {
      it('reports no match, then the twin after create, with the same hash, writing nothing', async () => {
        const body = templateBody();
        const { name: _name, ...withoutName } = body;
        const before = await inject({
          method: 'POST',
          url: '/api/prompt-templates/check-duplicate',
          payload: withoutName,
        });
        assert.equal(before.statusCode, 200);
        assert.equal(before.json().exact_match, false);
        assert.equal(before.json().template_id, null);
        const listAfterCheck = await inject({
          method: 'GET',
          url: `/api/prompt-templates?workspace_id=${body['workspace_id'] as string}`,
        });
        assert.equal(listAfterCheck.json().items.length, 0, 'check-duplicate must not write');

        const created = (await create(body)).json();
        const afterCreate = (
          await inject({
            method: 'POST',
            url: '/api/prompt-templates/check-duplicate',
            payload: body,
          })
        ).json();
        assert.deepEqual(afterCreate, {
          exact_match: true,
          template_id: created.id,
          config_hash: created.config_hash,
        });
        assert.equal(before.json().config_hash, created.config_hash);
      });
    });

    describe('GET /api/prompt-templates', () => {
      it('lists newest first with cursor pagination and no duplicates or gaps', async () => {
        const workspace = uniqueWorkspace();
        const ids: string[] = [];
        for (let index = 0; index < 7; index += 1) {
          const response = await create(
            templateBody({ workspace_id: workspace, user_prompt_template: `prompt ${index}` }),
          );
          ids.push(response.json().id);
        }
        const seen: string[] = [];
        let cursor: string | null = null;
        let pages = 0;
        do {
          const query: string = `workspace_id=${workspace}&limit=3${cursor ? `&cursor=${cursor}` : ''}`;
          const page = (
            await inject({ method: 'GET', url: `/api/prompt-templates?${query}` })
          ).json();
          seen.push(...page.items.map((item: { id: string }) => item.id));
          cursor = page.next_cursor;
          pages += 1;
        } while (cursor !== null);
        assert.equal(pages, 3);
        assert.deepEqual(seen, [...ids].reverse());
      });

      it('filters by org and hides deleted templates unless include_deleted=true', async () => {
        const workspace = uniqueWorkspace();
        const kept = (
          await create(templateBody({ workspace_id: workspace, org_id: 'org-a' }))
        ).json();
        const gone = (
          await create(
            templateBody({
              workspace_id: workspace,
              org_id: 'org-a',
              name: 'other',
              model_id: 'gpt-4o-mini',
            }),
          )
        ).json();
        await create(templateBody({ workspace_id: workspace, org_id: 'org-b' }));
        await inject({ method: 'DELETE', url: `/api/prompt-templates/${gone.id}` });

        const base = `/api/prompt-templates?org_id=org-a&workspace_id=${workspace}`;
        const active = (await inject({ method: 'GET', url: base })).json();
        assert.deepEqual(
          active.items.map((item: { id: string }) => item.id),
          [kept.id],
        );
        const all = (await inject({ method: 'GET', url: `${base}&include_deleted=true` })).json();
        assert.deepEqual(
          all.items.map((item: { id: string }) => item.id),
          [gone.id, kept.id],
        );
      });
    });

    describe('DELETE and restore', () => {
      it('soft deletes (204), then allows the same config again, and restore answers 409 over it', async () => {
        const body = templateBody();
        const original = (await create(body)).json();
        const deleted = await inject({
          method: 'DELETE',
          url: `/api/prompt-templates/${original.id}`,
        });
        assert.equal(deleted.statusCode, 204);
        assert.equal(deleted.body, '');
        const fetched = (
          await inject({ method: 'GET', url: `/api/prompt-templates/${original.id}` })
        ).json();
        assert.match(fetched.deleted_at, ISO_UTC);

        const again = await create(body);
        assert.equal(again.statusCode, 201);
        const restore = await inject({
          method: 'POST',
          url: `/api/prompt-templates/${original.id}/restore`,
        });
        assert.equal(restore.statusCode, 409);
        assert.equal(restore.json().detail.code, 'TEMPLATE_EXISTS');
        assert.equal(restore.json().detail.template_id, again.json().id);

        await inject({ method: 'DELETE', url: `/api/prompt-templates/${again.json().id}` });
        const restored = await inject({
          method: 'POST',
          url: `/api/prompt-templates/${original.id}/restore`,
        });
        assert.equal(restored.statusCode, 200);
        assert.equal(restored.json().deleted_at, null);
        assert.equal(restored.json().id, original.id);
      });
    });

    describe('GET /health', () => {
      it(`answers ok with the dialect`, async () => {
        const response = await inject({ method: 'GET', url: '/health' });
        assert.equal(response.statusCode, 200);
        assert.deepEqual(response.json(), { status: 'ok', db: dialect.name });
      });
    });

    describe('GET /openapi.json', () => {
      it('documents the template routes from their schemas', async () => {
        const document = (await inject({ method: 'GET', url: '/openapi.json' })).json();
        assert.ok(document.paths['/api/prompt-templates'].post);
        assert.ok(document.paths['/api/prompt-templates/check-duplicate'].post);
        assert.ok(document.paths['/api/prompt-templates/{template_id}/restore'].post);
        const docs = await inject({ method: 'GET', url: '/docs' });
        assert.ok(docs.statusCode < 400);
      });
    });
  });
}
