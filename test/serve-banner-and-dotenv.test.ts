// `prompter serve` as an operator starts it: the real binary (sources through tsx) in a child
// process, in a working directory holding a `.env`; SQLite, fake providers. Checks that `.env` is
// read, that the environment wins over it, and what the start-up banner on stderr says.
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { promisify } from 'node:util';

const binary = new URL('../bin/prompter.js', import.meta.url).pathname;

describe('prompter serve with a .env', () => {
  it('reads .env (the environment wins) and prints the banner with the database and URLs', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'prompter-serve-dotenv-'));
    // PORT=1 in the file would fail to bind; the environment's PORT=0 must win.
    writeFileSync(
      join(directory, '.env'),
      'DB_URL=sqlite:///./from-dotenv.db\nPORT=1\nMETRICS_TOKEN=dotenv-metrics-token\n',
    );
    const environment: NodeJS.ProcessEnv = {
      ...process.env,
      PROMPTER_FROM_SOURCE: '1',
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: 'warn',
    };
    for (const name of [
      'DB_URL',
      'DATABASE_URL',
      'METRICS_TOKEN',
      'REDIS_URL',
      'UPSTASH_REDIS_URL',
    ]) {
      delete environment[name];
    }
    const server = spawn(process.execPath, [binary, 'serve'], { cwd: directory, env: environment });
    try {
      const banner = await new Promise<string>((resolve, reject) => {
        let stderr = '';
        server.stderr.on('data', (chunk: Buffer) => {
          stderr += chunk.toString('utf8');
          if (/metrics +\S+/.test(stderr)) resolve(stderr);
        });
        server.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${stderr}`)));
        setTimeout(() => reject(new Error(`no banner: ${stderr}`)), 30_000).unref();
      });
      assert.match(banner, /database +sqlite:\/\/\/\.\/from-dotenv\.db \(SQLite\)/);
      assert.match(banner, /\*\*\* FAKE providers/);
      assert.match(banner, /auth +off on this loopback address/);
      assert.match(banner, /redis +not configured/);
      assert.match(banner, new RegExp(`config +environment over ${join(directory, '.env')}`));
      const address = /API +(http:\/\/127\.0\.0\.1:\d+)\/api/.exec(banner)?.[1];
      assert.ok(address !== undefined && !address.endsWith(':1'), banner);
      assert.match(banner, new RegExp(`docs +${address}/docs`));
      assert.match(banner, new RegExp(`metrics +${address}/metrics \\(bearer METRICS_TOKEN\\)`));
      assert.ok(!banner.includes('dotenv-metrics-token'));
      assert.equal((await fetch(`${address}/health`)).status, 200);
      // METRICS_TOKEN came from .env: /metrics wants it.
      assert.equal((await fetch(`${address}/metrics`)).status, 401);
      assert.ok(existsSync(join(directory, 'from-dotenv.db')));
    } finally {
      const exited = new Promise((resolve) => server.once('exit', resolve));
      server.kill('SIGTERM');
      await exited;
      rmSync(directory, { recursive: true, force: true });
    }
  });

  it('serve --no-migrate refuses a database with pending migrations, naming `prompter migrate up`', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'prompter-serve-no-migrate-'));
    try {
      const environment: NodeJS.ProcessEnv = {
        ...process.env,
        PROMPTER_FROM_SOURCE: '1',
        DB_URL: `sqlite:///${join(directory, 'behind.db')}`,
        PORT: '0',
        LOG_LEVEL: 'silent',
      };
      delete environment['DATABASE_URL'];
      await assert.rejects(
        promisify(execFile)(process.execPath, [binary, 'serve', '--no-migrate'], {
          cwd: directory,
          env: environment,
        }),
        (error: { code: number; stderr: string }) => {
          assert.equal(error.code, 1);
          assert.match(error.stderr, /pending migration\(s\).*`prompter migrate up`/);
          return true;
        },
      );
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});
