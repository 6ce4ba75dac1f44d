import type { Command } from 'commander';
import { loadConfig } from '../../config/load-config.ts';
import { redactDatabaseUrl } from '../../config/database-url.ts';

export function registerMigrateCommand(program: Command): void {
  program
    .command('migrate')
    .description('Apply (up), revert the latest (down) or list (status) schema migrations')
    .argument('[direction]', 'up | down | status', 'up')
    .action(async (direction: string) => {
      if (!['up', 'down', 'status'].includes(direction)) {
        throw new Error(`unknown migrate direction "${direction}": use up, down or status`);
      }
      const config = loadConfig();
      const { migrateDownOne, migrateToLatest, migrationStatus } =
        await import('../../db/migrator.ts');
      const { openDatabase } = await import('../../db/open-database.ts');
      // Migrations may build indexes over large tables: no statement limit here.
      const database = openDatabase(config.database, {
        ...config.databaseTimeouts,
        statementTimeoutMs: 0,
      });
      try {
        const target = redactDatabaseUrl(config.databaseUrl);
        if (direction === 'status') {
          for (const state of await migrationStatus(database.db)) {
            process.stdout.write(`${state.executedAt ?? 'pending'.padEnd(24)}  ${state.name}\n`);
          }
        } else if (direction === 'up') {
          const applied = await migrateToLatest(database.db);
          process.stdout.write(
            applied.length === 0
              ? `${target}: already up to date\n`
              : applied.map((name) => `${target}: applied ${name}\n`).join(''),
          );
        } else {
          const reverted = await migrateDownOne(database.db);
          process.stdout.write(
            reverted.length === 0
              ? `${target}: nothing to revert\n`
              : reverted.map((name) => `${target}: reverted ${name}\n`).join(''),
          );
        }
      } finally {
        await database.close();
      }
    });
}
