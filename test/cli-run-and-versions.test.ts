// `prompter run`, `prompter versions`, `prompter migrate` and `prompter hash` as a user runs
// them: the real binary in a child process, on a SQLite file; fake providers (the default).
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { buildApp } from '../src/app.ts';
import { openDatabase } from '../src/db/open-database.ts';
import { loadConfig } from '../src/config/load-config.ts';
import { templateBody } from './helpers/template-bodies.ts';

const run = promisify(execFile);
const binary = new URL('../bin/prompter.js', import.meta.url).pathname;

describe('the prompter command', () => {
  let directory: string;
  let environment: NodeJS.ProcessEnv;
  let templateId: string;
  let databaseUrl: string;

  before(async () => {
    directory = mkdtempSync(join(tmpdir(), 'prompter-cli-'));
    databaseUrl = `sqlite:///${join(directory, 'cli.db')}`;
    // The sources through tsx, never a possibly stale dist/ (see bin/prompter.js).
    environment = {
      ...process.env,
      DB_URL: databaseUrl,
      LOG_LEVEL: 'silent',
      PROMPTER_FROM_SOURCE: '1',
    };
    delete environment['DATABASE_URL'];
    const app = await buildApp({
      config: loadConfig({ DB_URL: databaseUrl, LOG_LEVEL: 'silent' }),
      redis: null,
    });
    const created = await app.inject({
      method: 'POST',
      url: '/api/prompt-templates',
      // A seed past 2^64, written as JSON text: it must reach the stored request digit for digit.
      payload: JSON.stringify(
        templateBody({ user_prompt_template: 'Top {{category}} brands in {{country}}?' }),
      ).replace('"max_tokens":128', '"max_tokens":128,"seed":12345678901234567890'),
      headers: { 'content-type': 'application/json' },
    });
    templateId = created.json().id;
    await app.close();
  });
  after(() => rmSync(directory, { recursive: true, force: true }));

  const prompter = (...args: string[]) =>
    run(process.execPath, [binary, ...args], { env: environment });

  it("run --json prints the run route's response", async () => {
    const { stdout } = await prompter(
      'run',
      templateId,
      '--var',
      'category=tea',
      '--country',
      'JP',
      '--json',
    );
    const record = JSON.parse(stdout);
    assert.equal(record.status, 'succeeded');
    assert.match(record.result_id, /^[0-9a-f-]{36}$/);
    assert.equal(record.provider_version_key, 'fp_stub_1cffe337');
    assert.equal(record.content, '[FAKE openai::gpt-4o] Top tea brands in JP?');
    const opened = openDatabase(loadConfig({ DB_URL: databaseUrl }).database);
    try {
      const stored = await opened.db
        .selectFrom('prompt_results')
        .select('request')
        .where('id', '=', record.result_id)
        .executeTakeFirstOrThrow();
      assert.match(stored.request, /"seed":12345678901234567890[,}]/);
    } finally {
      await opened.close();
    }
  });

  it('run prints a readable summary; a missing variable is an error naming it', async () => {
    const { stdout } = await prompter(
      'run',
      templateId,
      '--var',
      'category=tea',
      '--country',
      'US',
    );
    assert.match(stdout, /version +fp_stub_1cffe337/);
    assert.match(stdout, /\(simulated\)/);
    await assert.rejects(prompter('run', templateId), (error: { stderr: string; code: number }) => {
      assert.equal(error.code, 2, 'a rejected request is a usage error (exit 2)');
      assert.match(error.stderr, /runtime_vars\.category/);
      return true;
    });
  });

  it('versions prints the timeline as a table and as JSON', async () => {
    const { stdout } = await prompter('versions', templateId);
    assert.match(stdout, /^first seen +last seen +provider +model +version key/);
    assert.match(stdout, /openai +gpt-4o +fp_stub_1cffe337/);
    const json = JSON.parse((await prompter('versions', templateId, '--json')).stdout);
    assert.equal(json.items.length, 1);
    await assert.rejects(
      prompter('versions', '01900000-0000-7000-8000-000000000000'),
      /Template not found/,
    );
  });

  it('migrate status lists every migration as applied', async () => {
    const { stdout } = await prompter('migrate', 'status');
    assert.match(stdout, /create-prompt-tables/);
    assert.ok(!stdout.includes('pending'));
  });

  it('a bad variable stops a command with a message naming it', async () => {
    await assert.rejects(
      run(process.execPath, [binary, 'migrate', 'status'], {
        env: { ...environment, PORT: 'eighty' },
      }),
      (error: { stderr: string; code: number }) => {
        assert.equal(error.code, 2);
        assert.match(error.stderr, /PORT: expected a whole number/);
        return true;
      },
    );
  });

  it('serve listens on HOST and PORT (0: any free port), answers /health, and stops on SIGTERM', async () => {
    const server = spawn(process.execPath, [binary, 'serve'], {
      env: { ...environment, HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'info' },
    });
    try {
      const address = await new Promise<string>((resolve, reject) => {
        let output = '';
        server.stdout.on('data', (chunk: Buffer) => {
          output += chunk.toString('utf8');
          const match = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
          if (match?.[1] !== undefined) resolve(match[1]);
        });
        server.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${output}`)));
        setTimeout(() => reject(new Error(`serve did not start: ${output}`)), 20_000).unref();
      });
      const health = await fetch(`${address}/health`);
      assert.equal(health.status, 200);
      assert.deepEqual(await health.json(), { status: 'ok', db: 'sqlite' });
    } finally {
      const exited = new Promise((resolve) => server.once('exit', resolve));
      server.kill('SIGTERM');
      await exited;
    }
  });
});
