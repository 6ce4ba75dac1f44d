import { createInterface } from 'node:readline/promises';
import type { Command } from 'commander';
import { redactDatabaseUrl } from '../../config/database-url.ts';
import { loadConfig } from '../../config/load-config.ts';
import type { DataLoss } from '../../db/plan-migrate-down.ts';
import { CliError } from '../cli-error.ts';
import { exitCodes } from '../exit-codes.ts';
import { requireExistingDatabase } from '../require-existing-database.ts';
import { UsageError } from '../usage-error.ts';

export interface MigrateCommandDeps {
  readonly stdout?: { write(text: string): unknown };
  readonly stderr?: { write(text: string): unknown };
  /** What loadConfig reads; tests pass their own DB_URL. */
  readonly environment?: Readonly<Record<string, string | undefined>>;
  /** Whether a person can answer a question (stdin and stderr are terminals). */
  readonly interactive?: boolean;
  /** Asks a yes/no question; a terminal prompt by default. */
  readonly confirm?: (question: string) => Promise<boolean>;
}

interface DownOptions {
  yes: boolean;
  force: boolean;
}

/** `prompter migrate up|down|status`: the schema of the configured database. */
export function registerMigrateCommand(program: Command, deps: MigrateCommandDeps = {}): void {
  const stdout = deps.stdout ?? process.stdout;
  const stderr = deps.stderr ?? process.stderr;
  program
    .command('migrate')
    .description(
      'Apply (up), revert the latest (down) or list (status) schema migrations. ' +
        'down asks first (--yes skips the question) and refuses to drop tables holding rows ' +
        'unless --force',
    )
    .argument('[direction]', 'up | down | status', 'up')
    .option('--yes', 'down: do not ask for confirmation (needed without a terminal)', false)
    .option('--force', 'down: drop tables and columns even when they hold rows', false)
    .action(async (direction: string, options: DownOptions) => {
      if (!['up', 'down', 'status'].includes(direction)) {
        throw new UsageError(`unknown migrate direction "${direction}": use up, down or status`);
      }
      const config = loadConfig(deps.environment ?? process.env);
      const target = redactDatabaseUrl(config.databaseUrl);
      // Only `up` may create the database; reading or reverting a missing one is a mistake.
      if (direction !== 'up') {
        try {
          requireExistingDatabase(config, 'Nothing to show or revert: check DB_URL.');
        } catch (error) {
          stderr.write(`prompter: ${(error as Error).message}\n`);
          throw new CliError(exitCodes.usage, (error as Error).message);
        }
      }
      const { migrateDownOne, migrateToLatest, migrationStatus } =
        await import('../../db/migrator.ts');
      const { openDatabase } = await import('../../db/open-database.ts');
      // Migrations may build indexes over large tables: no statement limit here.
      const database = openDatabase(config.database, {
        ...config.databaseTimeouts,
        statementTimeoutMs: 0,
      });
      try {
        if (direction === 'status') {
          for (const state of await migrationStatus(database.db)) {
            stdout.write(`${state.executedAt ?? 'pending'.padEnd(24)}  ${state.name}\n`);
          }
        } else if (direction === 'up') {
          const applied = await migrateToLatest(database.db);
          stdout.write(
            applied.length === 0
              ? `${target}: already up to date\n`
              : applied.map((name) => `${target}: applied ${name}\n`).join(''),
          );
        } else {
          const { planMigrateDown } = await import('../../db/plan-migrate-down.ts');
          const plan = await planMigrateDown(database.db);
          if (plan.migrationName === null) {
            stdout.write(`${target}: nothing to revert\n`);
            return;
          }
          await guardMigrateDown(deps, stderr, {
            target,
            migrationName: plan.migrationName,
            losses: plan.losses,
            options,
          });
          const reverted = await migrateDownOne(database.db);
          stdout.write(reverted.map((name) => `${target}: reverted ${name}\n`).join(''));
        }
      } finally {
        await database.close();
      }
    });
}

/**
 * Refuses (throwing a reported {@link CliError}) unless reverting is safe and confirmed: tables or
 * columns holding rows need --force, and a person at a terminal answers yes (or --yes was given).
 */
async function guardMigrateDown(
  deps: MigrateCommandDeps,
  stderr: { write(text: string): unknown },
  plan: {
    target: string;
    migrationName: string;
    losses: readonly DataLoss[];
    options: DownOptions;
  },
): Promise<void> {
  const refuse = (exitCode: 2 | 4 | 1, message: string): never => {
    stderr.write(`prompter: ${message}\n`);
    throw new CliError(exitCode, message);
  };
  const atRisk = plan.losses.filter((loss) => loss.rows > 0);
  const lost = atRisk.map(describeLoss).join(', ');
  const dropped = plan.losses.map((loss) => describeLoss(loss)).join(', ');
  stderr.write(
    `${plan.target}: migrate down reverts ${plan.migrationName}` +
      `${dropped === '' ? '' : `, dropping ${dropped}`}.\n`,
  );
  if (atRisk.length > 0 && !plan.options.force) {
    refuse(
      exitCodes.conflict,
      `refusing to revert ${plan.migrationName}: it would destroy ${lost}. ` +
        'Back the database up, then pass --force to drop them.',
    );
  }
  if (plan.options.yes) return;
  const interactive = deps.interactive ?? (process.stdin.isTTY && process.stderr.isTTY);
  if (!interactive) {
    refuse(
      exitCodes.usage,
      'migrate down needs confirmation: run it on a terminal, or pass --yes.',
    );
  }
  const question =
    `Revert ${plan.migrationName} on ${plan.target}` +
    `${lost === '' ? '' : `, destroying ${lost}`}? [y/N] `;
  if (!(await (deps.confirm ?? askOnTerminal)(question))) {
    refuse(exitCodes.failed, 'migrate down cancelled: nothing changed.');
  }
}

function describeLoss(loss: DataLoss): string {
  const what = loss.column === null ? `table ${loss.table}` : `column ${loss.table}.${loss.column}`;
  return `${what} (${loss.rows} row${loss.rows === 1 ? '' : 's'})`;
}

async function askOnTerminal(question: string): Promise<boolean> {
  const terminal = createInterface({ input: process.stdin, output: process.stderr });
  // End of input (Ctrl-D) is a no.
  const closed = new Promise<string>((resolve) => terminal.once('close', () => resolve('')));
  try {
    const answer = await Promise.race([terminal.question(question), closed]);
    return /^y(es)?$/i.test(answer.trim());
  } finally {
    terminal.close();
  }
}
