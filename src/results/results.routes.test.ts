import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildTestApp, type TestApp } from '../../test/helpers/build-test-app.ts';
import { createTemplate } from '../../test/helpers/create-template.ts';
import { testDialects } from '../../test/helpers/test-databases.ts';
import { CSV_COLUMNS, escapeCsvCell } from './results-export.ts';

// Real database and services; results come from runs against the fake providers.
for (const dialect of testDialects) {
  describe(`reading the audit trail [${dialect.name}]`, { skip: dialect.skipReason }, () => {
    let testApp: TestApp;
    let templateId: string;
    const runIds: string[] = [];
    before(async () => {
      testApp = await buildTestApp(dialect);
      templateId = (
        await createTemplate(testApp.app, { user_prompt_template: 'Best brands in {{country}}' })
      ).id;
      for (const [index, country] of ['US', 'GB', 'US', 'DE', 'US'].entries()) {
        const response = await testApp.app.inject({
          method: 'POST',
          url: `/api/prompt-templates/${templateId}/run`,
          payload: { country, runtime_vars: { note: `run ${index}, "quoted"` } },
        });
        runIds.push(response.json().result_id);
      }
      const failed = await testApp.app.inject({
        method: 'POST',
        url: `/api/prompt-templates/${templateId}/run`,
        payload: { country: 'US', rendered_prompt: '=cmd [[fake-fault:server_error]]' },
      });
      runIds.push(failed.json().detail.result_id);
    });
    after(() => testApp.close());

    const get = (url: string) => testApp.app.inject({ method: 'GET', url });

    it('GET /{id}/results pages newest first through every result', async () => {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { items: { id: string }[]; next_cursor: string | null } = (
          await get(
            `/api/prompt-templates/${templateId}/results?limit=4${cursor ? `&cursor=${cursor}` : ''}`,
          )
        ).json();
        seen.push(...page.items.map((item) => item.id));
        cursor = page.next_cursor;
      } while (cursor !== null);
      assert.deepEqual(seen, [...runIds].reverse());
    });

    it('filters by country, status, version and time range', async () => {
      const byCountry = (
        await get(`/api/prompt-templates/${templateId}/results?country=US`)
      ).json();
      assert.equal(byCountry.items.length, 4);
      const failed = (
        await get(`/api/prompt-templates/${templateId}/results?status=failed`)
      ).json();
      assert.deepEqual(
        failed.items.map((item: { id: string }) => item.id),
        [runIds.at(-1)],
      );
      const versionId = (await get(`/api/prompt-results/${runIds[0]}`)).json().version_id;
      const byVersion = (
        await get(`/api/prompt-templates/${templateId}/results?version_id=${versionId}`)
      ).json();
      assert.equal(byVersion.items.length, 5);
      const future = (
        await get(`/api/prompt-templates/${templateId}/results?from=2999-01-01`)
      ).json();
      assert.equal(future.items.length, 0);
      const past = (
        await get(`/api/prompt-templates/${templateId}/results?to=2000-01-01T00:00:00Z`)
      ).json();
      assert.equal(past.items.length, 0);
      const all = (
        await get(`/api/prompt-templates/${templateId}/results?from=2000-01-01&to=2999-01-01`)
      ).json();
      assert.equal(all.items.length, 6);
    });

    it('rejects bad filters with 422 and unknown ids with 404', async () => {
      for (const query of ['from=yesterday', 'status=maybe', 'limit=0', 'cursor=xyz']) {
        assert.equal(
          (await get(`/api/prompt-templates/${templateId}/results?${query}`)).statusCode,
          422,
          query,
        );
      }
      assert.equal(
        (await get('/api/prompt-templates/01900000-0000-7000-8000-000000000000/results'))
          .statusCode,
        404,
      );
      assert.equal((await get('/api/prompt-templates/not-an-id/results/export')).statusCode, 404);
      assert.equal(
        (await get('/api/prompt-results/01900000-0000-7000-8000-000000000000')).statusCode,
        404,
      );
      assert.equal((await get('/api/prompt-results/../../etc/passwd')).statusCode, 404);
    });

    it('exports JSON Lines: one full record per result, oldest first', async () => {
      const response = await get(`/api/prompt-templates/${templateId}/results/export?format=jsonl`);
      assert.equal(response.statusCode, 200);
      assert.match(response.headers['content-type'] as string, /application\/x-ndjson/);
      const lines = response.body
        .trimEnd()
        .split('\n')
        .map((line) => JSON.parse(line));
      assert.deepEqual(
        lines.map((line) => line.id),
        runIds,
      );
      // Every line is the record GET /api/prompt-results/{id} answers, failed runs included.
      for (const line of lines) {
        assert.deepEqual(line, (await get(`/api/prompt-results/${line.id}`)).json());
      }
    });

    it('exports CSV with the fixed columns, quoting, and formula cells defused', async () => {
      const response = await get(
        `/api/prompt-templates/${templateId}/results/export?format=csv&country=US`,
      );
      assert.equal(response.statusCode, 200);
      assert.match(response.headers['content-type'] as string, /text\/csv/);
      assert.match(
        response.headers['content-disposition'] as string,
        /attachment; filename="results-/,
      );
      const lines = response.body.split('\r\n').filter((line) => line !== '');
      assert.equal(lines[0], CSV_COLUMNS.join(','));
      assert.equal(lines.length, 1 + 4);
      assert.ok(
        lines.some((line) => line.includes('"{""note"":')),
        'JSON cells are quoted, quotes doubled',
      );
      assert.equal(escapeCsvCell('=1+1'), "'=1+1");
      assert.equal(escapeCsvCell('a,b'), '"a,b"');
      assert.equal(escapeCsvCell(null), '');
      assert.equal(escapeCsvCell({ a: 1 }), '"{""a"":1}"');
    });
  });
}
