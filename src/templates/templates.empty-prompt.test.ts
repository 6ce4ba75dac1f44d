import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildTestApp, type TestApp } from '../../test/helpers/build-test-app.ts';
import { templateBody } from '../../test/helpers/template-bodies.ts';
import { testDialects } from '../../test/helpers/test-databases.ts';

// The whole app on a real database per dialect; fake providers (unused). "" and a prompt of
// whitespace only canonicalise to the same "", so the API treats them alike: a 422 saying the
// prompt is empty (docs/decisions/2026-12-01-empty-prompts.md).
const EMPTY_PROMPTS = ['', '   ', '\t\r\n ', '\u3000\u2028', '\u001c '];

for (const dialect of testDialects) {
  describe(`empty prompts [${dialect.name}]`, { skip: dialect.skipReason }, () => {
    let testApp: TestApp;
    before(async () => {
      testApp = await buildTestApp(dialect);
    });
    after(() => testApp.close());

    for (const url of ['/api/prompt-templates', '/api/prompt-templates/check-duplicate']) {
      for (const prompt of EMPTY_PROMPTS) {
        it(`POST ${url} answers 422 "the prompt is empty" for ${JSON.stringify(prompt)}`, async () => {
          const rowsBefore = await testApp.countRows('prompt_templates');
          const response = await testApp.app.inject({
            method: 'POST',
            url,
            payload: templateBody({ user_prompt_template: prompt }),
          });
          assert.equal(response.statusCode, 422, response.body);
          const issues = response.json().detail as { loc: string[]; msg: string; type: string }[];
          assert.deepEqual(
            issues.map((issue) => issue.loc),
            [['body', 'user_prompt_template']],
          );
          assert.match(issues[0]?.msg ?? '', /prompt is empty/);
          assert.equal(await testApp.countRows('prompt_templates'), rowsBefore);
        });
      }
    }

    it('still accepts a prompt with text around whitespace', async () => {
      const response = await testApp.app.inject({
        method: 'POST',
        url: '/api/prompt-templates',
        payload: templateBody({ user_prompt_template: '  x  ' }),
      });
      assert.equal(response.statusCode, 201, response.body);
    });
  });
}
