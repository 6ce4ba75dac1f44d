import SqliteDatabase, { type Database as BetterSqliteDatabase } from 'better-sqlite3';
import { accessSync, constants, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { DatabaseOpenError } from './database-open-error.ts';

/** How long a SQLite writer waits for another process's lock before failing. */
const SQLITE_BUSY_TIMEOUT_MS = 5000;

/**
 * Opens the SQLite file Prompter reads and writes, or throws a {@link DatabaseOpenError} naming
 * the file and what is wrong with it: a directory, a missing directory, not readable or writable
 * by this process, not a SQLite database, corrupt. Without these checks SQLite says only "unable
 * to open database file" or "file is not a database", or a read-only file opens and the first
 * write fails as a 500.
 *
 * Writability is checked with access(2), which answers for this process's user: for root it
 * ignores permission bits (root can write a 0444 file) but not a read-only file system. WAL mode
 * creates `<file>-wal` and `<file>-shm` beside the file, so the directory must be writable too.
 */
export function openSqliteFile(filename: string): BetterSqliteDatabase {
  if (filename === ':memory:') return configure(new SqliteDatabase(filename));
  const path = resolve(filename);
  const fail = (reason: string, cause?: unknown): never => {
    throw new DatabaseOpenError(
      `Cannot use the SQLite database ${path}: ${reason}`,
      cause === undefined ? {} : { cause },
    );
  };
  const directory = dirname(path);
  const directoryStat = statSync(directory, { throwIfNoEntry: false });
  if (directoryStat === undefined) fail(`its directory ${directory} does not exist`);
  if (!directoryStat?.isDirectory()) fail(`${directory} is not a directory`);
  const fileStat = statSync(path, { throwIfNoEntry: false });
  if (fileStat?.isDirectory() === true) fail('it is a directory, not a file');
  if (fileStat !== undefined && !canAccess(path, constants.R_OK | constants.W_OK)) {
    fail(`this process (user ${userName()}) cannot both read and write the file`);
  }
  if (!canAccess(directory, constants.W_OK | constants.X_OK)) {
    fail(
      `this process (user ${userName()}) cannot write its directory ${directory}, where SQLite ` +
        'keeps the -wal and -shm files beside the database',
    );
  }
  let connection: BetterSqliteDatabase | undefined;
  try {
    connection = configure(new SqliteDatabase(path));
    // Reads the header and the schema: a file that is not a database, or a corrupt one, fails here.
    connection.prepare('select count(*) from sqlite_master').get();
    return connection;
  } catch (error) {
    connection?.close();
    return fail(reasonFor(error), error);
  }
}

function configure(connection: BetterSqliteDatabase): BetterSqliteDatabase {
  connection.pragma('journal_mode = WAL');
  connection.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
  connection.pragma('foreign_keys = ON');
  connection.pragma('synchronous = NORMAL');
  return connection;
}

function reasonFor(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  const message = error instanceof Error ? error.message : String(error);
  if (code === 'SQLITE_NOTADB')
    return 'the file is not a SQLite database (corrupt, or another kind of file)';
  if (typeof code === 'string' && code.startsWith('SQLITE_CORRUPT'))
    return `the database is corrupt (${message})`;
  if (typeof code === 'string' && code.startsWith('SQLITE_READONLY')) {
    return `it is read-only for this process (${message}); the file and its directory must be writable`;
  }
  if (typeof code === 'string' && code.startsWith('SQLITE_CANTOPEN')) {
    return `SQLite cannot open it or its -wal/-shm files (${message}); check that no directory has those names and that the file and its directory are readable and writable`;
  }
  return typeof code === 'string' ? `${code}: ${message}` : message;
}

function canAccess(path: string, mode: number): boolean {
  try {
    accessSync(path, mode);
    return true;
  } catch {
    return false;
  }
}

function userName(): string {
  return process.getuid === undefined ? 'unknown' : `id ${process.getuid()}`;
}
