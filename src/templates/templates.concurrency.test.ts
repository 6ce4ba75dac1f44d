import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildTestApp, type TestApp } from '../../test/helpers/build-test-app.ts';
import { templateBody } from '../../test/helpers/template-bodies.ts';
import { testDialects } from '../../test/helpers/test-databases.ts';

// Real databases on both sides (PostgreSQL is the server from PROMPTER_TEST_PG_URL, with a pool
// of 20 connections, so the inserts truly race; never PGlite here).
for (const dialect of testDialects) {
  describe(`concurrent identical creates [${dialect.name}]`, { skip: dialect.skipReason }, () => {
    let testApp: TestApp;
    before(async () => {
      testApp = await buildTestApp(dialect);
    });
    after(() => testApp.close());

    it('fifty identical creates give one 201 and forty-nine 409s naming the winner', async () => {
      const body = templateBody();
      const responses = await Promise.all(
        Array.from({ length: 50 }, (_, index) =>
          testApp.app.inject({
            method: 'POST',
            url: '/api/prompt-templates',
            payload: { ...body, name: `attempt ${index}` },
          }),
        ),
      );
      const statuses = responses.map((response) => response.statusCode);
      assert.equal(statuses.filter((status) => status === 201).length, 1, statuses.join(','));
      assert.equal(statuses.filter((status) => status === 409).length, 49, statuses.join(','));
      const winner = responses.find((response) => response.statusCode === 201)?.json();
      for (const response of responses.filter((r) => r.statusCode === 409)) {
        assert.equal(response.json().detail.template_id, winner.id);
      }
      const listed = await testApp.app.inject({
        method: 'GET',
        url: `/api/prompt-templates?workspace_id=${body['workspace_id'] as string}`,
      });
      assert.equal(listed.json().items.length, 1);
    });

    it('fifty concurrent creates of different configs all succeed', async () => {
      const workspace = `ws-distinct-${dialect.name}-${Date.now()}`;
      const responses = await Promise.all(
        Array.from({ length: 50 }, (_, index) =>
          testApp.app.inject({
            method: 'POST',
            url: '/api/prompt-templates',
            payload: templateBody({
              workspace_id: workspace,
              user_prompt_template: `prompt ${index}`,
            }),
          }),
        ),
      );
      assert.deepEqual(new Set(responses.map((response) => response.statusCode)), new Set([201]));
    });
  });
}
