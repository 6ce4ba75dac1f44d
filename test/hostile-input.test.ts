// Hostile input at every documented route, on SQLite and PostgreSQL, with auth off and on: a clear
// 4xx with a JSON `detail`, never a 5xx, and nothing written by a rejected request (issue 5).
// Real: the whole app, its database, migrations, API keys and the fake providers. Generated: the
// routes (from /openapi.json), the inputs (test/helpers/hostile-*.ts; fast-check, fixed seed).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildTestApp } from './helpers/build-test-app.ts';
import {
  fieldCases,
  pathIdCases,
  queryCases,
  validRequest,
  wholeBodyCases,
} from './helpers/hostile-cases.ts';
import { createHostileProbe } from './helpers/hostile-probe.ts';
import {
  KNOWN_BODIES,
  SEED,
  assertNoFailures,
  corruptedBodiesProperty,
  prepareTarget,
  sweep,
  type Target,
} from './helpers/hostile-target.ts';
import { HOSTILE_TEXT } from './helpers/hostile-values.ts';
import { issueApiKey } from './helpers/issue-api-key.ts';
import { templateBody } from './helpers/template-bodies.ts';
import { postgresDialect, testDialects } from './helpers/test-databases.ts';

const DEFAULT_BODY_LIMIT = 1024 * 1024;
/** Every label's status per dialect (auth off), compared at the end. */
const statusesByDialect = new Map<string, ReadonlyMap<string, number>>();

