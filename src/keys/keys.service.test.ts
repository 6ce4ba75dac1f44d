// Real: the database (both dialects), the migrations, the keys and audit services.
// Pinned: the clock, which each test moves by hand to cross expiry and throttling boundaries.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import fc from 'fast-check';
import { v7 as uuidv7 } from 'uuid';
import { testDialects, type TestDatabase } from '../../test/helpers/test-databases.ts';
import { createAuditService } from '../audit/audit.service.ts';
import { NotFoundError, ValidationError } from '../core/app-error.ts';
import type { RuntimeDeps } from '../core/runtime-deps.ts';
import { migrateToLatest } from '../db/migrator.ts';
import { createKeysService, type KeysService } from './keys.service.ts';

const KEY_FORMAT = /^pk_[a-z2-7]{12}_[A-Za-z0-9_-]{43}$/;
const START = Date.parse('2026-11-23T10:00:00.000Z');

for (const dialect of testDialects) {
  describe(`keys service [${dialect.name}]`, { skip: dialect.skipReason }, () => {
    let testDatabase: TestDatabase;
    let clock = START;
    const runtime: RuntimeDeps = { now: () => new Date(clock), newId: () => uuidv7() };
    let keys: KeysService;
    let audit: ReturnType<typeof createAuditService>;
    let orgCounter = 0;
    const uniqueOrg = () => `org-${dialect.name}-${(orgCounter += 1)}`;
    const draft = (orgId: string, overrides: Record<string, unknown> = {}) => ({
      orgId,
      role: 'admin' as const,
      name: 'ci',
      createdBy: 'cli:tester',
      expiresAt: null,
      ...overrides,
    });

    before(async () => {
      testDatabase = await dialect.open();
      await migrateToLatest(testDatabase.database.db);
      audit = createAuditService({ db: testDatabase.database.db, runtime });
      keys = createKeysService({ db: testDatabase.database.db, runtime, audit });
    });
    after(() => testDatabase?.dispose());
    beforeEach(() => {
      clock = START;
    });

    describe('createApiKey, authenticate, revokeApiKey', () => {
      it('round-trips: the secret authenticates as its org and role until revoked', async () => {
        const orgId = uniqueOrg();
        const { key, secret } = await keys.createApiKey(draft(orgId, { role: 'member' }));
        assert.match(secret, KEY_FORMAT);
        assert.equal(secret.slice(3, 15), key.prefix);
        assert.deepEqual(
          { orgId: key.orgId, role: key.role, name: key.name, createdBy: key.createdBy },
          { orgId, role: 'member', name: 'ci', createdBy: 'cli:tester' },
        );
        assert.deepEqual(await keys.authenticate(secret), {
          kind: 'key',
          keyId: key.id,
          orgId,
          role: 'member',
        });
        assert.deepEqual(
          (await keys.listApiKeys(orgId)).map((listed) => listed.id),
          [key.id],
        );

        clock += 1000;
        const revoked = await keys.revokeApiKey(key.id, 'cli:admin');
        assert.equal(revoked.revokedAt, new Date(clock).toISOString());
        assert.equal(await keys.authenticate(secret), null);

        const entries = (await audit.list({ orgId, limit: 10, cursor: undefined })).items;
        assert.deepEqual(
          entries.map((entry) => [entry.action, entry.actor, entry.targetId]),
          [
            ['key.revoked', 'cli:admin', key.id],
            ['key.created', 'cli:tester', key.id],
          ],
        );
      });

      it('makes a different secret every time', async () => {
        const orgId = uniqueOrg();
        const secrets = new Set<string>();
        for (let index = 0; index < 20; index += 1) {
          secrets.add((await keys.createApiKey(draft(orgId))).secret);
        }
        assert.equal(secrets.size, 20);
      });

      it('stops authenticating at expiry, and countActiveKeys follows', async () => {
        const orgId = uniqueOrg();
        const activeBefore = await keys.countActiveKeys();
        const { secret } = await keys.createApiKey(
          draft(orgId, { expiresAt: new Date(START + 60 * 60 * 1000) }),
        );
        assert.equal(await keys.countActiveKeys(), activeBefore + 1);
        clock = START + 60 * 60 * 1000 - 1;
        assert.notEqual(await keys.authenticate(secret), null);
        clock = START + 60 * 60 * 1000;
        assert.equal(await keys.authenticate(secret), null);
        assert.equal(await keys.countActiveKeys(), activeBefore);
      });

      it('revoking twice changes nothing and records one entry', async () => {
        const orgId = uniqueOrg();
        const { key } = await keys.createApiKey(draft(orgId));
        const first = await keys.revokeApiKey(key.id, 'cli:a');
        clock += 5000;
        const second = await keys.revokeApiKey(key.id.toUpperCase(), 'cli:b');
        assert.equal(second.revokedAt, first.revokedAt);
        const entries = (await audit.list({ orgId, limit: 10, cursor: undefined })).items;
        assert.equal(entries.filter((entry) => entry.action === 'key.revoked').length, 1);
      });

      it('answers NotFoundError for an unknown or malformed id', async () => {
        for (const id of [uuidv7(), 'not-a-uuid', "1' or '1'='1"]) {
          await assert.rejects(keys.revokeApiKey(id, 'cli:a'), NotFoundError);
        }
      });

      it('rejects an empty org, an unknown role and an expiry in the past, writing nothing', async () => {
        const before = await keys.listApiKeys();
        for (const bad of [
          draft(''),
          draft('a\u0000b'),
          draft(uniqueOrg(), { role: 'root' }),
          draft(uniqueOrg(), { expiresAt: new Date(START - 1) }),
          draft(uniqueOrg(), { expiresAt: new Date(Number.NaN) }),
        ]) {
          await assert.rejects(keys.createApiKey(bad), ValidationError);
        }
        assert.equal((await keys.listApiKeys()).length, before.length);
      });
    });

    describe('what is stored', () => {
      it('never contains the secret, nor its random part, in any row of api_keys or audit_log', async () => {
        const { secret } = await keys.createApiKey(draft(uniqueOrg()));
        const randomPart = secret.slice(16);
        const keyRows = await testDatabase.database.db.selectFrom('api_keys').selectAll().execute();
        const auditRows = await testDatabase.database.db
          .selectFrom('audit_log')
          .selectAll()
          .execute();
        const everything = JSON.stringify([keyRows, auditRows]);
        assert.ok(!everything.includes(secret), 'the key is stored');
        assert.ok(!everything.includes(randomPart), 'the random part is stored');
        const listed = JSON.stringify(await keys.listApiKeys());
        assert.ok(!listed.includes(randomPart));
        assert.ok(!listed.includes('secret_hash') && !listed.includes('secretHash'));
      });
    });

    describe('authenticate with hostile input', () => {
      let validSecret: string;
      before(async () => {
        validSecret = (await keys.createApiKey(draft(uniqueOrg()))).secret;
      });

      it('answers null, never throwing, for malformed values', async () => {
        const prefix = validSecret.slice(0, 16);
        const hostile: unknown[] = [
          '',
          ' ',
          'x'.repeat(1_000_000),
          'pk_',
          `${validSecret} `,
          ` ${validSecret}`,
          validSecret.toUpperCase(),
          `${validSecret.slice(0, -1)}`,
          `${validSecret}A`,
          `${prefix}${'A'.repeat(43)}`,
          `${prefix}${'é'.repeat(43)}`,
          `${prefix}${'\u0000'.repeat(43)}`,
          `${prefix}${'\ud800'.repeat(43)}`,
          `pk_${"' OR '1'='1".padEnd(12, '-')}_${'A'.repeat(43)}`,
          `pk_aaaaaaaaaaa%_${'A'.repeat(43)}`,
          "'; drop table api_keys; --",
          '🦄'.repeat(30),
          validSecret.replace('pk_', 'sk_'),
          undefined,
          null,
          42,
          {},
          [validSecret],
        ];
        for (const value of hostile) {
          assert.equal(await keys.authenticate(value as string), null, JSON.stringify(value));
        }
        assert.notEqual(await keys.authenticate(validSecret), null, 'the table survived');
      });

      it('answers null for any generated string, and any tail after a real prefix', async () => {
        const prefix = validSecret.slice(0, 16);
        await fc.assert(
          fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 100 }), async (text) => {
            assert.equal(await keys.authenticate(text), null);
            assert.equal(await keys.authenticate(`${prefix}${text}`), null);
          }),
          { numRuns: 150 },
        );
        await fc.assert(
          fc.asyncProperty(fc.stringMatching(/^[A-Za-z0-9_-]{43}$/), async (tail) => {
            const guess = `${prefix}${tail}`;
            fc.pre(guess !== validSecret);
            assert.equal(await keys.authenticate(guess), null);
          }),
          { numRuns: 100 },
        );
      });
    });

    describe('last_used_at', () => {
      const lastUsed = async (id: string) =>
        (
          await testDatabase.database.db
            .selectFrom('api_keys')
            .select('last_used_at')
            .where('id', '=', id)
            .executeTakeFirstOrThrow()
        ).last_used_at;

      it('is written on first use, then at most once a minute', async () => {
        const { key, secret } = await keys.createApiKey(draft(uniqueOrg()));
        assert.equal(await lastUsed(key.id), null);
        await keys.authenticate(secret);
        assert.equal(await lastUsed(key.id), new Date(START).toISOString());
        clock = START + 30_000;
        await keys.authenticate(secret);
        clock = START + 59_999;
        await keys.authenticate(secret);
        assert.equal(await lastUsed(key.id), new Date(START).toISOString());
        clock = START + 60_001;
        await keys.authenticate(secret);
        assert.equal(await lastUsed(key.id), new Date(START + 60_001).toISOString());
      });

      it('is not written by failed attempts', async () => {
        const { key, secret } = await keys.createApiKey(draft(uniqueOrg()));
        await keys.authenticate(`${secret.slice(0, -1)}${secret.endsWith('A') ? 'B' : 'A'}`);
        assert.equal(await lastUsed(key.id), null);
      });
    });
  });
}
