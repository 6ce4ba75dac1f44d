import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { sql } from 'kysely';
import { parseDatabaseUrl } from '../src/config/database-url.ts';
import { migrateToLatest } from '../src/db/migrator.ts';
import { openDatabase, type DialectName, type OpenDatabase } from '../src/db/open-database.ts';
import { measureDeepPage, type DeepPageFigures } from './measure-deep-page.ts';
import { rssBytes, sampleRss, timeCommand, timeDownload } from './measure-exports.ts';
import {
  insertBenchTemplate,
  REALISTIC_RESULT,
  seedResults,
  SMALL_RESULT,
} from './seed-results.ts';
import { findFreePort, startServer } from './start-server.ts';

/** Row counts; every one can be lowered for a quick run (bench/README.md). */
export interface DataBenchmarkSettings {
  readonly exportRows: number;
  readonly largeRows: number;
  readonly largeRowBytes: number;
  readonly deepPageRows: number;
  /** A PostgreSQL server to measure on (a schema of its own is created and dropped), or none. */
  readonly postgresUrl: string | undefined;
}

export interface ExportFigures {
  readonly seconds: number;
  readonly rowsPerSecond: number;
  readonly bytes: number;
  /** The server's peak resident memory during this export. */
  readonly peakRssBytes: number;
}

export interface DialectFigures {
  readonly dialect: DialectName;
  readonly seedSeconds: number;
  /** The server's resident memory when idle, before the exports. */
  readonly idleRssBytes: number;
  /** The database's own command-line client writing the same rows to a file. */
  readonly cli: {
    readonly command: string;
    readonly seconds: number;
    readonly rowsPerSecond: number;
  };
  readonly csv: ExportFigures;
  readonly jsonl: ExportFigures;
  /** A JSON Lines export of a few very large rows: memory must not follow row size. */
  readonly largeRows: ExportFigures;
  readonly deepPage: DeepPageFigures;
}

const EXPORT_TEMPLATE = {
  id: '01900000-0000-7000-8000-00000000e001',
  idPrefix: '01900001-0000-7000-8000',
};
const LARGE_TEMPLATE = {
  id: '01900000-0000-7000-8000-00000000e002',
  idPrefix: '01900002-0000-7000-8000',
};
const DEEP_TEMPLATE = {
  id: '01900000-0000-7000-8000-00000000e003',
  idPrefix: '01900003-0000-7000-8000',
};
const RUNS = 2;

export function readDataBenchmarkSettings(environment: NodeJS.ProcessEnv): DataBenchmarkSettings {
  const count = (name: string, fallback: number) => {
    const raw = environment[name] ?? String(fallback);
    const value = Number(raw);
    if (!Number.isInteger(value) || value < 1) {
      throw new Error(`${name} must be a whole number ≥ 1, got "${raw}"`);
    }
    return value;
  };
  return {
    exportRows: count('BENCH_EXPORT_ROWS', 100_000),
    largeRows: count('BENCH_LARGE_ROWS', 64),
    largeRowBytes: 1024 * 1024,
    deepPageRows: count('BENCH_DEEP_PAGE_ROWS', 1_000_000),
    postgresUrl: environment['BENCH_PG_URL'] || environment['PROMPTER_TEST_PG_URL'] || undefined,
  };
}

/** Exports and deep pages on SQLite, then on PostgreSQL when a server is configured. */
export async function measureDataBenchmarks(
  settings: DataBenchmarkSettings,
): Promise<DialectFigures[]> {
  const figures = [await measureOn(await sqliteTarget(), settings)];
  if (settings.postgresUrl !== undefined) {
    figures.push(await measureOn(await postgresTarget(settings.postgresUrl), settings));
  } else {
    console.log('PostgreSQL skipped: set BENCH_PG_URL (or PROMPTER_TEST_PG_URL)');
  }
  return figures;
}

interface Target {
  readonly dialect: DialectName;
  /** The DB_URL the server is started with. */
  readonly databaseUrl: string;
  readonly open: () => OpenDatabase;
  /** The CLI command that writes `select` as CSV to `outputPath`. */
  readonly cliExport: (select: string, outputPath: string) => Promise<number>;
  readonly cliName: string;
  readonly directory: string;
  readonly dispose: () => Promise<void>;
}

async function sqliteTarget(): Promise<Target> {
  const directory = await mkdtemp(join(tmpdir(), 'prompter-bench-data-'));
  const filename = join(directory, 'bench.db');
  return {
    dialect: 'sqlite',
    databaseUrl: `sqlite:///${filename}`,
    open: () => openDatabase({ dialect: 'sqlite', filename }),
    cliName: 'sqlite3 -csv -header (stdout to a file)',
    cliExport: (select, outputPath) =>
      timeCommand('sqlite3', ['-readonly', '-csv', '-header', filename, select], outputPath),
    directory,
    dispose: () => rm(directory, { recursive: true, force: true }),
  };
}

