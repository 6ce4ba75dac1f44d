import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ConfigError, loadConfig } from './load-config.ts';
import { readEnvironment } from './read-environment.ts';

describe('readEnvironment', () => {
  let directory: string;
  before(() => {
    directory = mkdtempSync(join(tmpdir(), 'prompter-dotenv-'));
  });
  after(() => rmSync(directory, { recursive: true, force: true }));

  it('reads .env in the directory; a variable set in the environment wins over the file', () => {
    writeFileSync(
      join(directory, '.env'),
      [
        '# a comment',
        'DB_URL=sqlite:///./from-file.db',
        'PORT=9001',
        'METRICS_ENV="quoted value"',
        'export LOG_LEVEL=warn',
        '',
      ].join('\n'),
    );
    const { environment, envFile } = readEnvironment({ PORT: '9002', OTHER: 'x' }, directory);
    assert.equal(envFile, join(directory, '.env'));
    assert.equal(environment['DB_URL'], 'sqlite:///./from-file.db');
    assert.equal(environment['PORT'], '9002');
    assert.equal(environment['METRICS_ENV'], 'quoted value');
    assert.equal(environment['OTHER'], 'x');
    const config = loadConfig(environment);
    assert.equal(config.port, 9002);
    assert.equal(config.databaseUrl, 'sqlite:///./from-file.db');
    assert.equal(config.metricsEnv, 'quoted value');
  });

  it('without .env the environment is returned as it is', () => {
    const empty = mkdtempSync(join(tmpdir(), 'prompter-no-dotenv-'));
    try {
      const processEnvironment = { PORT: '1' };
      const read = readEnvironment(processEnvironment, empty);
      assert.equal(read.envFile, null);
      assert.equal(read.environment, processEnvironment);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  it('an unreadable .env (here a directory) is a ConfigError from loadConfig() naming the file', () => {
    const odd = mkdtempSync(join(tmpdir(), 'prompter-odd-dotenv-'));
    const previous = process.cwd();
    try {
      mkdirSync(join(odd, '.env'));
      assert.throws(() => readEnvironment({}, odd), /cannot read .*\.env: EISDIR/);
      process.chdir(odd);
      assert.throws(
        () => loadConfig(),
        (error: unknown) => {
          assert.ok(error instanceof ConfigError);
          assert.match(error.message, /\.env: cannot read .*\.env/);
          return true;
        },
      );
    } finally {
      process.chdir(previous);
      rmSync(odd, { recursive: true, force: true });
    }
  });
});
