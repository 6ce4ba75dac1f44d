import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { systemRuntime, type RuntimeDeps } from '../core/runtime-deps.ts';
import { loadConfig } from '../config/load-config.ts';
import { noopMetrics } from '../metrics/metrics.ts';
import { createServices } from '../services.ts';
import { buildTestApp, type TestApp } from '../../test/helpers/build-test-app.ts';
import { createTemplate } from '../../test/helpers/create-template.ts';
import { testDialects } from '../../test/helpers/test-databases.ts';

// Real database and services, fake providers, a clock the test moves. The scheduler loop is off
// (PROMPTER_SCHEDULER_INTERVAL_MS=0): the test calls fireDueSchedules itself, from several
// independent service instances at once, as several servers and workers would.
for (const dialect of testDialects) {
  describe(`schedules [${dialect.name}]`, { skip: dialect.skipReason }, () => {
    let now = new Date('2026-12-01T08:00:30.000Z');
    const clock: RuntimeDeps = { now: () => new Date(now), newId: () => systemRuntime.newId() };
    let testApp: TestApp;
    before(async () => {
      testApp = await buildTestApp(dialect, {
        runtime: clock,
        environment: { PROMPTER_SCHEDULER_INTERVAL_MS: '0' },
      });
    });
    after(() => testApp.close());

    const call = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
      testApp.app.inject({ method, url, ...(payload === undefined ? {} : { payload }) });

    async function schedulers(count: number) {
      const config = loadConfig({ LOG_LEVEL: 'silent', PROMPTER_SCHEDULER_INTERVAL_MS: '0' });
      return Promise.all(
        Array.from({ length: count }, () =>
          createServices({
            config,
            database: testApp.database,
            runtime: clock,
            metrics: noopMetrics,
            redis: null,
          }),
        ),
      );
    }

    it('creates, previews the next runs in the time zone, pauses, resumes and deletes', async () => {
      const template = await createTemplate(testApp.app, { user_prompt_template: 'Weekly check' });
      const created = await call('POST', '/api/schedules', {
        template_id: template.id,
        cron: '0 9 * * 1-5',
        timezone: 'Europe/Berlin',
        batch: { samples: 2 },
      });
      assert.equal(created.statusCode, 201, created.body);
      const schedule = created.json();
      // 2026-12-01 is a Tuesday; 09:00 in Berlin (winter) is 08:00Z, already past at 08:00:30Z.
      assert.equal(schedule.next_run_at, '2026-12-02T08:00:00.000Z');
      assert.deepEqual(schedule.next_runs.slice(0, 4), [
        '2026-12-02T08:00:00.000Z',
        '2026-12-03T08:00:00.000Z',
        '2026-12-04T08:00:00.000Z',
        '2026-12-07T08:00:00.000Z',
      ]);

      const paused = (await call('POST', `/api/schedules/${schedule.id}/pause`)).json();
      assert.equal(paused.enabled, false);
      assert.equal(paused.next_run_at, null);
      assert.deepEqual(paused.next_runs, []);
      const resumed = (await call('POST', `/api/schedules/${schedule.id}/resume`)).json();
      assert.equal(resumed.enabled, true);
      assert.equal(resumed.next_run_at, '2026-12-02T08:00:00.000Z');

      const changed = await call('PATCH', `/api/schedules/${schedule.id}`, {
        cron: '30 7 * * *',
        timezone: 'UTC',
      });
      assert.equal(changed.statusCode, 200, changed.body);
      assert.equal(changed.json().next_run_at, '2026-12-02T07:30:00.000Z');

      const listed = (await call('GET', `/api/schedules?template_id=${template.id}`)).json();
      assert.deepEqual(
        listed.items.map((item: { id: string }) => item.id),
        [schedule.id],
      );
      assert.equal((await call('DELETE', `/api/schedules/${schedule.id}`)).statusCode, 204);
      assert.equal((await call('GET', `/api/schedules/${schedule.id}`)).statusCode, 404);
    });

    it('fires each tick once however many schedulers look, and never catches up a burst', async () => {
      const template = await createTemplate(testApp.app, {
        user_prompt_template: 'Hourly check',
        country_set: [],
      });
      const schedule = (
        await call('POST', '/api/schedules', {
          template_id: template.id,
          cron: '0 * * * *',
          batch: {},
        })
      ).json();
      assert.equal(schedule.next_run_at, '2026-12-01T09:00:00.000Z');
      const lookers = await schedulers(5);
      const look = () =>
        Promise.all(lookers.map((services) => services.schedules.fireDueSchedules()));

      now = new Date('2026-12-01T08:59:59.000Z');
      assert.deepEqual(
        (await look()).reduce((sum, report) => sum + report.fired, 0),
        0,
        'nothing due before the tick',
      );

      now = new Date('2026-12-01T09:00:05.000Z');
      const reports = await look();
      const batches = (await call('GET', `/api/batches?template_id=${template.id}`)).json().items;
      assert.equal(batches.length, 1, `one batch for the tick, reports ${JSON.stringify(reports)}`);
      assert.equal(batches[0].schedule_id, schedule.id);

      // Down from 09:00 to 14:10: five ticks passed; one batch runs, four are recorded as missed.
      now = new Date('2026-12-01T14:10:00.000Z');
      await look();
      await look();
      const after = (await call('GET', `/api/batches?template_id=${template.id}`)).json().items;
      assert.equal(after.length, 2, 'one run after downtime, not a burst');
      const ticks = (await call('GET', `/api/schedules/${schedule.id}/ticks`)).json().items;
      assert.deepEqual(
        ticks.map(
          (tick: { tick_at: string; status: string }) =>
            `${tick.tick_at.slice(11, 16)} ${tick.status}`,
        ),
        [
          '14:00 fired',
          '13:00 missed',
          '12:00 missed',
          '11:00 missed',
          '10:00 missed',
          '09:00 fired',
        ],
      );
      const current = (await call('GET', `/api/schedules/${schedule.id}`)).json();
      assert.equal(current.last_run_at, '2026-12-01T14:10:00.000Z');
      assert.equal(current.next_run_at, '2026-12-01T15:00:00.000Z');
    });

    it('records a tick over budget as skipped, with the reason', async () => {
      now = new Date('2026-12-01T15:00:30.000Z');
      const template = await createTemplate(testApp.app, {
        org_id: 'thrifty',
        user_prompt_template: 'Budgeted schedule',
        country_set: [],
      });
      await call('POST', '/api/schedules', {
        org_id: 'thrifty',
        template_id: template.id,
        cron: '*/30 * * * *',
        batch: { samples: 5 },
      });
      const put = await testApp.app.inject({
        method: 'PUT',
        url: '/api/budgets',
        payload: { org_id: 'thrifty', monthly_calls: 3, monthly_cost_usd: null },
      });
      assert.equal(put.statusCode, 200, put.body);
      now = new Date('2026-12-01T15:30:01.000Z');
      const [looker] = await schedulers(1);
      const report = await looker?.schedules.fireDueSchedules();
      assert.equal(report?.skipped, 1);
      const schedules = (await call('GET', '/api/schedules?org_id=thrifty')).json().items;
      const ticks = (await call('GET', `/api/schedules/${schedules[0].id}/ticks`)).json().items;
      assert.equal(ticks[0].status, 'skipped');
      assert.match(ticks[0].reason, /BUDGET_EXCEEDED: .*5 calls estimated, 3 of 3 left/);
      assert.equal((await call('GET', `/api/batches?org_id=thrifty`)).json().items.length, 0);
    });
  });
}
