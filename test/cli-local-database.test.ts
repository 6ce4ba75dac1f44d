// The data commands without a server: on the local database named by DB_URL. Real: the commands in
// process, the database (a SQLite file, a PostgreSQL schema of its own), migrations, services, fake
// providers; the same app on the same database answers the same requests through `app.inject`, so
// every --json output and every error is compared with the route's own answer.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { buildApp } from '../src/app.ts';
import { exitCodes } from '../src/cli/exit-codes.ts';
import { loadConfig } from '../src/config/load-config.ts';
import { runCli } from './helpers/run-cli.ts';
import { templateBody, uniqueWorkspace } from './helpers/template-bodies.ts';
import { testDialects } from './helpers/test-databases.ts';

interface LocalDatabase {
  readonly url: string;
  dispose(): Promise<void>;
}

/** A database URL the CLI opens by itself: a SQLite file, or a PostgreSQL schema (with a password). */
async function localDatabase(dialect: string): Promise<LocalDatabase> {
  if (dialect === 'sqlite') {
    const directory = mkdtempSync(join(tmpdir(), 'prompter-cli-local-'));
    return {
      url: `sqlite:///${join(directory, 'local.db')}`,
      dispose: () => Promise.resolve(rmSync(directory, { recursive: true, force: true })),
    };
  }
  const base = process.env['PROMPTER_TEST_PG_URL'] ?? '';
  const schema = `test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const url = new URL(base);
  // The servers here trust local connections: the password is only there to be redacted.
  url.password = 'sekrit-password';
  url.searchParams.set('options', `-c search_path=${schema}`);
  return {
    url: url.toString(),
    async dispose() {
      const cleanup = new pg.Client({ connectionString: base });
      await cleanup.connect();
      await cleanup.query(`drop schema if exists ${schema} cascade`);
      await cleanup.end();
    },
  };
}

for (const dialect of testDialects) {
  describe(
    `prompter data commands on the local database [${dialect.name}]`,
    { skip: dialect.skipReason },
    () => {
      let database: LocalDatabase;
      let app: FastifyInstance;
      let environment: Record<string, string>;

      before(async () => {
        database = await localDatabase(dialect.name);
        environment = { DB_URL: database.url, LOG_LEVEL: 'silent' };
        app = await buildApp({ config: loadConfig(environment), redis: null });
      });
      after(async () => {
        await app?.close();
        await database?.dispose();
      });

      const inject = async (method: 'GET' | 'POST', url: string, payload?: unknown) => {
        const response = await app.inject({
          method,
          url,
          ...(payload === undefined ? {} : { payload: payload as object }),
        });
        return response.json<unknown>();
      };

      it('says which database it uses, with the password redacted', async () => {
        const outcome = await runCli(environment, [
          'templates',
          'list',
          '--workspace',
          uniqueWorkspace(),
        ]);
        assert.equal(outcome.exitCode, 0, outcome.stderr);
        assert.match(outcome.stderr, /^prompter: using the local database (sqlite|postgres)/m);
        assert.ok(!outcome.stderr.includes('sekrit-password'), outcome.stderr);
        if (dialect.name === 'postgresql') assert.match(outcome.stderr, /postgres:\*\*\*@/);
        assert.match(outcome.stdout, /no templates/);
      });

      it('templates, run and versions --json print what the routes answer on the same database', async () => {
        const workspace = uniqueWorkspace();
        const created = await runCli(environment, [
          'templates',
          'create',
          '--workspace',
          workspace,
          '--name',
          'Local',
          '--model',
          'gpt-4o',
          '--prompt',
          'Top {{category}} in {{country}}',
          '--country',
          'uk',
          '--json',
        ]);
        assert.equal(created.exitCode, 0, created.stderr);
        assert.equal(created.stderr, '', '--json: stderr carries only errors');
        const template = JSON.parse(created.stdout);
        assert.deepEqual(await inject('GET', `/api/prompt-templates/${template.id}`), template);

        const listed = await runCli(environment, [
          'templates',
          'list',
          '--workspace',
          workspace,
          '--json',
        ]);
        assert.deepEqual(
          JSON.parse(listed.stdout),
          await inject('GET', `/api/prompt-templates?workspace_id=${workspace}`),
        );

        const ran = await runCli(environment, [
          'run',
          template.id,
          '--var',
          'category=tea',
          '--country',
          'gb',
          '--json',
        ]);
        assert.equal(ran.exitCode, 0, ran.stderr);
        const run = JSON.parse(ran.stdout);
        const stored = (await inject('GET', `/api/prompt-results/${run.result_id}`)) as Record<
          string,
          unknown
        >;
        assert.equal(stored['country'], 'GB');
        assert.equal(run.content, '[FAKE openai::gpt-4o] Top tea in GB');
        for (const field of [
          'version_id',
          'provider_version_key',
          'content',
          'created_at',
          'latency_ms',
          'usage',
        ]) {
          assert.deepEqual(run[field], stored[field], field);
        }

        const versions = await runCli(environment, ['versions', template.id, '--json']);
        assert.deepEqual(
          JSON.parse(versions.stdout),
          await inject('GET', `/api/prompt-templates/${template.id}/versions`),
        );

        assert.equal((await runCli(environment, ['templates', 'delete', template.id])).exitCode, 0);
        const shown = await runCli(environment, ['templates', 'show', template.id, '--json']);
        assert.notEqual(JSON.parse(shown.stdout).deleted_at, null);
        const restored = await runCli(environment, ['templates', 'restore', template.id, '--json']);
        assert.deepEqual(
          JSON.parse(restored.stdout),
          await inject('GET', `/api/prompt-templates/${template.id}`),
        );
      });

      it('errors are the error handler\'s {"detail": …}, with the documented exit codes', async () => {
        const body = templateBody({ user_prompt_template: 'Hi {{name}}' });
        const first = await runCli(environment, ['templates', 'create', '--file', '-', '--json'], {
          stdin: [Buffer.from(JSON.stringify(body))],
        });
        assert.equal(first.exitCode, 0, first.stderr);
        const templateId = JSON.parse(first.stdout).id;
        const unknownId = '01900000-0000-7000-8000-000000000000';
        const invalidBody = { ...body, name: 5, country_set: ['x'.repeat(65)] };
        const cases: {
          args: string[];
          stdin?: unknown;
          exitCode: number;
          route: ['GET' | 'POST', string, unknown?];
        }[] = [
          {
            args: ['templates', 'create', '--file', '-', '--json'],
            stdin: body,
            exitCode: exitCodes.conflict,
            route: ['POST', '/api/prompt-templates', body],
          },
          {
            args: ['templates', 'create', '--file', '-', '--json'],
            stdin: invalidBody,
            exitCode: exitCodes.usage,
            route: ['POST', '/api/prompt-templates', invalidBody],
          },
          {
            args: ['templates', 'show', unknownId, '--json'],
            exitCode: exitCodes.notFound,
            route: ['GET', `/api/prompt-templates/${unknownId}`],
          },
          {
            args: ['templates', 'list', '--limit', '501', '--json'],
            exitCode: exitCodes.usage,
            route: ['GET', '/api/prompt-templates?limit=501'],
          },
          {
            args: ['templates', 'list', '--cursor', 'garbage', '--json'],
            exitCode: exitCodes.usage,
            route: ['GET', '/api/prompt-templates?cursor=garbage'],
          },
          {
            args: ['run', templateId, '--json'],
            exitCode: exitCodes.usage,
            route: ['POST', `/api/prompt-templates/${templateId}/run`, {}],
          },
          {
            args: ['versions', unknownId, '--json'],
            exitCode: exitCodes.notFound,
            route: ['GET', `/api/prompt-templates/${unknownId}/versions`],
          },
        ];
        for (const { args, stdin, exitCode, route } of cases) {
          const outcome = await runCli(
            environment,
            args,
            stdin === undefined ? {} : { stdin: [Buffer.from(JSON.stringify(stdin))] },
          );
          assert.equal(outcome.exitCode, exitCode, `${args.join(' ')}: ${outcome.stderr}`);
          assert.equal(outcome.stdout, '');
          assert.deepEqual(JSON.parse(outcome.stderr), await inject(...route), args.join(' '));
        }
      });
    },
  );
}

describe('no data command creates a database', () => {
  const binary = new URL('../bin/prompter.js', import.meta.url).pathname;

  it('a missing SQLite file is a usage error naming PROMPTER_URL and DB_URL, and stays missing', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'prompter-no-db-'));
    try {
      const missing = join(directory, 'missing.db');
      for (const args of [
        ['templates', 'list'],
        ['templates', 'show', '01900000-0000-7000-8000-000000000000', '--json'],
        ['run', '01900000-0000-7000-8000-000000000000'],
        ['versions', '01900000-0000-7000-8000-000000000000'],
        [
          'templates',
          'create',
          '--workspace',
          'w',
          '--name',
          'n',
          '--model',
          'gpt-4o',
          '--prompt',
          'p',
        ],
      ]) {
        const outcome = await runCli({ DB_URL: `sqlite:///${missing}` }, args);
        assert.equal(outcome.exitCode, exitCodes.usage, args.join(' '));
        assert.match(outcome.stderr, /no database at .*missing\.db.*PROMPTER_URL.*DB_URL/s);
      }
      assert.deepEqual(readdirSync(directory), []);
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });

  it('`prompter versions` in an empty directory, nothing configured: exit 2, no ./prompter.db', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'prompter-empty-'));
    try {
      const environment: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'silent' };
      for (const name of ['DB_URL', 'DATABASE_URL', 'PROMPTER_URL', 'PROMPTER_API_KEY'])
        delete environment[name];
      await assert.rejects(
        promisify(execFile)(
          process.execPath,
          [binary, 'versions', '01900000-0000-7000-8000-000000000000'],
          {
            cwd: directory,
            env: environment,
          },
        ),
        (error: { code: number; stderr: string }) => {
          assert.equal(error.code, exitCodes.usage);
          assert.match(error.stderr, /no database at \.\/prompter\.db/);
          return true;
        },
      );
      assert.deepEqual(readdirSync(directory), []);
      assert.equal(existsSync(join(directory, 'prompter.db')), false);
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});
