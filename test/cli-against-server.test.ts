// The data commands as clients of a running server. Real: the whole app listening on a loopback
// port with auth required, its database (SQLite file or PostgreSQL schema), an API key made the
// way `prompter keys create` makes one, the CLI's commands in process speaking HTTP through node's
// fetch. The CLI's own DB_URL names a different SQLite file that does not exist: it must stay so.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { exitCodes } from '../src/cli/exit-codes.ts';
import { buildTestApp, type TestApp } from './helpers/build-test-app.ts';
import { issueApiKey } from './helpers/issue-api-key.ts';
import { runCli } from './helpers/run-cli.ts';
import { uniqueWorkspace } from './helpers/template-bodies.ts';
import { testDialects } from './helpers/test-databases.ts';

for (const dialect of testDialects) {
  describe(
    `prompter data commands against a server [${dialect.name}]`,
    { skip: dialect.skipReason },
    () => {
      let testApp: TestApp;
      let serverUrl: string;
      let apiKey: string;
      let directory: string;
      let strayDatabase: string;
      let environment: Record<string, string>;

      before(async () => {
        testApp = await buildTestApp(dialect, { environment: { PROMPTER_AUTH: 'required' } });
        serverUrl = await testApp.app.listen({ host: '127.0.0.1', port: 0 });
        apiKey = await issueApiKey(testApp, 'acme', 'admin');
        directory = mkdtempSync(join(tmpdir(), 'prompter-cli-client-'));
        strayDatabase = join(directory, 'not-the-server.db');
        environment = {
          PROMPTER_URL: serverUrl,
          PROMPTER_API_KEY: apiKey,
          DB_URL: `sqlite:///${strayDatabase}`,
        };
      });
      after(async () => {
        await testApp?.close();
        rmSync(directory, { recursive: true, force: true });
      });

      /** The API's own answer, with the same key. */
      async function api(method: string, path: string, body?: unknown) {
        const response = await fetch(`${serverUrl}${path}`, {
          method,
          headers: {
            authorization: `Bearer ${apiKey}`,
            ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        });
        return { status: response.status, json: await response.json() };
      }

      const createArgs = (workspace: string) => [
        'templates',
        'create',
        '--workspace',
        workspace,
        '--name',
        'Top brands',
        '--model',
        'gpt-4o',
        '--prompt',
        'Top {{category}} brands in {{country}}?',
        '--country',
        ' us ',
        '--country',
        'uk',
        '--param',
        'temperature=0.7',
      ];

      it('templates create|show|list|delete|restore --json print exactly what the API answers', async () => {
        const workspace = uniqueWorkspace();
        const created = await runCli(environment, [...createArgs(workspace), '--json']);
        assert.equal(created.exitCode, 0, created.stderr);
        assert.equal(created.stderr, '', 'nothing but the answer in --json mode');
        const template = JSON.parse(created.stdout);
        assert.equal(template.org_id, 'acme', "the key's org");
        assert.deepEqual(template.country_set, ['US', 'GB'], 'each --country normalised');
        assert.deepEqual(template.inference_params, { temperature: 0.7 });
        const fetched = await api('GET', `/api/prompt-templates/${template.id}`);
        assert.deepEqual(fetched.json, template);

        const shown = await runCli(environment, ['templates', 'show', template.id, '--json']);
        assert.deepEqual(JSON.parse(shown.stdout), fetched.json);

        const listed = await runCli(environment, [
          'templates',
          'list',
          '--workspace',
          workspace,
          '--json',
        ]);
        assert.deepEqual(
          JSON.parse(listed.stdout),
          (await api('GET', `/api/prompt-templates?workspace_id=${workspace}`)).json,
        );

        const deleted = await runCli(environment, ['templates', 'delete', template.id, '--json']);
        assert.deepEqual([deleted.exitCode, deleted.stdout, deleted.stderr], [0, '', '']);
        const afterDelete = await api('GET', `/api/prompt-templates/${template.id}`);
        assert.notEqual((afterDelete.json as { deleted_at: unknown }).deleted_at, null);
        const withDeleted = await runCli(environment, [
          'templates',
          'list',
          '--workspace',
          workspace,
          '--include-deleted',
          '--limit',
          '1',
          '--json',
        ]);
        assert.deepEqual(
          JSON.parse(withDeleted.stdout),
          (
            await api(
              'GET',
              `/api/prompt-templates?workspace_id=${workspace}&include_deleted=true&limit=1`,
            )
          ).json,
        );

        const restored = await runCli(environment, ['templates', 'restore', template.id, '--json']);
        assert.deepEqual(JSON.parse(restored.stdout), fetched.json);
      });

      it('templates create reads a JSON body from --file - (stdin); flags win', async () => {
        const workspace = uniqueWorkspace();
        // Raw text: JSON.stringify would turn 1.0 into 1.
        const body =
          '{"workspace_id": "overridden", "name": "From a file", "user_prompt_template": ' +
          '"Hello {{country}}", "model_id": "claude-3-5-sonnet", ' +
          '"inference_params": {"temperature": 1.0, "max_tokens": 64}}';
        const created = await runCli(
          environment,
          ['templates', 'create', '--file', '-', '--workspace', workspace, '--json'],
          { stdin: [Buffer.from(body)] },
        );
        assert.equal(created.exitCode, 0, created.stderr);
        const template = JSON.parse(created.stdout);
        assert.equal(template.workspace_id, workspace);
        assert.equal(template.model_id, 'claude-3-5-sonnet');
        assert.match(
          template.config_canonical_json,
          /"temperature":1\.0/,
          'the lexeme 1.0 reached the hash',
        );
      });

      it('run and versions --json print the API response; the table views read it too', async () => {
        const template = JSON.parse(
          (await runCli(environment, [...createArgs(uniqueWorkspace()), '--json'])).stdout,
        );
        const ran = await runCli(environment, [
          'run',
          template.id,
          '--var',
          'category=tea',
          '--country',
          'uk',
          '--json',
        ]);
        assert.equal(ran.exitCode, 0, ran.stderr);
        const run = JSON.parse(ran.stdout);
        assert.deepEqual(Object.keys(run).sort(), [
          'content',
          'created_at',
          'latency_ms',
          'model_id',
          'provider',
          'provider_version_key',
          'rendered_prompt_sha256',
          'result_id',
          'simulated',
          'status',
          'system_fingerprint',
          'usage',
          'version_id',
        ]);
        assert.equal(
          run.content,
          '[FAKE openai::gpt-4o] Top tea brands in GB?',
          '--country uk is GB',
        );
        const stored = (await api('GET', `/api/prompt-results/${run.result_id}`)).json as Record<
          string,
          unknown
        >;
        assert.equal(stored['country'], 'GB');
        for (const field of [
          'version_id',
          'provider_version_key',
          'content',
          'created_at',
          'usage',
          'latency_ms',
        ]) {
          assert.deepEqual(run[field], stored[field], field);
        }

        const versions = await runCli(environment, ['versions', template.id, '--json']);
        assert.deepEqual(
          JSON.parse(versions.stdout),
          (await api('GET', `/api/prompt-templates/${template.id}/versions`)).json,
        );
        const table = await runCli(environment, ['versions', template.id]);
        assert.match(table.stdout, /openai +gpt-4o +fp_stub_1cffe337/);
        const summary = await runCli(environment, [
          'run',
          template.id,
          '--var',
          'category=tea',
          '--country',
          'US',
        ]);
        assert.match(summary.stdout, /version +fp_stub_1cffe337/);
        assert.equal(summary.stderr, '', 'no database line: the data is on the server');
      });

      it('errors are the API\'s {"detail": …} on stderr, with the documented exit codes', async () => {
        const template = JSON.parse(
          (await runCli(environment, [...createArgs(uniqueWorkspace()), '--json'])).stdout,
        );
        const unknownId = '01900000-0000-7000-8000-000000000000';
        const cases: { args: string[]; exitCode: number; expected: () => Promise<unknown> }[] = [
          {
            args: ['templates', 'show', unknownId, '--json'],
            exitCode: exitCodes.notFound,
            expected: async () => (await api('GET', `/api/prompt-templates/${unknownId}`)).json,
          },
          {
            args: ['run', template.id, '--json'],
            exitCode: exitCodes.usage,
            expected: async () =>
              (await api('POST', `/api/prompt-templates/${template.id}/run`, {})).json,
          },
          {
            args: ['templates', 'list', '--limit', '0', '--json'],
            exitCode: exitCodes.usage,
            expected: async () => (await api('GET', '/api/prompt-templates?limit=0')).json,
          },
          {
            args: ['templates', 'list', '--org', 'someone-else', '--json'],
            exitCode: exitCodes.notAuthorized,
            expected: async () =>
              (await api('GET', '/api/prompt-templates?org_id=someone-else')).json,
          },
        ];
        for (const { args, exitCode, expected } of cases) {
          const outcome = await runCli(environment, args);
          assert.equal(outcome.exitCode, exitCode, args.join(' '));
          assert.equal(outcome.stdout, '');
          assert.deepEqual(JSON.parse(outcome.stderr), await expected(), args.join(' '));
        }

        const duplicate = await runCli(
          environment,
          ['templates', 'create', '--file', '-', '--json'],
          { stdin: [Buffer.from(JSON.stringify({ ...template, org_id: undefined }))] },
        );
        assert.equal(duplicate.exitCode, exitCodes.conflict, duplicate.stderr);
        assert.equal(JSON.parse(duplicate.stderr).detail.template_id, template.id);

        const readable = await runCli(environment, ['templates', 'show', unknownId]);
        assert.equal(readable.stderr, 'prompter: Template not found\n');
      });

      it('without the API key the server refuses (exit 6); an unreachable server is exit 7', async () => {
        const anonymous = await runCli({ ...environment, PROMPTER_API_KEY: '' }, [
          'templates',
          'list',
          '--json',
        ]);
        assert.equal(anonymous.exitCode, exitCodes.notAuthorized);
        assert.equal(JSON.parse(anonymous.stderr).detail.code, 'UNAUTHORIZED');

        const unreachable = await runCli(environment, [
          'versions',
          '01900000-0000-7000-8000-000000000000',
          '--server',
          'http://127.0.0.1:9',
          '--json',
        ]);
        assert.equal(unreachable.exitCode, exitCodes.unavailable);
        assert.equal(JSON.parse(unreachable.stderr).detail.code, 'SERVER_UNREACHABLE');

        const badUrl = await runCli({ ...environment, PROMPTER_URL: 'ftp://x' }, [
          'templates',
          'list',
        ]);
        assert.equal(badUrl.exitCode, exitCodes.usage);
        assert.match(badUrl.stderr, /PROMPTER_URL: expected an http\(s\) URL/);
      });

      it('--country is normalised like country_set; an empty one is a usage error sent nowhere', async () => {
        const outcome = await runCli(environment, [
          'run',
          '01900000-0000-7000-8000-000000000000',
          '--country',
          '  ',
          '--json',
        ]);
        assert.equal(outcome.exitCode, exitCodes.usage);
        assert.match(JSON.parse(outcome.stderr).detail.message, /--country/);
      });

      it('the prompter binary itself, in a directory with no database, works against the server', async () => {
        const workspace = uniqueWorkspace();
        await api('POST', '/api/prompt-templates', {
          workspace_id: workspace,
          name: 'Spawned',
          user_prompt_template: 'Hi',
          model_id: 'gpt-4o',
        });
        const binary = new URL('../bin/prompter.js', import.meta.url).pathname;
        const { stdout, stderr } = await promisify(execFile)(
          process.execPath,
          [binary, 'templates', 'list', '--workspace', workspace, '--json'],
          { cwd: directory, env: { ...process.env, ...environment, LOG_LEVEL: 'silent' } },
        );
        assert.equal(stderr, '');
        assert.deepEqual(
          JSON.parse(stdout),
          (await api('GET', `/api/prompt-templates?workspace_id=${workspace}`)).json,
        );
      });

      it('never created the database DB_URL names', () => {
        assert.equal(existsSync(strayDatabase), false);
      });
    },
  );
}

describe('prompter --help', () => {
  it('documents the exit codes and PROMPTER_URL', async () => {
    const binary = new URL('../bin/prompter.js', import.meta.url).pathname;
    const { stdout } = await promisify(execFile)(process.execPath, [binary, '--help']);
    assert.match(stdout, /Exit codes:\n +0 +ok\n +1 +error/);
    assert.match(stdout, /4 +conflict/);
    assert.match(stdout, /PROMPTER_URL/);
  });
});
