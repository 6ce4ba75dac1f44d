import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildTestApp, type TestApp } from '../../test/helpers/build-test-app.ts';
import { createTemplate } from '../../test/helpers/create-template.ts';
import { testDialects } from '../../test/helpers/test-databases.ts';

// Real database and services, fake providers. Every refusal is a 4xx in the one error shape and
// writes no batch, cell or audit row.
for (const dialect of testDialects) {
  describe(`batches API, errors [${dialect.name}]`, { skip: dialect.skipReason }, () => {
    let testApp: TestApp;
    let templateId = '';
    before(async () => {
      testApp = await buildTestApp(dialect);
      templateId = (
        await createTemplate(testApp.app, {
          user_prompt_template: 'Best {{category}} in {{country}}?',
          country_set: ['US'],
        })
      ).id;
    });
    after(() => testApp.close());

    const post = (url: string, payload: unknown, headers: Record<string, string> = {}) =>
      testApp.app.inject({ method: 'POST', url, payload: payload as object, headers });

    async function assertWritesNothing(send: () => ReturnType<typeof post>, status: number) {
      const counts = async () =>
        Promise.all([
          testApp.countRows('batches'),
          testApp.countRows('batch_cells'),
          testApp.countRows('audit_log'),
        ]);
      const before = await counts();
      const response = await send();
      assert.equal(response.statusCode, status);
      assert.deepEqual(await counts(), before, 'nothing written');
      return response;
    }

    it('unknown, malformed and deleted templates are a 404', async () => {
      for (const id of ['00000000-0000-7000-8000-000000000000', 'not-a-uuid', '%00']) {
        await assertWritesNothing(
          () => post(`/api/prompt-templates/${id}/batches`, { runtime_vars: { category: 'x' } }),
          404,
        );
      }
      const doomed = await createTemplate(testApp.app, { user_prompt_template: 'Doomed' });
      await testApp.app.inject({ method: 'DELETE', url: `/api/prompt-templates/${doomed.id}` });
      await assertWritesNothing(() => post(`/api/prompt-templates/${doomed.id}/batches`, {}), 404);
      for (const path of ['', '/cells', '/cancel']) {
        const method = path === '/cancel' ? 'POST' : 'GET';
        const response = await testApp.app.inject({
          method,
          url: `/api/batches/00000000-0000-7000-8000-000000000000${path}`,
        });
        assert.equal(response.statusCode, 404, `${method} ${path}`);
        assert.deepEqual(response.json(), { detail: 'Batch not found' });
      }
    });

    it('a missing variable is a 422 naming it, before any cell is stored', async () => {
      const response = await assertWritesNothing(
        () => post(`/api/prompt-templates/${templateId}/batches`, {}),
        422,
      );
      assert.match(response.body, /category/);
    });

    it('refuses models it cannot place and matrices over the limits', async () => {
      const url = `/api/prompt-templates/${templateId}/batches`;
      const vars = { runtime_vars: { category: 'x' } };
      const unknown = await assertWritesNothing(
        () => post(url, { ...vars, models: ['llama-3-70b'] }),
        422,
      );
      assert.match(unknown.body, /cannot tell which provider serves 'llama-3-70b'/);
      const twice = await assertWritesNothing(
        () => post(url, { ...vars, models: ['gpt-4o', 'gpt-4o'] }),
        422,
      );
      assert.match(twice.body, /listed twice/);
      const countries = Array.from({ length: 200 }, (_, index) => `C${index}`);
      const huge = await assertWritesNothing(
        () =>
          post(url, {
            ...vars,
            countries,
            models: ['gpt-4o', 'gpt-4o-mini', 'gpt-4.1'],
            samples: 20,
          }),
        422,
      );
      assert.match(huge.body, /12000 cells; at most 10000/);
      for (const body of [
        { samples: 0 },
        { samples: 101 },
        { concurrency: 0 },
        { max_attempts: 11 },
        { models: [] },
        { models: [{ model_id: 'x', provider: 'mystery' }] },
        { countries: 'US' },
      ]) {
        await assertWritesNothing(() => post(url, { ...vars, ...body }), 422);
      }
    });

    it('an Idempotency-Key reused with another body is refused, naming the first batch', async () => {
      const url = `/api/prompt-templates/${templateId}/batches`;
      const headers = { 'idempotency-key': 'reused-key' };
      const first = await post(url, { runtime_vars: { category: 'a' } }, headers);
      assert.equal(first.statusCode, 202, first.body);
      const response = await assertWritesNothing(
        () => post(url, { runtime_vars: { category: 'b' } }, headers),
        422,
      );
      const detail = response.json().detail;
      assert.equal(detail.code, 'IDEMPOTENCY_KEY_REUSED');
      assert.equal(detail.batch_id, first.json().batch_id);
      await assertWritesNothing(
        () => post(url, { runtime_vars: { category: 'a' } }, { 'idempotency-key': 'has space' }),
        422,
      );
    });

    it('bad filters and cursors are a 422', async () => {
      for (const url of [
        '/api/batches?status=done',
        '/api/batches?limit=0',
        '/api/batches?cursor=nonsense',
        `/api/batches?template_id=${'x'.repeat(3000)}`,
      ]) {
        const response = await testApp.app.inject({ method: 'GET', url });
        assert.equal(response.statusCode, 422, url);
      }
      const batch = (
        await post(`/api/prompt-templates/${templateId}/batches`, {
          runtime_vars: { category: 'z' },
        })
      ).json();
      for (const query of ['status=done', 'cursor=bm9wZQ', 'limit=501']) {
        const response = await testApp.app.inject({
          method: 'GET',
          url: `/api/batches/${batch.batch_id}/cells?${query}`,
        });
        assert.equal(response.statusCode, 422, query);
      }
    });
  });
}