for (const dialect of testDialects) {
  describe(`hostile input, auth off [${dialect.name}]`, { skip: dialect.skipReason }, () => {
    let target: Target;
    before(async () => {
      target = await prepareTarget(await buildTestApp(dialect), {});
      statusesByDialect.set(dialect.name, target.probe.statuses);
    });
    after(() => target.testApp.close());

    it('takes every route from /openapi.json', () => {
      const routes = target.routes.map((route) => `${route.method} ${route.path}`);
      assert.ok(routes.length >= 13, `only ${routes.length} routes: ${routes.join(', ')}`);
      for (const known of Object.keys(KNOWN_BODIES)) assert.ok(routes.includes(known), known);
    });

    it('a hostile id in any path is a 404 (or another 4xx for a broken URL)', async () => {
      await sweep(target, pathIdCases(target.routes, target.context));
      assertNoFailures(target.probe);
    });

    it('malformed, non-object, nested, oversized, non-UTF-8 and non-JSON bodies are refused', async () => {
      await sweep(target, wholeBodyCases(target.routes, target.context, DEFAULT_BODY_LIMIT));
      assertNoFailures(target.probe);
    });

    it('each field: wrong types, NUL, lone surrogates, non-finite numbers are 4xx; SQL- or path-shaped text is text', async () => {
      await sweep(target, fieldCases(target.routes, target.context));
      assertNoFailures(target.probe);
    });

    it('hostile, repeated and NUL-bearing query parameters are a 4xx or harmless', async () => {
      await sweep(target, queryCases(target.routes, target.context));
      assertNoFailures(target.probe);
    });

    it(`valid bodies with one corrupted field (fast-check, seed ${SEED})`, async () => {
      await corruptedBodiesProperty(target, 150);
      assertNoFailures(target.probe);
    });

    it('SQL- and path-shaped text is stored and found as the very same text', async () => {
      const { app } = target.testApp;
      for (const text of HOSTILE_TEXT) {
        const body = templateBody({ workspace_id: text, name: text, model_id: text });
        const created = await app.inject({
          method: 'POST',
          url: '/api/prompt-templates',
          payload: body,
        });
        if (created.statusCode === 409) continue; // same text, same config: already tracked
        assert.equal(created.statusCode, 201, `${text}: ${created.body}`);
        const stored = (
          await app.inject({ method: 'GET', url: `/api/prompt-templates/${created.json().id}` })
        ).json();
        assert.deepEqual([stored.workspace_id, stored.name, stored.model_id], [text, text, text]);
        const listed = await app.inject({
          method: 'GET',
          url: `/api/prompt-templates?workspace_id=${encodeURIComponent(text)}`,
        });
        const items: { id: string; workspace_id: string }[] = listed.json().items;
        assert.ok(
          items.some((item) => item.id === created.json().id),
          `listing workspace ${text}`,
        );
        assert.deepEqual(
          items.filter((item) => item.workspace_id !== text),
          [],
          `the filter ${text} matched other workspaces`,
        );
      }
    });

    it('a small PROMPTER_BODY_LIMIT_BYTES is a 413 on every body route, and leaves room for valid bodies', async () => {
      const small = await buildTestApp(dialect, {
        environment: { PROMPTER_BODY_LIMIT_BYTES: '2048' },
        testDatabase: { database: target.testApp.database, dispose: () => Promise.resolve() },
      });
      try {
        const probe = createHostileProbe(small);
        const smallTarget = { ...target, testApp: small, probe };
        await sweep(
          smallTarget,
          wholeBodyCases(target.routes, target.context, 2048).filter((request) =>
            request.label.includes('bytes'),
          ),
        );
        await sweep(smallTarget, [
          {
            label: 'create under the small limit',
            method: 'POST',
            url: '/api/prompt-templates',
            payload: JSON.stringify(templateBody()),
            headers: { 'content-type': 'application/json' },
            expect: 201,
          },
          {
            label: 'create with a 3 KB name',
            method: 'POST',
            url: '/api/prompt-templates',
            payload: JSON.stringify(templateBody({ name: 'n'.repeat(3000) })),
            headers: { 'content-type': 'application/json' },
            expect: 413,
          },
        ]);
        assertNoFailures(probe);
      } finally {
        await small.close();
      }
    });

    it('a URL the router cannot decode or a 5,000-character id is a 4xx in the {"detail"} shape', async () => {
      for (const url of [
        '/api/prompt-templates/%E0%A4%A',
        '/api/prompt-results/%ED%A0%80',
        `/api/prompt-templates/${'a'.repeat(5_000)}`,
      ]) {
        const response = await target.testApp.app.inject({ method: 'GET', url });
        assert.ok(response.statusCode >= 400 && response.statusCode < 500, url.slice(0, 60));
        assert.ok(
          'detail' in response.json(),
          `${url.slice(0, 60)}: ${response.body.slice(0, 120)}`,
        );
      }
    });

    it('a page cursor that decodes to a NUL character is a 422, as every NUL is', async () => {
      const cursor = Buffer.from(JSON.stringify(['\u0000', 'x'])).toString('base64url');
      for (const path of ['/api/prompt-templates', '/api/audit-log']) {
        const response = await target.testApp.app.inject({
          method: 'GET',
          url: `${path}?cursor=${cursor}`,
        });
        assert.equal(response.statusCode, 422, `${path}: ${response.body.slice(0, 160)}`);
      }
    });

    it('an x-request-id outside [\\w.:-]{1,128} is replaced, never echoed or logged', async () => {
      for (const hostile of [
        'has spaces <script>alert(1)</script>',
        'x'.repeat(5_000),
        "' or 1=1 --",
      ]) {
        const response = await target.testApp.app.inject({
          method: 'GET',
          url: '/api/prompt-templates',
          headers: { 'x-request-id': hostile },
        });
        assert.equal(response.statusCode, 200);
        const echoed = String(response.headers['x-request-id']);
        assert.match(echoed, /^[\w.:-]{1,128}$/, `echoed ${JSON.stringify(echoed.slice(0, 60))}`);
      }
    });
  });

  describe(`hostile input, auth on [${dialect.name}]`, { skip: dialect.skipReason }, () => {
    let target: Target;
    let secret = '';
    before(async () => {
      const testApp = await buildTestApp(dialect, {
        environment: { PROMPTER_AUTH: 'required', PROMPTER_RATE_LIMIT_PER_MINUTE: '10000000' },
      });
      secret = await issueApiKey(testApp, 'org-hostile', 'admin');
      target = await prepareTarget(testApp, { authorization: `Bearer ${secret}` });
    });
    after(() => target.testApp.close());

    it('hostile ids, bodies and query parameters with a real key: 4xx, never 5xx, nothing written', async () => {
      await sweep(target, pathIdCases(target.routes, target.context));
      await sweep(target, wholeBodyCases(target.routes, target.context, DEFAULT_BODY_LIMIT));
      await sweep(target, queryCases(target.routes, target.context));
      assertNoFailures(target.probe);
    });

    it(`valid bodies with one corrupted field, with a real key (fast-check, seed ${SEED})`, async () => {
      await corruptedBodiesProperty(target, 50);
      assertNoFailures(target.probe);
    });

    it('a hostile Authorization header is a 401 that echoes nothing and writes nothing', async () => {
      const wrongSecret = `${secret.slice(0, -4)}AAAA`;
      const headers = [
        null,
        '',
        'Bearer',
        'Bearer ',
        "Bearer ' or 1=1 --",
        'Bearer ../../etc/passwd',
        `Bearer pk_${'a'.repeat(12)}_${'A'.repeat(43)}`,
        `Bearer ${wrongSecret}`,
        `Bearer ${secret} ${secret}`,
        `Bearer ${secret.slice(0, 20)}`,
        `Bearer ${'x'.repeat(10_000)}`,
        `Basic ${Buffer.from(`user:${secret}`).toString('base64')}`,
        `Token ${secret}`,
      ];
      const routes = target.routes.filter((route) => route.path !== '/health');
      for (const route of routes) {
        for (const [index, header] of headers.entries()) {
          const request = validRequest(route, target.context);
          const response = await target.probe.send({
            ...request,
            label: `${route.path} authorization #${index}`,
            headers: { ...request.headers, authorization: header },
            expect: 401,
            neverWrites: true,
          });
          const token = header?.split(' ')[1] ?? '';
          if (token.length > 8) {
            assert.ok(!response.body.includes(token), `#${index} echoed the presented token`);
          }
        }
      }
      assertNoFailures(target.probe);
    });
  });
}

describe(
  'SQLite and PostgreSQL answer hostile input alike',
  { skip: postgresDialect.skipReason },
  () => {
    it('the same status for every labelled request, NUL characters included', () => {
      const sqlite = statusesByDialect.get('sqlite');
      const postgres = statusesByDialect.get('postgresql');
      assert.ok(sqlite && postgres, 'both dialect suites ran');
      const differences = [...sqlite.entries()]
        .filter(([label, status]) => postgres.has(label) && postgres.get(label) !== status)
        .map(([label, status]) => `${label}: SQLite ${status}, PostgreSQL ${postgres.get(label)}`);
      const nulCases = [...sqlite.keys()].filter((label) => /NUL|u0000/.test(label));
      assert.ok(nulCases.length > 50, `only ${nulCases.length} NUL cases`);
      assert.deepEqual(differences, []);
    });
  },
);
