// Every row of every table in a test database, as one text, for tests that grep what Prompter
// stored (secrets must not be there). Tables come from the catalog, so new ones are included.
import { sql } from 'kysely';
import type { OpenDatabase } from '../../src/db/open-database.ts';

export async function dumpAllTables(database: OpenDatabase): Promise<string> {
  const tables =
    database.dialect === 'sqlite'
      ? await sql<{ name: string }>`
          select name from sqlite_master where type = 'table' and name not like 'sqlite_%'
        `.execute(database.db)
      : await sql<{ name: string }>`
          select table_name as name from information_schema.tables
          where table_schema = current_schema() and table_type = 'BASE TABLE'
        `.execute(database.db);
  const parts: string[] = [];
  for (const { name } of tables.rows) {
    const { rows } = await sql<Record<string, unknown>>`select * from ${sql.table(name)}`.execute(
      database.db,
    );
    parts.push(`${name}: ${JSON.stringify(rows)}`);
  }
  return parts.join('\n');
}
