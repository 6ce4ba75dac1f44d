import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildTestApp, type TestApp } from '../../test/helpers/build-test-app.ts';
import { templateBody } from '../../test/helpers/template-bodies.ts';
import { testDialects } from '../../test/helpers/test-databases.ts';

// Real databases on both sides (PostgreSQL from PROMPTER_TEST_PG_URL with a pool of 20, so the
// restores truly race); the whole app through `inject`, fake providers unused.
const CYCLES = 20;
const PARALLEL = 10;

for (const dialect of testDialects) {
  describe(`concurrent delete and restore [${dialect.name}]`, { skip: dialect.skipReason }, () => {
    let testApp: TestApp;
    before(async () => {
      testApp = await buildTestApp(dialect);
    });
    after(() => testApp.close());

    async function auditActions(templateId: string): Promise<string[]> {
      const rows = await testApp.database.db
        .selectFrom('audit_log')
        .select('action')
        .where('target_id', '=', templateId)
        .execute();
      return rows.map((row) => row.action);
    }

    it(`${CYCLES} cycles of ${PARALLEL} parallel deletes then ${PARALLEL} parallel restores record each change once`, async () => {
      const body = templateBody({ workspace_id: `ws-restore-${dialect.name}-${Date.now()}` });
      const created = await testApp.app.inject({
        method: 'POST',
        url: '/api/prompt-templates',
        payload: body,
      });
      assert.equal(created.statusCode, 201, created.body);
      const id = created.json().id as string;
      for (let cycle = 0; cycle < CYCLES; cycle += 1) {
        const deletes = await Promise.all(
          Array.from({ length: PARALLEL }, () =>
            testApp.app.inject({ method: 'DELETE', url: `/api/prompt-templates/${id}` }),
          ),
        );
        const deleteStatuses = deletes.map((response) => response.statusCode).sort();
        assert.deepEqual(deleteStatuses, [204, ...Array<number>(PARALLEL - 1).fill(404)]);
        const restores = await Promise.all(
          Array.from({ length: PARALLEL }, () =>
            testApp.app.inject({ method: 'POST', url: `/api/prompt-templates/${id}/restore` }),
          ),
        );
        for (const response of restores) {
          assert.equal(response.statusCode, 200, response.body);
          assert.equal(response.json().deleted_at, null);
        }
      }
      const actions = await auditActions(id);
      assert.equal(actions.filter((action) => action === 'template.restored').length, CYCLES);
      assert.equal(actions.filter((action) => action === 'template.deleted').length, CYCLES);
    });
  });
}
