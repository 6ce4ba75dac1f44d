import assert from 'node:assert/strict';
import type { InjectOptions } from 'fastify';
import { after, before, describe, it } from 'node:test';
import { buildTestApp, type TestApp } from '../../test/helpers/build-test-app.ts';
import { templateBody } from '../../test/helpers/template-bodies.ts';
import { testDialects } from '../../test/helpers/test-databases.ts';

for (const dialect of testDialects) {
  describe(`templates API, errors [${dialect.name}]`, { skip: dialect.skipReason }, () => {
    let testApp: TestApp;
    before(async () => {
      testApp = await buildTestApp(dialect, { environment: { PROMPTER_BODY_LIMIT_BYTES: '4096' } });
    });
    after(() => testApp.close());

    /** Sends a request that must be rejected, and proves it wrote nothing. */
    async function rejected(options: InjectOptions) {
      const rowsBefore = await testApp.countRows('prompt_templates');
      const response = await testApp.app.inject(options);
      assert.equal(
        await testApp.countRows('prompt_templates'),
        rowsBefore,
        'a rejected request wrote',
      );
      assert.ok(
        response.statusCode >= 400 && response.statusCode < 500,
        `got ${response.statusCode}`,
      );
      return response;
    }
    const postRaw = (payload: string | Buffer, url = '/api/prompt-templates') =>
      rejected({ method: 'POST', url, headers: { 'content-type': 'application/json' }, payload });

    describe('POST /api/prompt-templates', () => {
      it('answers 409 TEMPLATE_EXISTS naming the active twin', async () => {
        const body = templateBody();
        const first = await testApp.app.inject({
          method: 'POST',
          url: '/api/prompt-templates',
          payload: body,
        });
        // Whitespace runs, case and order of countries do not change the identity.
        const twin = {
          ...body,
          name: 'renamed',
          country_set: [' gb ', 'us', 'UK'],
          system_instructions: '  Be   concise.\t',
        };
        const response = await rejected({
          method: 'POST',
          url: '/api/prompt-templates',
          payload: twin,
        });
        assert.equal(response.statusCode, 409);
        assert.deepEqual(response.json(), {
          detail: {
            code: 'TEMPLATE_EXISTS',
            template_id: first.json().id,
            message: 'An identical prompt configuration already exists for this workspace.',
          },
        });
      });

      it('answers 422 with field paths for missing and wrongly typed fields', async () => {
        const response = await rejected({
          method: 'POST',
          url: '/api/prompt-templates',
          payload: { workspace_id: 'ws', name: 5, country_set: ['US', 7], inference_params: [] },
        });
        assert.equal(response.statusCode, 422);
        const locations = response
          .json()
          .detail.map((issue: { loc: unknown[] }) => issue.loc.join('.'));
        for (const expected of [
          'body.name',
          'body.user_prompt_template',
          'body.model_id',
          'body.country_set.1',
          'body.inference_params',
        ]) {
          assert.ok(
            locations.includes(expected),
            `${expected} missing from ${locations.join(', ')}`,
          );
        }
        for (const issue of response.json().detail) {
          assert.equal(typeof issue.msg, 'string');
          assert.equal(typeof issue.type, 'string');
        }
      });

      it('answers 422 for a body that is not an object (null, array, number, string)', async () => {
        for (const payload of ['null', '[]', '42', '"text"']) {
          const response = await postRaw(payload);
          assert.equal(response.statusCode, 422, payload);
          assert.deepEqual(response.json().detail[0].loc, ['body']);
        }
      });

      it('answers 422 for an unknown provider and an over-long workspace id', async () => {
        const badProvider = await rejected({
          method: 'POST',
          url: '/api/prompt-templates',
          payload: templateBody({ provider: 'mistral' }),
        });
        assert.equal(badProvider.statusCode, 422);
        assert.deepEqual(badProvider.json().detail[0].loc, ['body', 'provider']);
        const longWorkspace = await rejected({
          method: 'POST',
          url: '/api/prompt-templates',
          payload: templateBody({ workspace_id: 'w'.repeat(201) }),
        });
        assert.equal(longWorkspace.statusCode, 422);
      });

      it('answers 400 for malformed JSON and for a body that is not UTF-8', async () => {
        const malformed = await postRaw('{"workspace_id": "ws",');
        assert.equal(malformed.statusCode, 400);
        assert.equal(malformed.json().detail.code, 'MALFORMED_JSON');
        const notUtf8 = await postRaw(
          Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]),
        );
        assert.equal(notUtf8.statusCode, 400);
        assert.match(notUtf8.json().detail.message, /UTF-8/);
        const nanToken = await postRaw('{"inference_params": {"temperature": NaN}}');
        assert.equal(nanToken.statusCode, 400);
      });

      it('answers 422 for what cannot be hashed or stored: lone surrogates, 1e400, NUL', async () => {
        const base = JSON.stringify(templateBody()).slice(0, -1);
        const loneSurrogate = await postRaw(`${base},"user_prompt_template":"bad \\ud800 text"}`);
        assert.equal(loneSurrogate.statusCode, 422);
        assert.deepEqual(loneSurrogate.json().detail[0].loc, ['body', 'user_prompt_template']);
        const infinite = await postRaw(`${base},"inference_params":{"temperature":1e400}}`);
        assert.equal(infinite.statusCode, 422);
        assert.deepEqual(infinite.json().detail[0].loc, [
          'body',
          'inference_params',
          'temperature',
        ]);
        const nul = await postRaw(`${base},"name":"a\\u0000b"}`);
        assert.equal(nul.statusCode, 422);
        assert.deepEqual(nul.json().detail[0].loc, ['body', 'name']);
      });

      it('answers 413 for a body over the configured limit', async () => {
        const response = await rejected({
          method: 'POST',
          url: '/api/prompt-templates',
          payload: templateBody({ user_prompt_template: 'x'.repeat(5000) }),
        });
        assert.equal(response.statusCode, 413);
        assert.equal(response.json().detail.code, 'PAYLOAD_TOO_LARGE');
      });

      it('answers 415 for a body that is not JSON', async () => {
        const response = await rejected({
          method: 'POST',
          url: '/api/prompt-templates',
          headers: { 'content-type': 'text/plain' },
          payload: 'hello',
        });
        assert.equal(response.statusCode, 415);
      });
    });

    describe('GET, DELETE, restore with bad ids', () => {
      const unknownId = '01900000-0000-7000-8000-000000000000';
      for (const id of [unknownId, 'not-a-uuid', "1' or '1'='1", '%00', 'x'.repeat(300)]) {
        it(`answers 404 for id ${JSON.stringify(id.slice(0, 20))}`, async () => {
          const path = `/api/prompt-templates/${encodeURIComponent(id)}`;
          for (const [method, url] of [
            ['GET', path],
            ['DELETE', path],
            ['POST', `${path}/restore`],
          ] as const) {
            const response = await rejected({ method, url });
            assert.equal(response.statusCode, 404, `${method} ${url}`);
            assert.equal(typeof response.json().detail, 'string');
          }
        });
      }

      it('answers 404 when deleting an already deleted template', async () => {
        const created = await testApp.app.inject({
          method: 'POST',
          url: '/api/prompt-templates',
          payload: templateBody(),
        });
        const url = `/api/prompt-templates/${created.json().id}`;
        assert.equal((await testApp.app.inject({ method: 'DELETE', url })).statusCode, 204);
        assert.equal((await rejected({ method: 'DELETE', url })).statusCode, 404);
      });
    });

    describe('GET /api/prompt-templates', () => {
      it('answers 422 for a bad limit and a forged cursor', async () => {
        for (const query of [
          'limit=0',
          'limit=501',
          'limit=ten',
          'cursor=not-a-cursor',
          'include_deleted=maybe',
        ]) {
          const response = await rejected({ method: 'GET', url: `/api/prompt-templates?${query}` });
          assert.equal(response.statusCode, 422, query);
        }
      });
    });

    it('answers 404 with a JSON detail for unknown routes', async () => {
      const response = await rejected({ method: 'GET', url: '/api/nothing-here' });
      assert.equal(response.statusCode, 404);
      assert.match(response.json().detail, /Not Found/);
    });
  });
}
