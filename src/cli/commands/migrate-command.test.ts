// Real: the `migrate` command (commander, in process), the database it opens from DB_URL (a SQLite
// file, a PostgreSQL schema of its own), the migrations, the keys and audit services that put rows
// in the tables. Injected: whether a terminal is attached and the person's answer. Captured: output.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { Command } from 'commander';
import { commandDatabase, type CommandDatabase } from '../../../test/helpers/command-database.ts';
import { testDialects } from '../../../test/helpers/test-databases.ts';
import { createAuditService } from '../../audit/audit.service.ts';
import { loadConfig } from '../../config/load-config.ts';
import { systemRuntime } from '../../core/runtime-deps.ts';
import { migrateDownOne, migrationStatus } from '../../db/migrator.ts';
import { openDatabase } from '../../db/open-database.ts';
import { createKeysService } from '../../keys/keys.service.ts';
import { CliError } from '../cli-error.ts';
import { exitCodes } from '../exit-codes.ts';
import { registerMigrateCommand, type MigrateCommandDeps } from './migrate-command.ts';

const latest = '2026-11-23-0002-create-api-keys-and-audit-log';
const first = '2026-11-23-0001-create-prompt-tables';

for (const dialect of testDialects) {
  describe(`prompter migrate down [${dialect.name}]`, { skip: dialect.skipReason }, () => {
    let database: CommandDatabase;
    beforeEach(async () => {
      database = await commandDatabase(dialect.name);
      await migrate(['up']);
      // The cases below are about 0002 (keys and audit) and 0001: revert whatever came later.
      const opened = openDatabase(loadConfig({ DB_URL: database.url }).database);
      try {
        const appliedAfterLatest = async () =>
          (await migrationStatus(opened.db)).filter(
            (state) => state.executedAt !== null && state.name > latest,
          ).length;
        while ((await appliedAfterLatest()) > 0) await migrateDownOne(opened.db);
      } finally {
        await opened.close();
      }
    });
    afterEach(() => database?.dispose());

    /** Runs `prompter migrate …` in process; returns its output and exit code. */
    async function migrate(args: string[], deps: Partial<MigrateCommandDeps> = {}) {
      let stdout = '';
      let stderr = '';
      const program = new Command('prompter')
        .exitOverride()
        .configureOutput({ writeErr: () => undefined, writeOut: () => undefined });
      registerMigrateCommand(program, {
        stdout: { write: (text: string) => (stdout += text) },
        stderr: { write: (text: string) => (stderr += text) },
        environment: { DB_URL: database.url },
        interactive: false,
        ...deps,
      });
      let exitCode: number = exitCodes.ok;
      try {
        await program.parseAsync(['migrate', ...args], { from: 'user' });
      } catch (error) {
        if (!(error instanceof CliError)) throw error;
        exitCode = error.exitCode;
      }
      return { stdout, stderr, exitCode };
    }

    /** Opens the database to look: applied migrations, and rows per table (null: no table). */
    async function inspect() {
      const opened = openDatabase(loadConfig({ DB_URL: database.url }).database);
      try {
        const applied = (await migrationStatus(opened.db))
          .filter((state) => state.executedAt !== null)
          .map((state) => state.name);
        const tables = new Set((await opened.db.introspection.getTables()).map((t) => t.name));
        const rows: Record<string, number | null> = {};
        for (const table of ['api_keys', 'audit_log', 'prompt_templates'] as const) {
          rows[table] = tables.has(table)
            ? Number(
                (
                  await opened.db
                    .selectFrom(table)
                    .select((eb) => eb.fn.countAll().as('count'))
                    .executeTakeFirstOrThrow()
                ).count,
              )
            : null;
        }
        return { applied, rows };
      } finally {
        await opened.close();
      }
    }

    /** One API key: a row in api_keys and one in audit_log. */
    async function createKey() {
      const opened = openDatabase(loadConfig({ DB_URL: database.url }).database);
      try {
        const db = opened.db;
        const audit = createAuditService({ db, runtime: systemRuntime });
        await createKeysService({ db, runtime: systemRuntime, audit }).createApiKey({
          orgId: 'acme',
          role: 'admin',
          name: null,
          createdBy: 'cli:test',
          expiresAt: null,
        });
      } finally {
        await opened.close();
      }
    }

    it('reverts the latest migration when its tables are empty (--yes)', async () => {
      const outcome = await migrate(['down', '--yes']);
      assert.equal(outcome.exitCode, 0, outcome.stderr);
      assert.match(outcome.stdout, new RegExp(`reverted ${latest}`));
      assert.match(outcome.stderr, /table audit_log \(0 rows\), table api_keys \(0 rows\)/);
      const state = await inspect();
      assert.deepEqual(state.applied, [first]);
      assert.equal(state.rows['api_keys'], null);
    });

    it('refuses to drop tables holding rows, naming them and their counts; drops nothing', async () => {
      await createKey();
      const outcome = await migrate(['down', '--yes']);
      assert.equal(outcome.exitCode, exitCodes.conflict);
      assert.match(
        outcome.stderr,
        /refusing to revert .*table audit_log \(1 row\), table api_keys \(1 row\).*--force/,
      );
      assert.equal(outcome.stdout, '');
      const state = await inspect();
      assert.deepEqual(state.applied, [first, latest]);
      assert.deepEqual(state.rows, { api_keys: 1, audit_log: 1, prompt_templates: 0 });
    });

    it('--force drops them', async () => {
      await createKey();
      const outcome = await migrate(['down', '--yes', '--force']);
      assert.equal(outcome.exitCode, 0, outcome.stderr);
      assert.deepEqual((await inspect()).applied, [first]);
    });

    it('without a terminal and without --yes it refuses, even with --force', async () => {
      for (const args of [['down'], ['down', '--force']]) {
        const outcome = await migrate(args);
        assert.equal(outcome.exitCode, exitCodes.usage, args.join(' '));
        assert.match(outcome.stderr, /needs confirmation.*--yes/);
      }
      assert.deepEqual((await inspect()).applied, [first, latest]);
    });

    it('on a terminal it asks, saying what would be lost; only yes reverts', async () => {
      await createKey();
      const questions: string[] = [];
      const answer = (yes: boolean) => (question: string) => {
        questions.push(question);
        return Promise.resolve(yes);
      };
      const declined = await migrate(['down', '--force'], {
        interactive: true,
        confirm: answer(false),
      });
      assert.equal(declined.exitCode, exitCodes.failed);
      assert.match(declined.stderr, /cancelled: nothing changed/);
      assert.deepEqual((await inspect()).applied, [first, latest]);
      assert.match(
        questions[0] ?? '',
        new RegExp(`Revert ${latest} on .*destroying table audit_log \\(1 row\\)`),
      );

      const accepted = await migrate(['down', '--force'], {
        interactive: true,
        confirm: answer(true),
      });
      assert.equal(accepted.exitCode, 0, accepted.stderr);
      assert.deepEqual((await inspect()).applied, [first]);
    });

    it('guards every step: the first migration with templates in it is refused too', async () => {
      assert.equal((await migrate(['down', '--yes'])).exitCode, 0);
      const opened = openDatabase(loadConfig({ DB_URL: database.url }).database);
      try {
        await opened.db
          .insertInto('prompt_templates')
          .values({
            id: '01900000-0000-7000-8000-000000000001',
            org_id: 'o',
            workspace_id: 'w',
            name: 'n',
            provider: null,
            system_instructions: null,
            user_prompt_template: 'x',
            country_set: '[]',
            model_id: 'gpt-4o',
            inference_params: '{}',
            tools_spec: '[]',
            response_format: null,
            grounding_profile_id: null,
            grounding_snapshot_id: null,
            retrieval_params: null,
            preprocess_pipeline_id: null,
            postprocess_pipeline_id: null,
            config_hash: 'h',
            config_canonical_json: '{}',
            created_by: null,
            created_at: '2026-11-23T00:00:00.000Z',
            deleted_at: null,
          })
          .execute();
      } finally {
        await opened.close();
      }
      const refused = await migrate(['down', '--yes']);
      assert.equal(refused.exitCode, exitCodes.conflict);
      assert.match(refused.stderr, /table prompt_templates \(1 row\)/);
      const refusal = refused.stderr.split('\n').find((line) => line.includes('refusing')) ?? '';
      assert.ok(!refusal.includes('prompt_results'), `only tables holding rows: ${refusal}`);
      assert.equal((await inspect()).rows['prompt_templates'], 1);
      assert.equal((await migrate(['down', '--yes'])).exitCode, exitCodes.conflict);
      assert.equal((await migrate(['down', '--yes', '--force'])).exitCode, 0);
      assert.match((await migrate(['down', '--yes'])).stdout, /nothing to revert/);
    });
  });
}

describe('prompter migrate status|down on a missing SQLite file', () => {
  it('refuses without creating it; only migrate up creates a database', async () => {
    const database = await commandDatabase('sqlite');
    try {
      const filename = new URL(database.url.replace('sqlite:///', 'file://')).pathname;
      for (const direction of ['status', 'down']) {
        let stderr = '';
        const program = new Command('prompter').exitOverride();
        registerMigrateCommand(program, {
          stdout: { write: () => true },
          stderr: { write: (text: string) => (stderr += text) },
          environment: { DB_URL: database.url },
          interactive: false,
        });
        await assert.rejects(
          program.parseAsync(['migrate', direction, '--yes'], { from: 'user' }),
          (error: CliError) => error.exitCode === exitCodes.usage,
        );
        assert.match(stderr, /no database at/);
        assert.equal(existsSync(filename), false, direction);
      }
    } finally {
      await database.dispose();
    }
  });
});