async function postgresTarget(url: string): Promise<Target> {
  const target = parseDatabaseUrl(url);
  if (target.dialect !== 'postgres') throw new Error('BENCH_PG_URL must be a postgres:// URL');
  const schema = `bench_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: target.connectionString });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const separator = target.connectionString.includes('?') ? '&' : '?';
  const schemaUrl = `${target.connectionString}${separator}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
  const directory = await mkdtemp(join(tmpdir(), 'prompter-bench-data-'));
  return {
    dialect: 'postgresql',
    databaseUrl: schemaUrl,
    open: () => openDatabase(target, { postgresSchema: schema }),
    cliName: 'psql \\copy (…) to a file, CSV',
    cliExport: (select, outputPath) =>
      timeCommand(
        'psql',
        [
          '-X',
          '-q',
          '-v',
          'ON_ERROR_STOP=1',
          '-d',
          schemaUrl,
          '-c',
          `\\copy (${select}) to '${outputPath}' with (format csv, header)`,
        ],
        null,
      ),
    directory,
    async dispose() {
      await rm(directory, { recursive: true, force: true });
      const cleanup = new pg.Client({ connectionString: target.connectionString });
      await cleanup.connect();
      await cleanup.query(`drop schema if exists ${schema} cascade`);
      await cleanup.end();
    },
  };
}

async function measureOn(target: Target, settings: DataBenchmarkSettings): Promise<DialectFigures> {
  try {
    const database = target.open();
    let seedSeconds: number;
    let deepPage: DeepPageFigures;
    try {
      await migrateToLatest(database.db);
      console.log(
        `${target.dialect}: seeding ${settings.exportRows} + ${settings.largeRows} large + ${settings.deepPageRows} results`,
      );
      const seedStarted = process.hrtime.bigint();
      for (const template of [EXPORT_TEMPLATE, LARGE_TEMPLATE, DEEP_TEMPLATE]) {
        await insertBenchTemplate(database, template.id);
      }
      await seedResults(database, EXPORT_TEMPLATE, settings.exportRows, REALISTIC_RESULT);
      await seedResults(database, LARGE_TEMPLATE, settings.largeRows, {
        ...REALISTIC_RESULT,
        responsePadding: settings.largeRowBytes,
      });
      await seedResults(database, DEEP_TEMPLATE, settings.deepPageRows, SMALL_RESULT);
      if (database.dialect === 'sqlite')
        await sql`pragma wal_checkpoint(truncate)`.execute(database.db);
      seedSeconds = Number(process.hrtime.bigint() - seedStarted) / 1e9;
      console.log(`${target.dialect}: seeded in ${seedSeconds.toFixed(1)} s; timing pages`);
      const depth = Math.floor(settings.deepPageRows / 2);
      deepPage = await measureDeepPage(database, DEEP_TEMPLATE.id, settings.deepPageRows, depth);
    } finally {
      await database.close();
    }

    const select = `select * from prompt_results where template_id = '${EXPORT_TEMPLATE.id}' order by created_at, id`;
    const cliPath = join(target.directory, 'cli.csv');
    const cliSeconds = Math.min(...(await sequence(RUNS, () => target.cliExport(select, cliPath))));
    console.log(`${target.dialect}: ${target.cliName}: ${cliSeconds.toFixed(2)} s`);

    const port = await findFreePort();
    const server = await startServer({
      name: `Prompter on ${target.dialect}`,
      args: ['bin/prompter.js', 'serve'],
      env: {
        PORT: String(port),
        HOST: '127.0.0.1',
        DB_URL: target.databaseUrl,
        LOG_LEVEL: 'warn',
        PROMPTER_PROVIDER_MODE: 'fake',
      },
      port,
      readinessPath: '/health',
      startupTimeoutMs: 60_000,
    });
    try {
      const idleRssBytes = await rssBytes(server.pid);
      const exportOf = async (templateId: string, format: 'csv' | 'jsonl', rows: number) => {
        const url = `${server.baseUrl}/api/prompt-templates/${templateId}/results/export?format=${format}`;
        const outputPath = join(target.directory, `export.${format}`);
        let best: ExportFigures | undefined;
        for (let run = 0; run < RUNS; run++) {
          const memory = sampleRss(server.pid);
          const download = await timeDownload(url, outputPath);
          const peakRssBytes = await memory.stop();
          const figures = {
            seconds: download.seconds,
            rowsPerSecond: rows / download.seconds,
            bytes: download.bytes,
            peakRssBytes,
          };
          if (best === undefined || figures.seconds < best.seconds) best = figures;
        }
        console.log(
          `${target.dialect}: export ${format} of ${rows} rows: ${best?.seconds.toFixed(2)} s`,
        );
        return best as ExportFigures;
      };
      const largeRows = await exportOf(LARGE_TEMPLATE.id, 'jsonl', settings.largeRows);
      const csv = await exportOf(EXPORT_TEMPLATE.id, 'csv', settings.exportRows);
      const jsonl = await exportOf(EXPORT_TEMPLATE.id, 'jsonl', settings.exportRows);
      return {
        dialect: target.dialect,
        seedSeconds,
        idleRssBytes,
        cli: {
          command: target.cliName,
          seconds: cliSeconds,
          rowsPerSecond: settings.exportRows / cliSeconds,
        },
        csv,
        jsonl,
        largeRows,
        deepPage,
      };
    } finally {
      await server.stop();
    }
  } finally {
    await target.dispose();
  }
}

async function sequence<T>(times: number, run: () => Promise<T>): Promise<T[]> {
  const results: T[] = [];
  for (let index = 0; index < times; index++) results.push(await run());
  return results;
}
