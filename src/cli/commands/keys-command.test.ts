// Real: the `keys` command tree (commander, in process), the configured database it opens from
// DB_URL (a SQLite file, and a PostgreSQL schema of its own), migrations, keys and audit services.
// Captured: stdout. Injected: the actor name.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Command, CommanderError } from 'commander';
import pg from 'pg';
import { testDialects } from '../../../test/helpers/test-databases.ts';
import { createAuditService } from '../../audit/audit.service.ts';
import { loadConfig } from '../../config/load-config.ts';
import { systemRuntime } from '../../core/runtime-deps.ts';
import { openDatabase } from '../../db/open-database.ts';
import { createKeysService } from '../../keys/keys.service.ts';
import { registerKeysCommand } from './keys-command.ts';

interface CommandDatabase {
  readonly url: string;
  dispose(): Promise<void>;
}

async function commandDatabase(dialect: string): Promise<CommandDatabase> {
  if (dialect === 'sqlite') {
    const directory = mkdtempSync(join(tmpdir(), 'prompter-keys-cli-'));
    return {
      url: `sqlite:///${join(directory, 'x.db')}`,
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
  describe(`prompter keys [${dialect.name}]`, { skip: dialect.skipReason }, () => {
    let database: CommandDatabase;
    before(async () => {
      database = await commandDatabase(dialect.name);
    });
    after(() => database?.dispose());

    /** Runs `prompter keys …` in process on a fresh command tree; returns what it printed. */
    async function run(...args: string[]): Promise<string> {
      let output = '';
      const program = new Command('prompter')
        .exitOverride()
        .configureOutput({ writeErr: () => undefined, writeOut: () => undefined });
      registerKeysCommand(program, {
        stdout: { write: (text: string) => (output += text) },
        environment: { DB_URL: database.url },
        actor: 'cli:tester',
      });
      await program.parseAsync(['keys', ...args], { from: 'user' });
      return output;
    }

    async function authenticate(secret: string) {
      const opened = openDatabase(loadConfig({ DB_URL: database.url }).database);
      try {
        const db = opened.db;
        const audit = createAuditService({ db, runtime: systemRuntime });
        return await createKeysService({ db, runtime: systemRuntime, audit }).authenticate(secret);
      } finally {
        await opened.close();
      }
    }

    describe('keys create', () => {
      it('--json prints exactly {"id", "org_id", "role", "key"}, and the key works', async () => {
        const output = await run('create', '--org', 'acme', '--role', 'viewer', '--json');
        assert.equal(output.trim().split('\n').length, 1);
        const created = JSON.parse(output);
        assert.deepEqual(Object.keys(created).sort(), ['id', 'key', 'org_id', 'role']);
        assert.equal(created.org_id, 'acme');
        assert.equal(created.role, 'viewer');
        assert.match(created.key, /^pk_[a-z2-7]{12}_[A-Za-z0-9_-]{43}$/);
        assert.deepEqual(await authenticate(created.key), {
          kind: 'key',
          keyId: created.id,
          orgId: 'acme',
          role: 'viewer',
        });
      });

      it('prints the secret once with how to use it, as a member key by default', async () => {
        const output = await run('create', '--org', 'acme', '--name', 'laptop');
        const secret = /pk_[a-z2-7]{12}_[A-Za-z0-9_-]{43}/.exec(output)?.[0];
        assert.ok(secret !== undefined, output);
        assert.match(output, /member key/);
        assert.match(output, /not be shown again/);
        assert.equal((await authenticate(secret))?.kind, 'key');
      });

      it('sets an expiry from --expires-in-days', async () => {
        const created = JSON.parse(
          await run('create', '--org', 'expiring', '--expires-in-days', '30', '--json'),
        );
        const listed = JSON.parse(await run('list', '--org', 'expiring', '--json')).items;
        const expiresAt = Date.parse(listed[0].expires_at);
        assert.equal(listed[0].id, created.id);
        assert.ok(Math.abs(expiresAt - (Date.now() + 30 * 86_400_000)) < 60_000);
      });

      it('rejects a missing org, an unknown role and a bad expiry', async () => {
        for (const args of [
          ['create'],
          ['create', '--org', 'acme', '--role', 'root'],
          ['create', '--org', 'acme', '--expires-in-days', '0'],
          ['create', '--org', 'acme', '--expires-in-days', 'soon'],
        ]) {
          await assert.rejects(run(...args), CommanderError, args.join(' '));
        }
      });
    });

    describe('keys list', () => {
      it('--json lists keys without secrets or hashes', async () => {
        const created = JSON.parse(await run('create', '--org', 'listed', '--json'));
        const output = await run('list', '--org', 'listed', '--json');
        const items = JSON.parse(output).items;
        assert.deepEqual(
          items.map((item: { id: string }) => item.id),
          [created.id],
        );
        assert.ok(!('key' in items[0]) && !('secret_hash' in items[0]));
        assert.ok(!output.includes(created.key.slice(16)), 'the secret is printed');
        assert.equal(items[0].created_by, 'cli:tester');
      });

      it('prints a table with the status of every key', async () => {
        const created = JSON.parse(await run('create', '--org', 'tabled', '--json'));
        const table = await run('list', '--org', 'tabled');
        assert.match(table, /^id\s+org\s+role\s+status/);
        assert.match(table, new RegExp(`${created.id}\\s+tabled\\s+member\\s+active`));
        assert.ok(!table.includes(created.key.slice(16)));
      });
    });

    describe('keys revoke', () => {
      it('revokes a key: it no longer authenticates and lists as revoked', async () => {
        const created = JSON.parse(await run('create', '--org', 'revoked', '--json'));
        assert.match(await run('revoke', created.id), /Revoked key/);
        assert.equal(await authenticate(created.key), null);
        assert.match(await run('list', '--org', 'revoked'), /revoked\s+pk_/);
      });

      it('fails for an unknown id', async () => {
        await assert.rejects(run('revoke', '01900000-0000-7000-8000-000000000000'), /not found/);
      });
    });
  });
}

describe('prompter keys on a missing SQLite file', () => {
  it('list and revoke refuse and create nothing; create makes the first database', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'prompter-keys-missing-'));
    const file = join(directory, 'absent.db');
    const keys = (...args: string[]) => {
      const program = new Command('prompter')
        .exitOverride()
        .configureOutput({ writeErr: () => undefined, writeOut: () => undefined });
      registerKeysCommand(program, {
        stdout: { write: () => true },
        environment: { DB_URL: `sqlite:///${file}` },
        actor: 'cli:tester',
      });
      return program.parseAsync(['keys', ...args], { from: 'user' });
    };
    try {
      await assert.rejects(keys('list'), /no database at .*absent\.db/);
      await assert.rejects(keys('revoke', '01900000-0000-7000-8000-000000000000'), /no database/);
      assert.equal(existsSync(file), false, 'a read created the database');
      await keys('create', '--org', 'acme');
      assert.equal(existsSync(file), true, 'the first admin key creates it');
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});
