import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildTestApp, type TestApp } from '../../test/helpers/build-test-app.ts';
import { createTemplate } from '../../test/helpers/create-template.ts';
import { testDialects } from '../../test/helpers/test-databases.ts';

// Real database and services; one run against the fake providers.
for (const dialect of testDialects) {
  describe(
    `GET …/results?from&to date filters [${dialect.name}]`,
    { skip: dialect.skipReason },
    () => {
      let testApp: TestApp;
      let templateId: string;
      before(async () => {
        testApp = await buildTestApp(dialect);
        templateId = (await createTemplate(testApp.app)).id;
        const run = await testApp.app.inject({
          method: 'POST',
          url: `/api/prompt-templates/${templateId}/run`,
          payload: { country: 'US' },
        });
        assert.equal(run.statusCode, 200, run.body);
      });
      after(() => testApp.close());

      const get = (path: string, query: string) =>
        testApp.app.inject({ url: `/api/prompt-templates/${templateId}/${path}?${query}` });

      it('impossible dates and instants past 9999 are a 422 naming the parameter', async () => {
        for (const path of ['results', 'results/export']) {
          for (const [name, value] of [
            ['from', '2026-02-30'],
            ['to', '2025-02-29T10:00:00Z'],
            ['from', '2026-01-01T24:00:00Z'],
            ['to', '9999-12-31T23:00:00-05:00'],
            ['from', '+010000-01-01T00:00:00Z'],
          ] as const) {
            const response = await get(path, `${name}=${encodeURIComponent(value)}`);
            assert.equal(response.statusCode, 422, `${path} ${name}=${value}: ${response.body}`);
            const [issue] = response.json().detail;
            assert.deepEqual(issue.loc, ['query', name]);
            assert.equal(issue.type, 'datetime_parsing');
          }
        }
      });

      it('real dates at the edges still filter', async () => {
        const all = await get('results', 'from=0001-01-01&to=9999-12-31T23:59:59.999Z');
        assert.equal(all.statusCode, 200, all.body);
        assert.equal(all.json().items.length, 1);
        const none = await get('results', `to=${encodeURIComponent('2000-02-29T00:00:00+01:00')}`);
        assert.equal(none.json().items.length, 0);
      });
    },
  );
}
