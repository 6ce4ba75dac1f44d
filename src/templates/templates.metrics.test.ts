import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildTestApp, type TestApp } from '../../test/helpers/build-test-app.ts';
import { parsePrometheusExposition } from '../../test/helpers/parse-prometheus-exposition.ts';
import { templateBody } from '../../test/helpers/template-bodies.ts';
import { testDialects } from '../../test/helpers/test-databases.ts';

// Real: the whole app with its Prometheus metrics (read back from GET /metrics), real databases.
for (const dialect of testDialects) {
  describe(
    `POST /api/prompt-templates, dedup metrics [${dialect.name}]`,
    { skip: dialect.skipReason },
    () => {
      let testApp: TestApp;
      before(async () => {
        testApp = await buildTestApp(dialect);
      });
      after(() => testApp.close());

      /** prompter_db_unique_violation_total and prompter_db_unique_race_total for templates. */
      async function counts(): Promise<{ refused: number; races: number }> {
        const response = await testApp.app.inject({ method: 'GET', url: '/metrics' });
        const { samples } = parsePrometheusExposition(response.body);
        const value = (name: string) =>
          samples.find(
            (sample) => sample.name === name && sample.labels['table'] === 'prompt_templates',
          )?.value;
        return {
          refused: value('prompter_db_unique_violation_total') ?? NaN,
          races: value('prompter_db_unique_race_total') ?? NaN,
        };
      }

      const create = (payload: Record<string, unknown>) =>
        testApp.app.inject({ method: 'POST', url: '/api/prompt-templates', payload });

      it('counts a sequential duplicate (caught by the pre-check), not as a race', async () => {
        const before = await counts();
        const body = templateBody();
        assert.equal((await create(body)).statusCode, 201);
        assert.equal((await create({ ...body, name: 'again' })).statusCode, 409);
        assert.equal((await create({ ...body, name: 'and again' })).statusCode, 409);
        const after = await counts();
        assert.equal(after.refused - before.refused, 2);
        assert.equal(after.races - before.races, 0);
      });

      it('counts every refused concurrent duplicate once, races among them', async () => {
        const before = await counts();
        const body = templateBody();
        const responses = await Promise.all(
          Array.from({ length: 20 }, (_, index) => create({ ...body, name: `attempt ${index}` })),
        );
        const conflicts = responses.filter((response) => response.statusCode === 409).length;
        assert.equal(conflicts, 19);
        const after = await counts();
        assert.equal(after.refused - before.refused, 19);
        assert.ok(after.races - before.races <= 19, `races ${after.races - before.races}`);
      });

      it('does not count a check-duplicate, which writes nothing', async () => {
        const body = templateBody();
        assert.equal((await create(body)).statusCode, 201);
        const before = await counts();
        const check = await testApp.app.inject({
          method: 'POST',
          url: '/api/prompt-templates/check-duplicate',
          payload: body,
        });
        assert.equal(check.json().exact_match, true);
        assert.deepEqual(await counts(), before);
      });
    },
  );
}
