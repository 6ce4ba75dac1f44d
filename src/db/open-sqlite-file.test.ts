// Real SQLite files in a temporary directory. Tests run as root in CI, and root writes a 0444
// file, so the read-only case runs the opener in a child process as user `nobody` (65534) when
// this process is root; as another user, it runs in process.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { buildApp } from '../app.ts';
import { loadConfig } from '../config/load-config.ts';
import { DatabaseOpenError } from './database-open-error.ts';
import { openDatabase } from './open-database.ts';
import { openSqliteFile } from './open-sqlite-file.ts';

const NOBODY = 65534;
let directory: string;

const opener = fileURLToPath(new URL('./open-sqlite-file.ts', import.meta.url));
const projectRoot = fileURLToPath(new URL('../..', import.meta.url));

/** Runs openSqliteFile as user `nobody` in a child process; its stdout names the outcome. */
function openAsNobody(filename: string): string {
  const child = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      '--input-type=module',
      '-e',
      `import { openSqliteFile } from ${JSON.stringify(opener)};\n` +
        `try { openSqliteFile(${JSON.stringify(filename)}); console.log('opened'); }\n` +
        `catch (error) { console.log(error.name + ': ' + error.message); }`,
    ],
    { uid: NOBODY, gid: NOBODY, encoding: 'utf8', cwd: projectRoot },
  );
  assert.equal(child.status, 0, child.stderr);
  return child.stdout;
}

/** As this user, or as `nobody` when this process is root (root ignores permission bits). */
function assertRefusedForLackOfPermission(filename: string, reason: RegExp): void {
  if (process.getuid?.() !== 0) {
    assert.throws(opening(filename), namingFile(filename, reason));
    return;
  }
  const outcome = openAsNobody(filename);
  assert.match(outcome, /^DatabaseOpenError: /);
  assert.ok(outcome.includes(filename), outcome);
  assert.match(outcome, reason);
}

function opening(filename: string): () => void {
  return () => openSqliteFile(filename).close();
}

function namingFile(filename: string, reason: RegExp) {
  return (error: unknown) => {
    assert.ok(error instanceof DatabaseOpenError, String(error));
    assert.ok(error.message.includes(filename), error.message);
    assert.match(error.message, reason);
    return true;
  };
}

describe('openSqliteFile: start-up errors name the file', () => {
  before(() => {
    directory = mkdtempSync(join(tmpdir(), 'prompter-open-'));
    chmodSync(directory, 0o755);
  });
  after(() => rmSync(directory, { recursive: true, force: true }));

  it('opens a new file and an existing database', () => {
    const filename = join(directory, 'fresh.db');
    openSqliteFile(filename).close();
    openSqliteFile(filename).close();
  });

  it('refuses a file that is not a SQLite database (garbage bytes)', () => {
    const filename = join(directory, 'garbage.db');
    writeFileSync(filename, Buffer.alloc(8192, 0x5a));
    assert.throws(opening(filename), namingFile(filename, /not a SQLite database/));
  });

  it('refuses a text file', () => {
    const filename = join(directory, 'notes.db');
    writeFileSync(filename, 'these are not the tables you are looking for\n'.repeat(50));
    assert.throws(opening(filename), namingFile(filename, /not a SQLite database/));
  });

  it('refuses a directory where the file should be', () => {
    const filename = join(directory, 'a-directory.db');
    mkdirSync(filename);
    assert.throws(opening(filename), namingFile(filename, /is a directory/));
  });

  it('refuses a path whose directory does not exist', () => {
    const filename = join(directory, 'missing', 'prompter.db');
    assert.throws(opening(filename), namingFile(filename, /directory .*missing does not exist/));
  });

  it('refuses a database whose -wal file cannot be created', () => {
    const filename = join(directory, 'blocked.db');
    openSqliteFile(filename).close();
    rmSync(`${filename}-wal`, { force: true });
    mkdirSync(`${filename}-wal`);
    assert.throws(opening(filename), namingFile(filename, /-wal/));
  });

  it('refuses a read-only file (as a user who cannot write it)', () => {
    const filename = join(directory, 'read-only.db');
    openSqliteFile(filename).close();
    chmodSync(filename, 0o444);
    assertRefusedForLackOfPermission(filename, /cannot both read and write/);
  });

  it('refuses a directory this user cannot write (the -wal and -shm files go there)', () => {
    const readOnlyParent = join(directory, 'locked');
    mkdirSync(readOnlyParent);
    chmodSync(readOnlyParent, 0o555);
    assertRefusedForLackOfPermission(
      join(readOnlyParent, 'prompter.db'),
      /cannot write its directory/,
    );
  });

  it('stops the app at start-up, naming the file (DB_URL with a corrupt file)', async () => {
    const filename = join(directory, 'corrupt-for-app.db');
    writeFileSync(filename, Buffer.alloc(4096, 0x01));
    await assert.rejects(
      (async () =>
        buildApp({
          config: loadConfig({ LOG_LEVEL: 'silent', DB_URL: `sqlite:///${filename}` }),
          redis: null,
        }))(),
      namingFile(filename, /not a SQLite database/),
    );
    assert.throws(() => openDatabase({ dialect: 'sqlite', filename }), DatabaseOpenError);
  });
});
