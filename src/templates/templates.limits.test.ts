import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildTestApp, type TestApp } from '../../test/helpers/build-test-app.ts';
import { templateBody } from '../../test/helpers/template-bodies.ts';
import { testDialects } from '../../test/helpers/test-databases.ts';
import { TEMPLATE_FIELD_LIMITS } from './template-field-limits.ts';

/** A JSON object whose compact form is exactly `bytes` bytes: {"pad":"xxx…"}. */
function objectOfBytes(bytes: number): Record<string, string> {
  return { pad: 'x'.repeat(bytes - '{"pad":""}'.length) };
}

/** `depth` nested objects: {"a":{"a":…{}}}. */
function nested(depth: number): Record<string, unknown> {
  let value: Record<string, unknown> = {};
  for (let level = 1; level < depth; level++) value = { a: value };
  return value;
}

// Real database and app; the fake providers are not involved.
for (const dialect of testDialects) {
  describe(`template field limits [${dialect.name}]`, { skip: dialect.skipReason }, () => {
    let testApp: TestApp;
    before(async () => {
      testApp = await buildTestApp(dialect);
    });
    after(() => testApp.close());

    async function post(url: string, body: Record<string, unknown>) {
      const rowsBefore = await testApp.countRows('prompt_templates');
      const response = await testApp.app.inject({ method: 'POST', url, payload: body });
      const rowsAfter = await testApp.countRows('prompt_templates');
      return { response, wrote: rowsAfter - rowsBefore };
    }

    for (const field of ['inference_params', 'response_format', 'retrieval_params'] as const) {
      const limit = TEMPLATE_FIELD_LIMITS[field];

      it(`POST /api/prompt-templates accepts ${field} at ${limit.maxBytes} bytes and refuses one more with a 422 naming the limit`, async () => {
        const atLimit = await post(
          '/api/prompt-templates',
          templateBody({ [field]: objectOfBytes(limit.maxBytes) }),
        );
        assert.equal(atLimit.response.statusCode, 201, atLimit.response.body);
        for (const url of ['/api/prompt-templates', '/api/prompt-templates/check-duplicate']) {
          const over = await post(
            url,
            templateBody({ [field]: objectOfBytes(limit.maxBytes + 1) }),
          );
          assert.equal(over.response.statusCode, 422, over.response.body);
          assert.equal(over.wrote, 0, 'a refused template wrote a row');
          assert.deepEqual(over.response.json(), {
            detail: [
              {
                loc: ['body', field],
                msg: `${field} is ${limit.maxBytes + 1} bytes as compact JSON; the limit is ${limit.maxBytes} bytes`,
                type: 'too_long',
              },
            ],
          });
        }
      });

      it(`POST /api/prompt-templates refuses ${field} nested deeper than ${limit.maxDepth} levels`, async () => {
        const atLimit = await post(
          '/api/prompt-templates',
          templateBody({ [field]: nested(limit.maxDepth) }),
        );
        assert.equal(atLimit.response.statusCode, 201, atLimit.response.body);
        const over = await post(
          '/api/prompt-templates',
          templateBody({ [field]: nested(limit.maxDepth + 1) }),
        );
        assert.equal(over.response.statusCode, 422, over.response.body);
        assert.equal(over.wrote, 0);
        const [issue] = over.response.json().detail;
        assert.deepEqual(issue.loc, ['body', field]);
        assert.match(issue.msg, new RegExp(`the limit is ${limit.maxDepth}$`));
      });
    }

    it('counts tools_spec as a whole, and names every field over its limit in one 422', async () => {
      const tools = Array.from({ length: 8 }, (_, index) => ({
        type: 'function',
        function: { name: `tool_${index}`, description: 'd'.repeat(9000) },
      }));
      const { response, wrote } = await post(
        '/api/prompt-templates',
        templateBody({ tools_spec: tools, inference_params: objectOfBytes(20_000) }),
      );
      assert.equal(response.statusCode, 422);
      assert.equal(wrote, 0);
      assert.deepEqual(
        response.json().detail.map((issue: { loc: string[] }) => issue.loc.join('.')),
        ['body.inference_params', 'body.tools_spec'],
      );
    });

    it('counts UTF-8 bytes, not characters', async () => {
      // 'é' is two bytes: half the characters reach the same limit.
      const limit = TEMPLATE_FIELD_LIMITS.inference_params.maxBytes;
      const { response } = await post(
        '/api/prompt-templates',
        templateBody({ inference_params: { pad: 'é'.repeat(limit / 2) } }),
      );
      assert.equal(response.statusCode, 422);
    });
  });
}
