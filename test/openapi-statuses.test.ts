// Every status the server sends is in /openapi.json, with a body that matches the documented schema.
// Real: the whole app (both dialects), API keys, the fake providers; the operations come from the
// document itself, so a route added later is walked too. Each error class is provoked on every
// operation where it can occur: malformed JSON, no key, a forbidden key, an unknown id, a body too
// large or not JSON, a NUL character (422), a spent rate limit (429) and a closed database (500).
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { Ajv, type ValidateFunction } from 'ajv';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { after, before, describe, it } from 'node:test';
import { buildTestApp, type TestApp } from './helpers/build-test-app.ts';
import { issueApiKey } from './helpers/issue-api-key.ts';
import { testDialects } from './helpers/test-databases.ts';

type JsonNode = Record<string, unknown>;

interface Operation {
  readonly method: string;
  readonly path: string;
  readonly id: string;
  readonly spec: JsonNode;
  readonly readsBody: boolean;
  readonly public: boolean;
}

interface Seen {
  readonly operation: Operation;
  readonly why: string;
  readonly status: number;
  readonly contentType: string;
  readonly body: string;
}

const BODY_METHODS = new Set(['post', 'put', 'patch', 'delete']);
const GENERIC_ALWAYS = ['400', '500'];
const GENERIC_KEYED = ['401', '403', '429'];
const GENERIC_BODY = ['413', '415', '422'];

function operationsOf(document: JsonNode): Operation[] {
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(document['paths'] as JsonNode)) {
    for (const [method, spec] of Object.entries(item as JsonNode)) {
      const operation = spec as JsonNode;
      const security = operation['security'] as unknown[] | undefined;
      operations.push({
        method,
        path,
        id: String(operation['operationId']),
        spec: operation,
        readsBody: BODY_METHODS.has(method),
        public: Array.isArray(security) && security.length === 0,
      });
    }
  }
  return operations;
}

function requestExample(operation: Operation): unknown {
  const content = (operation.spec['requestBody'] as JsonNode | undefined)?.['content'] as
    Record<string, JsonNode> | undefined;
  return content?.['application/json']?.['example'] ?? {};
}

/** One validator per documented response, with `#/components/…` resolved against the document. */
function responseValidators(document: JsonNode): (seen: Seen) => ValidateFunction | null {
  const ajv = new Ajv({ strict: false, validateFormats: false, allErrors: true });
  const rewritten = JSON.parse(
    JSON.stringify(document).replaceAll('"#/components/', '"openapi#/components/'),
  ) as JsonNode;
  ajv.addSchema({ $id: 'openapi', components: rewritten['components'] });
  const paths = rewritten['paths'] as Record<string, Record<string, JsonNode>>;
  return (seen) => {
    const responses = paths[seen.operation.path]?.[seen.operation.method]?.['responses'] as
      Record<string, JsonNode> | undefined;
    const content = responses?.[String(seen.status)]?.['content'] as
      Record<string, JsonNode> | undefined;
    const schema = content?.['application/json']?.['schema'];
    return schema === undefined ? null : ajv.compile(schema as object);
  };
}

