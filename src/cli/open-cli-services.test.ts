// Real: a SQLite file from DB_URL, migrations, every service (fake providers); the notice is captured.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { loadConfig } from '../config/load-config.ts';
import { MigrationsPendingError } from '../runtime/migrations-pending-error.ts';
import { LOCAL_METRICS_NOTICE, openCliServices } from './open-cli-services.ts';

describe('openCliServices', () => {
  it('opens the services on the migrated database and says plainly that local runs are not in the server metrics', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'prompter-cli-services-'));
    try {
      const config = loadConfig({ DB_URL: `sqlite:///${join(directory, 'cli.db')}` });
      let notice = '';
      const { services, close } = await openCliServices(config, {
        notice: { write: (text: string) => (notice += text) },
      });
      try {
        assert.equal(await services.keys.countActiveKeys(), 0);
      } finally {
        await close();
      }
      assert.equal(notice, LOCAL_METRICS_NOTICE);
      assert.match(notice, /not counted in the server's Prometheus metrics/);
      assert.match(notice, /PROMPTER_URL/);
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });

  it('with require-current, refuses an unmigrated database before printing anything', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'prompter-cli-services-'));
    try {
      const filename = join(directory, 'behind.db');
      const config = loadConfig({ DB_URL: `sqlite:///${filename}` });
      let notice = '';
      await assert.rejects(
        openCliServices(config, {
          migrations: 'require-current',
          notice: { write: (text: string) => (notice += text) },
        }),
        MigrationsPendingError,
      );
      assert.equal(notice, '');
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});
