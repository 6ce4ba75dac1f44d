import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError, loadConfig } from './load-config.ts';

describe('loadConfig', () => {
  it('defaults to SQLite on 127.0.0.1:8000 with fake providers, no Redis, auth by bind address', () => {
    const config = loadConfig({});
    assert.deepEqual(config.database, { dialect: 'sqlite', filename: './prompter.db' });
    assert.equal(config.host, '127.0.0.1');
    assert.equal(config.port, 8000);
    assert.equal(config.providerMode, 'fake');
    assert.equal(config.redisUrl, null);
    assert.equal(config.security.authMode, null);
    assert.equal(config.bodyLimitBytes, 1024 * 1024);
    assert.equal(config.metricsService, 'prompter-api');
    assert.ok(Object.isFrozen(config));
  });

  it('prefers DB_URL over DATABASE_URL and UPSTASH_REDIS_URL over REDIS_URL', () => {
    const config = loadConfig({
      DB_URL: 'postgres://a@db/one',
      DATABASE_URL: 'postgres://b@db/two',
      REDIS_URL: 'redis://plain:6379',
      UPSTASH_REDIS_URL: 'rediss://upstash:6380',
    });
    assert.deepEqual(config.database, {
      dialect: 'postgres',
      connectionString: 'postgres://a@db/one',
    });
    assert.equal(config.redisUrl, 'rediss://upstash:6380');
    assert.equal(
      loadConfig({ DATABASE_URL: 'postgresql+psycopg2://b@db/two' }).database.dialect,
      'postgres',
    );
  });

  it('reads provider keys and base URLs, and the fake switches', () => {
    const config = loadConfig({
      PROMPTER_PROVIDER_MODE: 'LIVE',
      OPENAI_API_KEY: 'sk-1',
      OPENAI_BASE_URL: 'http://127.0.0.1:9999/v1/',
      GEMINI_API_KEY: 'g-1',
      PROMPTER_FAKE_EPOCH: '2',
      PROBE_SLEEP_MS: '25',
      PROMPTER_PROBE_DISABLED: 'yes',
    });
    assert.equal(config.providerMode, 'live');
    assert.equal(config.providers.openai.apiKey, 'sk-1');
    assert.equal(config.providers.openai.baseUrl, 'http://127.0.0.1:9999/v1');
    assert.equal(config.providers.google.apiKey, 'g-1');
    assert.equal(config.providers.fake.epoch, 2);
    assert.equal(config.providers.fake.probeSleepMs, 25);
    assert.equal(config.probeDisabled, true);
  });

  it('names every bad variable in one error', () => {
    assert.throws(
      () =>
        loadConfig({
          PORT: '80a',
          LOG_LEVEL: 'loud',
          DB_URL: 'mysql://x',
          PROMPTER_AUTH: 'maybe',
          OPENAI_BASE_URL: 'ftp://x',
          PROMPTER_BODY_LIMIT_BYTES: '10',
        }),
      (error: unknown) => {
        assert.ok(error instanceof ConfigError);
        for (const name of [
          'PORT',
          'LOG_LEVEL',
          'DB_URL',
          'PROMPTER_AUTH',
          'OPENAI_BASE_URL',
          'PROMPTER_BODY_LIMIT_BYTES',
        ]) {
          assert.match(error.message, new RegExp(`${name}: `), name);
        }
        return true;
      },
    );
  });

  it('treats blank values as unset', () => {
    assert.equal(loadConfig({ PORT: ' ', DB_URL: '' }).port, 8000);
  });

  it('reads the database timeouts, with defaults, and names a bad one', () => {
    assert.deepEqual(loadConfig({}).databaseTimeouts, {
      connectTimeoutMs: 5000,
      statementTimeoutMs: 15_000,
    });
    const custom = loadConfig({
      PROMPTER_DB_CONNECT_TIMEOUT_MS: '800',
      PROMPTER_DB_STATEMENT_TIMEOUT_MS: '0',
    });
    assert.deepEqual(custom.databaseTimeouts, { connectTimeoutMs: 800, statementTimeoutMs: 0 });
    assert.throws(
      () => loadConfig({ PROMPTER_DB_CONNECT_TIMEOUT_MS: '5s' }),
      /PROMPTER_DB_CONNECT_TIMEOUT_MS: /,
    );
  });
});