for (const dialect of testDialects) {
  describe(
    `/openapi.json documents every status [${dialect.name}]`,
    { skip: dialect.skipReason },
    () => {
      let keyed: TestApp;
      let limited: TestApp;
      let open: TestApp;
      let document: JsonNode;
      let operations: Operation[];
      const seen: Seen[] = [];

      async function observe(
        app: FastifyInstance,
        operation: Operation,
        why: string,
        options: Omit<InjectOptions, 'method' | 'url'> & { url: string },
      ): Promise<Seen> {
        const response = await app.inject({
          ...options,
          method: operation.method.toUpperCase() as InjectOptions['method'],
        });
        const observation = {
          operation,
          why,
          status: response.statusCode,
          contentType: String(response.headers['content-type'] ?? ''),
          body: response.body,
        };
        seen.push(observation);
        return observation;
      }

      before(async () => {
        keyed = await buildTestApp(dialect, {
          environment: { PROMPTER_AUTH: 'required', PROMPTER_BODY_LIMIT_BYTES: '1024' },
        });
        limited = await buildTestApp(dialect, {
          environment: { PROMPTER_AUTH: 'required', PROMPTER_RATE_LIMIT_PER_MINUTE: '1' },
        });
        open = await buildTestApp(dialect);
        document = (await keyed.app.inject({ url: '/openapi.json' })).json();
        operations = operationsOf(document);

        const admin = { authorization: `Bearer ${await issueApiKey(keyed, 'acme', 'admin')}` };
        const member = { authorization: `Bearer ${await issueApiKey(keyed, 'acme', 'member')}` };
        const viewer = { authorization: `Bearer ${await issueApiKey(keyed, 'acme', 'viewer')}` };
        const byId = new Map(operations.map((operation) => [operation.id, operation]));
        const createOperation = byId.get('createTemplate');
        assert.ok(createOperation, 'createTemplate is documented');
        const example = requestExample(createOperation) as JsonNode;
        const create = async (name: string) =>
          (
            await keyed.app.inject({
              method: 'POST',
              url: '/api/prompt-templates',
              headers: admin,
              payload: {
                ...example,
                name,
                user_prompt_template: `${name}: ${String(example['user_prompt_template'])}`,
              },
            })
          ).json().id as string;
        const templateId = await create('walked');
        const deletedId = await create('deleted and restored');
        const ids = new Map<string, string>([['template_id', templateId]]);

        // The happy path first, with the document's own examples (so they are checked too).
        const ordered = [...operations].sort(
          (a, b) => Number(a.id === 'restoreTemplate') - Number(b.id === 'restoreTemplate'),
        );
        for (const operation of ordered) {
          if (operation.id === 'getResult') continue; // needs a result: after the run below
          const own = operation.id === 'deleteTemplate' || operation.id === 'restoreTemplate';
          const url = operation.path.replace(/\{(\w+)\}/g, (_, name: string) =>
            own ? deletedId : (ids.get(name) ?? randomUUID()),
          );
          const happy = await observe(keyed.app, operation, 'happy path', {
            url,
            headers: admin,
            ...(operation.readsBody && operation.spec['requestBody'] !== undefined
              ? { payload: requestExample(operation) as object }
              : {}),
          });
          if (operation.id === 'runTemplate') {
            assert.equal(happy.status, 200, `the /run example runs: ${happy.body}`);
            ids.set('result_id', JSON.parse(happy.body).result_id);
          }
        }
        const getResult = byId.get('getResult');
        if (getResult !== undefined) {
          await observe(keyed.app, getResult, 'happy path', {
            url: getResult.path.replace('{result_id}', ids.get('result_id') ?? randomUUID()),
            headers: admin,
          });
        }

        const urlOf = (operation: Operation, id?: string) =>
          operation.path.replace(/\{(\w+)\}/g, (_, name: string) => id ?? ids.get(name) ?? '');
        for (const operation of operations) {
          const url = urlOf(operation);
          await observe(keyed.app, operation, 'no key', { url });
          await observe(keyed.app, operation, 'viewer key', { url, headers: viewer });
          await observe(keyed.app, operation, 'member key, another org', {
            url: `${url}?org_id=someone-else`,
            headers: member,
          });
          await observe(keyed.app, operation, 'unknown id', {
            url: urlOf(operation, randomUUID()),
            headers: admin,
          });
          await observe(keyed.app, operation, 'invalid query', {
            url: `${url}?limit=0&format=xml&from=2026-02-30`,
            headers: admin,
          });
          if (url.includes('/api/prompt-templates/')) {
            await observe(keyed.app, operation, 'unreadable URL', {
              url: urlOf(operation, '%E0%A4%A'),
              headers: admin,
            });
          }
          if (operation.readsBody) {
            const json = { ...admin, 'content-type': 'application/json' };
            await observe(keyed.app, operation, 'malformed JSON', {
              url,
              headers: json,
              payload: '{"a":',
            });
            await observe(keyed.app, operation, 'NUL in the body', {
              url,
              headers: json,
              payload: '{"a":"\\u0000"}',
            });
            await observe(keyed.app, operation, 'body too large', {
              url,
              headers: json,
              payload: JSON.stringify({ a: 'x'.repeat(2048) }),
            });
            await observe(keyed.app, operation, 'not JSON', {
              url,
              headers: { ...admin, 'content-type': 'text/plain' },
              payload: 'hello',
            });
          }
        }

        // A spent rate limit: the key's one request a minute goes first, every operation then gets 429.
        const limitedKey = {
          authorization: `Bearer ${await issueApiKey(limited, 'acme', 'admin')}`,
        };
        await limited.app.inject({ url: '/api/prompt-templates', headers: limitedKey });
        for (const operation of operations) {
          await observe(limited.app, operation, 'rate limit spent', {
            url: urlOf(operation, randomUUID()),
            headers: limitedKey,
            ...(operation.readsBody ? { payload: requestExample(operation) as object } : {}),
          });
        }

        // A database that went away: every operation fails, and says so in a documented way.
        await open.database.close();
        for (const operation of operations) {
          await observe(open.app, operation, 'database closed', {
            url: urlOf(operation, randomUUID()),
            ...(operation.readsBody ? { payload: requestExample(operation) as object } : {}),
          });
        }
      });
      after(async () => {
        await keyed.close();
        await limited.close();
        await open.close();
      });

      it('walks every documented operation', () => {
        assert.ok(operations.length >= 14, `operations: ${operations.map((o) => o.id).join(', ')}`);
        for (const operation of operations) {
          assert.match(
            operation.id,
            /^[a-z][A-Za-z]+$/,
            `${operation.method} ${operation.path} has an operationId`,
          );
        }
        for (const why of ['no key', 'rate limit spent', 'database closed', 'malformed JSON']) {
          assert.ok(
            seen.some((observation) => observation.why === why),
            why,
          );
        }
      });

      it('declares the generic error set where it can occur', () => {
        for (const operation of operations) {
          const declared = Object.keys(operation.spec['responses'] as JsonNode);
          const expected = [
            ...GENERIC_ALWAYS,
            ...(operation.public ? [] : GENERIC_KEYED),
            ...(operation.readsBody ? GENERIC_BODY : []),
          ];
          for (const status of expected) {
            assert.ok(
              declared.includes(status),
              `${operation.id} declares ${status} (has ${declared.join(', ')})`,
            );
          }
        }
      });

      it('every status sent is declared, with a body that matches its schema', () => {
        const validatorFor = responseValidators(document);
        const problems: string[] = [];
        for (const observation of seen) {
          const { operation, why, status } = observation;
          const responses = operation.spec['responses'] as Record<string, JsonNode>;
          const declared = responses[String(status)];
          const where = `${operation.id} (${why}): ${status}`;
          if (declared === undefined) {
            problems.push(`${where} is not documented; body ${observation.body.slice(0, 200)}`);
            continue;
          }
          const content = declared['content'] as Record<string, unknown> | undefined;
          if (content === undefined) {
            if (observation.body !== '') problems.push(`${where} documents no body but sent one`);
            continue;
          }
          const mediaType = observation.contentType.split(';')[0]?.trim() ?? '';
          if (!(mediaType in content)) {
            problems.push(
              `${where} sent ${mediaType}, documented ${Object.keys(content).join(', ')}`,
            );
            continue;
          }
          const validate = validatorFor(observation);
          if (validate !== null && !validate(JSON.parse(observation.body))) {
            problems.push(
              `${where} body ${observation.body.slice(0, 200)} fails its schema: ${JSON.stringify(validate.errors)}`,
            );
          }
        }
        assert.deepEqual(problems, []);
      });

      it('each error class was actually provoked somewhere', () => {
        const statuses = new Set(seen.map((observation) => observation.status));
        for (const status of [200, 201, 204, 400, 401, 403, 404, 413, 415, 422, 429, 500]) {
          assert.ok(statuses.has(status), `some request got ${status}`);
        }
      });
    },
  );
}
