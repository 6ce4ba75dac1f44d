import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildTestApp, type TestApp } from '../../test/helpers/build-test-app.ts';
import { createTemplate } from '../../test/helpers/create-template.ts';
import { testDialects } from '../../test/helpers/test-databases.ts';

// Real database and services, fake providers; no engine runs the cells here (they stay queued),
// so these tests see exactly what creation, estimates, listing and cancelling store.
for (const dialect of testDialects) {
  describe(`batches API, happy paths [${dialect.name}]`, { skip: dialect.skipReason }, () => {
    let testApp: TestApp;
    before(async () => {
      testApp = await buildTestApp(dialect);
    });
    after(() => testApp.close());

    const post = (url: string, payload: unknown, headers: Record<string, string> = {}) =>
      testApp.app.inject({ method: 'POST', url, payload: payload as object, headers });
    const get = (url: string) => testApp.app.inject({ method: 'GET', url });

    it('stores one cell per country × model × sample before anything runs', async () => {
      const template = await createTemplate(testApp.app, {
        user_prompt_template: 'Best {{category}} in {{country}}?',
        model_id: 'gpt-4o',
        country_set: ['US', 'GB'],
      });
      const response = await post(`/api/prompt-templates/${template.id}/batches`, {
        countries: ['us', 'de', 'UK'],
        models: [
          'gpt-4o',
          'gemini-2.5-pro',
          { model_id: 'claude-sonnet-4', provider: 'anthropic' },
        ],
        samples: 2,
        runtime_vars: { category: 'running shoes' },
      });
      assert.equal(response.statusCode, 202, response.body);
      const batch = response.json();
      assert.equal(batch.status, 'queued');
      assert.equal(batch.total, 18);
      assert.equal(batch.pending, 18);
      assert.deepEqual(batch.countries, ['DE', 'GB', 'US']);
      assert.deepEqual(
        batch.models.map((model: { provider: string }) => model.provider),
        ['openai', 'google', 'anthropic'],
      );
      assert.equal(batch.estimate.calls, 18);
      assert.ok(batch.estimate.cost_usd > 0);
      assert.deepEqual(batch.actual, {
        calls: 0,
        prompt_tokens: 0,
        completion_tokens: 0,
        cost_usd: 0,
      });

      const cells = (await get(`/api/batches/${batch.batch_id}/cells?limit=500`)).json();
      assert.equal(cells.items.length, 18);
      assert.equal(cells.next_cursor, null);
      const coordinates = new Set(
        cells.items.map((cell: { country: string; model_id: string; sample_index: number }) =>
          [cell.country, cell.model_id, cell.sample_index].join('|'),
        ),
      );
      assert.equal(coordinates.size, 18, 'every cell is distinct');
      assert.deepEqual(
        cells.items
          .slice(0, 2)
          .map((cell: { country: string; sample_index: number }) => [
            cell.country,
            cell.sample_index,
          ]),
        [
          ['DE', 0],
          ['DE', 1],
        ],
        'matrix order: country, model, sample',
      );
      assert.equal(await testApp.countRows('batch_cells'), 18);
    });

    it("defaults to the template's countries and model; an empty set is one cell without a country", async () => {
      const withCountries = await createTemplate(testApp.app, {
        country_set: ['FR', 'IT'],
        model_id: 'gpt-4o-mini',
      });
      const first = (await post(`/api/prompt-templates/${withCountries.id}/batches`, {})).json();
      assert.deepEqual(first.countries, ['FR', 'IT']);
      assert.deepEqual(first.models, [{ model_id: 'gpt-4o-mini', provider: 'openai' }]);
      assert.equal(first.total, 2);

      const without = await createTemplate(testApp.app, {
        country_set: [],
        user_prompt_template: 'Hello there',
      });
      const second = (
        await post(`/api/prompt-templates/${without.id}/batches`, { samples: 3 })
      ).json();
      assert.deepEqual(second.countries, [null]);
      assert.equal(second.total, 3);
      const cells = (await get(`/api/batches/${second.batch_id}/cells`)).json();
      assert.ok(cells.items.every((cell: { country: unknown }) => cell.country === null));
    });

    it('a retried POST with the same Idempotency-Key answers the same batch', async () => {
      const template = await createTemplate(testApp.app, {
        user_prompt_template: 'Idempotent {{x}}',
      });
      const url = `/api/prompt-templates/${template.id}/batches`;
      const body = { runtime_vars: { x: 1 }, samples: 2 };
      const headers = { 'idempotency-key': 'retry-me-1' };
      const first = await post(url, body, headers);
      const again = await post(url, body, headers);
      assert.equal(first.statusCode, 202);
      assert.equal(again.statusCode, 200);
      assert.equal(again.json().batch_id, first.json().batch_id);

      const concurrent = await Promise.all(
        Array.from({ length: 8 }, () => post(url, body, { 'idempotency-key': 'race-1' })),
      );
      const ids = new Set(concurrent.map((response) => response.json().batch_id));
      assert.equal(ids.size, 1, 'concurrent retries make one batch');
      assert.equal(concurrent.filter((response) => response.statusCode === 202).length, 1);
    });

    it('estimates without writing', async () => {
      const template = await createTemplate(testApp.app, {
        user_prompt_template: 'x'.repeat(400),
        system_instructions: null,
        model_id: 'gpt-4o',
        inference_params: { max_tokens: 100 },
      });
      const before = await testApp.countRows('batches');
      const response = await post(`/api/prompt-templates/${template.id}/batches/estimate`, {
        countries: ['US', 'GB'],
        samples: 3,
        max_attempts: 2,
      });
      assert.equal(response.statusCode, 200, response.body);
      const estimate = response.json();
      assert.equal(estimate.cells, 6);
      assert.equal(estimate.calls, 6);
      assert.equal(estimate.max_calls, 12);
      assert.equal(estimate.prompt_tokens, 6 * 100);
      assert.equal(estimate.completion_tokens, 6 * 100);
      // gpt-4o: $2.50 per 1M input, $10 per 1M output
      assert.equal(estimate.cost_usd, (600 * 2.5 + 600 * 10) / 1_000_000);
      assert.equal(await testApp.countRows('batches'), before);
    });

    it('lists batches by template and status, pages cells, and cancels what has not started', async () => {
      const template = await createTemplate(testApp.app, {
        user_prompt_template: 'List me',
        country_set: [],
      });
      const created = [];
      for (let index = 0; index < 3; index += 1) {
        created.push(
          (await post(`/api/prompt-templates/${template.id}/batches`, { samples: 5 })).json(),
        );
      }
      const page = (await get(`/api/batches?template_id=${template.id}&limit=2`)).json();
      assert.deepEqual(
        page.items.map((batch: { batch_id: string }) => batch.batch_id),
        [created[2].batch_id, created[1].batch_id],
      );
      const rest = (
        await get(`/api/batches?template_id=${template.id}&limit=2&cursor=${page.next_cursor}`)
      ).json();
      assert.deepEqual(
        rest.items.map((batch: { batch_id: string }) => batch.batch_id),
        [created[0].batch_id],
      );
      assert.equal(rest.next_cursor, null);

      const firstCells = (await get(`/api/batches/${created[0].batch_id}/cells?limit=2`)).json();
      const nextCells = (
        await get(
          `/api/batches/${created[0].batch_id}/cells?limit=2&cursor=${firstCells.next_cursor}`,
        )
      ).json();
      assert.deepEqual(
        [...firstCells.items, ...nextCells.items].map(
          (cell: { sample_index: number }) => cell.sample_index,
        ),
        [0, 1, 2, 3],
      );

      const cancel = await post(`/api/batches/${created[0].batch_id}/cancel`, {});
      assert.equal(cancel.statusCode, 200, cancel.body);
      const cancelled = cancel.json();
      assert.equal(cancelled.status, 'cancelled');
      assert.equal(cancelled.cancelled, 5);
      assert.equal(cancelled.pending, 0);
      assert.notEqual(cancelled.finished_at, null);
      const again = (await post(`/api/batches/${created[0].batch_id}/cancel`, {})).json();
      assert.equal(again.cancelled, 5, 'cancelling twice changes nothing');

      const byStatus = (
        await get(`/api/batches?template_id=${template.id}&status=cancelled`)
      ).json();
      assert.deepEqual(
        byStatus.items.map((batch: { batch_id: string }) => batch.batch_id),
        [created[0].batch_id],
      );
      const cancelledCells = (
        await get(`/api/batches/${created[0].batch_id}/cells?status=cancelled`)
      ).json();
      assert.equal(cancelledCells.items.length, 5);
    });

    it('refuses a batch over the monthly budget, naming the numbers, and writes nothing', async () => {
      const template = await createTemplate(testApp.app, {
        org_id: 'budgeted',
        user_prompt_template: 'Budget me',
        country_set: [],
        model_id: 'gpt-4o',
      });
      const put = await testApp.app.inject({
        method: 'PUT',
        url: '/api/budgets',
        payload: { org_id: 'budgeted', monthly_calls: 10, monthly_cost_usd: null },
      });
      assert.equal(put.statusCode, 200, put.body);
      assert.deepEqual(put.json().left, { calls: 10, cost_usd: null });

      const fits = await post(`/api/prompt-templates/${template.id}/batches`, { samples: 6 });
      assert.equal(fits.statusCode, 202, fits.body);
      const budget = (await get('/api/budgets?org_id=budgeted')).json();
      assert.deepEqual(budget.reserved.calls, 6, 'the queued batch reserves its estimate');
      assert.equal(budget.left.calls, 4);

      const batchesBefore = await testApp.countRows('batches');
      const over = await post(`/api/prompt-templates/${template.id}/batches`, { samples: 5 });
      assert.equal(over.statusCode, 422, over.body);
      const detail = over.json().detail;
      assert.equal(detail.code, 'BUDGET_EXCEEDED');
      assert.match(detail.message, /5 calls estimated, 4 of 10 left/);
      assert.deepEqual(detail.left, { calls: 4, cost_usd: null });
      assert.equal(await testApp.countRows('batches'), batchesBefore);

      await post(`/api/batches/${fits.json().batch_id}/cancel`, {});
      const after = await post(`/api/prompt-templates/${template.id}/batches`, { samples: 5 });
      assert.equal(after.statusCode, 202, 'a cancelled batch no longer reserves its estimate');
    });
  });
}
