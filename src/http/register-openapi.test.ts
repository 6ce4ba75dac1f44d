// Real: the whole app on SQLite and the document it serves; the linter is Redocly's
// (@redocly/openapi-core, the engine of `redocly lint`) with its `recommended` rules.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createConfig, lintFromString } from '@redocly/openapi-core';
import { buildTestApp, type TestApp } from '../../test/helpers/build-test-app.ts';
import { sqliteDialect } from '../../test/helpers/test-databases.ts';
import { hoistNamedSchemas } from './hoist-named-schemas.ts';

type JsonNode = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('GET /openapi.json', () => {
  let testApp: TestApp;
  let document: JsonNode;
  before(async () => {
    testApp = await buildTestApp(sqliteDialect);
    document = (await testApp.app.inject({ url: '/openapi.json' })).json();
  });
  after(() => testApp.close());

  const operation = (path: string, method: string): JsonNode => document['paths'][path][method];

  it('passes `redocly lint` (recommended rules) with no errors and no warnings', async () => {
    const config = await createConfig({ extends: ['recommended'] });
    const problems = await lintFromString({
      source: JSON.stringify(document),
      absoluteRef: 'openapi.json',
      config,
    });
    assert.deepEqual(
      problems.map(
        (problem) =>
          `${problem.severity} ${problem.ruleId}: ${problem.message} at ${problem.location[0]?.pointer}`,
      ),
      [],
    );
  });

  it('names its shapes as components and its operations with operationIds', () => {
    const names = Object.keys(document['components']['schemas']);
    for (const name of [
      'Template',
      'Version',
      'Result',
      'RunResult',
      'Error',
      'ValidationError',
      'NotFoundError',
      'ProviderError',
    ]) {
      assert.ok(names.includes(name), `components.schemas.${name}`);
    }
    assert.deepEqual(
      operation('/api/prompt-templates/{template_id}', 'get')['responses']['200']['content'][
        'application/json'
      ]['schema'],
      {
        $ref: '#/components/schemas/Template',
      },
    );
    const ids = Object.values(document['paths']).flatMap((item) =>
      Object.values(item as JsonNode).map((op) => (op as JsonNode)['operationId']),
    );
    assert.equal(new Set(ids).size, ids.length, 'operationIds are unique');
    assert.ok(ids.every((id) => typeof id === 'string'));
    for (const item of Object.values(document['paths'])) {
      for (const op of Object.values(item as JsonNode)) {
        for (const [status, response] of Object.entries((op as JsonNode)['responses'])) {
          assert.notEqual(
            (response as JsonNode)['description'],
            'Default Response',
            `${(op as JsonNode)['operationId']} ${status}`,
          );
        }
      }
    }
  });

  it('gives /run a safe example: no rendered_prompt, so "Try it out" never sends "string"', () => {
    const body = operation('/api/prompt-templates/{template_id}/run', 'post')['requestBody'];
    const example = body['content']['application/json']['example'];
    assert.ok(example !== undefined, 'an example is given');
    assert.ok(!('rendered_prompt' in example), JSON.stringify(example));
  });

  it('requires a body only where the schema has required fields', () => {
    assert.equal(
      operation('/api/prompt-templates/{template_id}/run', 'post')['requestBody']['required'],
      false,
    );
    assert.equal(
      operation('/api/prompt-templates/{template_id}/ensure-version', 'post')['requestBody'][
        'required'
      ],
      false,
    );
    assert.equal(operation('/api/prompt-templates', 'post')['requestBody']['required'], true);
  });

  it('documents export errors as JSON and only the success as CSV or NDJSON', () => {
    const responses = operation('/api/prompt-templates/{template_id}/results/export', 'get')[
      'responses'
    ];
    assert.deepEqual(Object.keys(responses['200']['content']).sort(), [
      'application/x-ndjson',
      'text/csv',
    ]);
    for (const status of ['404', '422', '401']) {
      assert.deepEqual(Object.keys(responses[status]['content']), ['application/json'], status);
    }
  });

  it('names a server: relative by default, PROMPTER_PUBLIC_URL when set', async () => {
    assert.deepEqual(
      document['servers'].map((server: JsonNode) => server['url']),
      ['/'],
    );
    const behindTls = await buildTestApp(sqliteDialect, {
      environment: { PROMPTER_PUBLIC_URL: 'https://prompter.example.com/' },
    });
    try {
      const served = (await behindTls.app.inject({ url: '/openapi.json' })).json();
      assert.deepEqual(
        served.servers.map((server: JsonNode) => server['url']),
        ['https://prompter.example.com'],
      );
    } finally {
      await behindTls.close();
    }
  });
});

describe('hoistNamedSchemas', () => {
  it('moves titled schemas into components, nested ones too, and refuses two shapes under one title', () => {
    const item = { title: 'Item', type: 'object', properties: { title: { type: 'string' } } };
    const page = {
      title: 'Page',
      type: 'object',
      properties: { items: { type: 'array', items: item } },
    };
    const hoisted = hoistNamedSchemas({ paths: { '/a': { get: { schema: page } } } }) as JsonNode;
    assert.deepEqual(hoisted['paths']['/a'].get.schema, { $ref: '#/components/schemas/Page' });
    assert.deepEqual(hoisted['components'].schemas.Page.properties.items.items, {
      $ref: '#/components/schemas/Item',
    });
    assert.deepEqual(hoisted['components'].schemas.Item, item);
    assert.throws(
      () => hoistNamedSchemas({ paths: { a: item, b: { ...item, required: ['title'] } } }),
      /Two different schemas are titled "Item"/,
    );
  });
});
