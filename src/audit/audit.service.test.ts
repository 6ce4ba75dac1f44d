// Real: the database (both dialects), the migrations and the audit service. Pinned: the clock.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { v7 as uuidv7 } from 'uuid';
import { testDialects, type TestDatabase } from '../../test/helpers/test-databases.ts';
import { ValidationError } from '../core/app-error.ts';
import type { RuntimeDeps } from '../core/runtime-deps.ts';
import { migrateToLatest } from '../db/migrator.ts';
import { createAuditService, type AuditService } from './audit.service.ts';

for (const dialect of testDialects) {
  describe(`audit service [${dialect.name}]`, { skip: dialect.skipReason }, () => {
    let testDatabase: TestDatabase;
    let clock = Date.parse('2026-11-23T10:00:00.000Z');
    const runtime: RuntimeDeps = { now: () => new Date(clock), newId: () => uuidv7() };
    let audit: AuditService;

    before(async () => {
      testDatabase = await dialect.open();
      await migrateToLatest(testDatabase.database.db);
      audit = createAuditService({ db: testDatabase.database.db, runtime });
    });
    after(() => testDatabase?.dispose());

    describe('record', () => {
      it('stores the actor, action, target, details and time, and returns the entry', async () => {
        const entry = await audit.record({
          orgId: 'acme',
          actor: 'cli:alice',
          action: 'template.deleted',
          targetType: 'prompt_template',
          targetId: 'tpl-1',
          details: { name: 'Top supplements', nested: { unicode: 'Zürich 🦄' } },
        });
        const listed = await audit.list({ orgId: 'acme', limit: 10, cursor: undefined });
        assert.deepEqual(listed.items, [entry]);
        assert.deepEqual(entry.details, {
          name: 'Top supplements',
          nested: { unicode: 'Zürich 🦄' },
        });
        assert.equal(entry.createdAt, new Date(clock).toISOString());
      });

      it('stores {} when there are no details', async () => {
        const entry = await audit.record({
          orgId: 'org-empty',
          actor: 'anonymous',
          action: 'template.restored',
          targetType: null,
          targetId: null,
        });
        assert.deepEqual(entry.details, {});
      });
    });

    describe('list', () => {
      it('pages newest first with no duplicates or gaps, and only the asked org', async () => {
        const ids: string[] = [];
        for (let index = 0; index < 7; index += 1) {
          // Two entries per millisecond: the id breaks the tie.
          if (index % 2 === 0) clock += 1;
          const entry = await audit.record({
            orgId: 'org-paged',
            actor: 'cli:bob',
            action: 'key.created',
            targetType: 'api_key',
            targetId: `k${index}`,
          });
          ids.push(entry.id);
          await audit.record({
            orgId: 'org-other',
            actor: 'cli:eve',
            action: 'key.created',
            targetType: 'api_key',
            targetId: `other${index}`,
          });
        }
        const seen: string[] = [];
        let cursor: string | undefined;
        let pages = 0;
        do {
          const page = await audit.list({ orgId: 'org-paged', limit: 3, cursor });
          seen.push(...page.items.map((item) => item.id));
          cursor = page.nextCursor ?? undefined;
          pages += 1;
        } while (cursor !== undefined);
        assert.equal(pages, 3);
        assert.deepEqual(seen, [...ids].reverse());
      });

      it('answers an empty page for an org with no entries', async () => {
        assert.deepEqual(await audit.list({ orgId: 'nobody', limit: 5, cursor: undefined }), {
          items: [],
          nextCursor: null,
        });
      });

      it('rejects a forged cursor with a ValidationError', async () => {
        await assert.rejects(
          audit.list({ orgId: 'acme', limit: 5, cursor: 'not-a-cursor' }),
          ValidationError,
        );
      });
    });
  });
}
