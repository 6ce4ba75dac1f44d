import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DatabaseUrlError, parseDatabaseUrl, redactDatabaseUrl } from './database-url.ts';

describe('parseDatabaseUrl', () => {
  const cases: [string, ReturnType<typeof parseDatabaseUrl>][] = [
    ['sqlite:///./prompter.db', { dialect: 'sqlite', filename: './prompter.db' }],
    ['sqlite:////var/lib/prompter.db', { dialect: 'sqlite', filename: '/var/lib/prompter.db' }],
    ['sqlite:///:memory:', { dialect: 'sqlite', filename: ':memory:' }],
    ['sqlite://:memory:', { dialect: 'sqlite', filename: ':memory:' }],
    [
      'postgres://u:p@db:5432/prompter',
      { dialect: 'postgres', connectionString: 'postgres://u:p@db:5432/prompter' },
    ],
    [
      'postgresql://u@db/prompter',
      { dialect: 'postgres', connectionString: 'postgres://u@db/prompter' },
    ],
    [
      'postgresql+psycopg2://u:p@db:5432/prompter?sslmode=require',
      { dialect: 'postgres', connectionString: 'postgres://u:p@db:5432/prompter?sslmode=require' },
    ],
  ];
  for (const [url, expected] of cases) {
    it(`reads ${url}`, () => assert.deepEqual(parseDatabaseUrl(url), expected));
  }

  it('rejects what it cannot open, saying what it accepts', () => {
    for (const url of ['prompter.db', 'mysql://db/x', 'sqlite://relative.db', 'sqlite:///']) {
      assert.throws(() => parseDatabaseUrl(url), DatabaseUrlError, url);
    }
  });

  it('redacts the password for logs', () => {
    assert.equal(redactDatabaseUrl('postgres://user:s3cret@db/x'), 'postgres://user:***@db/x');
    assert.equal(redactDatabaseUrl('sqlite:///./prompter.db'), 'sqlite:///./prompter.db');
  });
});
