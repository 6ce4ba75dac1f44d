import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildTestApp, type TestApp } from '../../test/helpers/build-test-app.ts';
import { createTemplate } from '../../test/helpers/create-template.ts';
import { testDialects } from '../../test/helpers/test-databases.ts';

// Real database and services, fake providers; the scheduler loop is off.
for (const dialect of testDialects) {
  describe(`schedules, errors [${dialect.name}]`, { skip: dialect.skipReason }, () => {
    let testApp: TestApp;
    let templateId = '';
    before(async () => {
      testApp = await buildTestApp(dialect, {
        environment: { PROMPTER_SCHEDULER_INTERVAL_MS: '0' },
      });
      templateId = (await createTemplate(testApp.app, { user_prompt_template: 'Hi {{who}}' })).id;
    });
    after(() => testApp.close());

    const create = (payload: object) =>
      testApp.app.inject({ method: 'POST', url: '/api/schedules', payload });

    it('refuses a bad cron, time zone or batch with a 422 naming it, and writes nothing', async () => {
      const cases: [object, RegExp][] = [
        [{ cron: '61 * * * *' }, /minute/],
        [{ cron: '* * * *  ' }, /./],
        [{ cron: '0 0 30 2 *' }, /never fires/],
        [{ cron: '0 * * * *', timezone: 'Mars/Olympus' }, /unknown time zone/],
        [{ cron: '0 * * * *', batch: { samples: 0 } }, /samples/],
        [{ cron: '0 * * * *', batch: {} }, /who/],
      ];
      for (const [fields, message] of cases) {
        const before = await testApp.countRows('schedules');
        const response = await create({
          template_id: templateId,
          batch: { runtime_vars: { who: 'x' } },
          ...fields,
        });
        assert.equal(response.statusCode, 422, `${JSON.stringify(fields)}: ${response.body}`);
        assert.match(response.body, message);
        assert.equal(await testApp.countRows('schedules'), before);
      }
    });

    it('unknown templates and schedules are a 404', async () => {
      const unknown = await create({
        template_id: '00000000-0000-7000-8000-000000000000',
        cron: '0 * * * *',
      });
      assert.equal(unknown.statusCode, 404);
      for (const [method, path] of [
        ['GET', ''],
        ['PATCH', ''],
        ['DELETE', ''],
        ['POST', '/pause'],
        ['POST', '/resume'],
        ['GET', '/ticks'],
      ] as const) {
        for (const id of ['00000000-0000-7000-8000-000000000000', 'nope']) {
          const response = await testApp.app.inject({
            method,
            url: `/api/schedules/${id}${path}`,
            ...(method === 'PATCH' ? { payload: {} } : {}),
          });
          assert.equal(response.statusCode, 404, `${method} ${path} ${id}`);
        }
      }
    });
  });
}
