import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CompiledQuery, sql, type Compilable } from 'kysely';
import { auditRow, orderedId, resultRow, templateRow } from './helpers/paging-rows.ts';
import { testDialects, type TestDatabase } from './helpers/test-databases.ts';
import { auditPageQuery, listAuditPage } from '../src/audit/audit.repository.ts';
import { PAGE_MAX_BYTES, type PagePosition } from '../src/core/page-cursor.ts';
import { listResultsPage, resultsPageQuery } from '../src/results/results.repository.ts';
import { listTemplatesPage, templatesPageQuery } from '../src/templates/templates.repository.ts';
import { migrateToLatest } from '../src/db/migrator.ts';

// Real databases; rows are inserted directly so that many of them share one created_at.
const TIES = ['2026-11-23T10:00:00.000Z', '2026-11-23T10:00:01.000Z', '2026-11-23T10:00:02.000Z'];
const ROWS = 14;
const position = { createdAt: TIES[1] as string, id: orderedId(5) };

/** Row n's timestamp: runs of equal timestamps, so the id must break the ties. */
const createdAtOf = (n: number) => TIES[Math.floor(n / 5)] as string;

/** Every row by (created_at, id) descending: what paging newest first must return. */
const expectedNewestFirst = Array.from({ length: ROWS }, (_, n) => n)
  .sort((a, b) => createdAtOf(b).localeCompare(createdAtOf(a)) || b - a)
  .map(orderedId);

async function pageThrough(
  readPage: (
    after: PagePosition | undefined,
  ) => Promise<{ rows: { created_at: string; id: string }[]; more: boolean }>,
): Promise<string[]> {
  const seen: string[] = [];
  let after: PagePosition | undefined;
  for (;;) {
    const { rows, more } = await readPage(after);
    seen.push(...rows.map((row) => row.id));
    const last = rows.at(-1);
    if (!more || last === undefined) return seen;
    after = { createdAt: last.created_at, id: last.id };
  }
}

for (const dialect of testDialects) {
  describe(
    `keyset pages over (created_at, id) [${dialect.name}]`,
    { skip: dialect.skipReason },
    () => {
      let testDatabase: TestDatabase;
      const templateId = orderedId(1000);
      before(async () => {
        testDatabase = await dialect.open();
        const db = testDatabase.database.db;
        await migrateToLatest(db);
        await db
          .insertInto('prompt_templates')
          .values(templateRow(templateId, TIES[0] as string, { orgId: 'owner' }))
          .execute();
        for (let n = 0; n < ROWS; n++) {
          await db
            .insertInto('prompt_templates')
            .values(templateRow(orderedId(n), createdAtOf(n)))
            .execute();
          await db
            .insertInto('audit_log')
            .values(auditRow(orderedId(n), createdAtOf(n)))
            .execute();
          await db
            .insertInto('prompt_results')
            .values(resultRow(orderedId(n), templateId, createdAtOf(n)))
            .execute();
        }
      });
      after(() => testDatabase?.dispose());

      it('pages every list through rows with equal created_at, none lost or repeated', async () => {
        const db = testDatabase.database.db;
        const maxBytes = PAGE_MAX_BYTES;
        for (const limit of [1, 2, 3, 5, 50]) {
          const templates = await pageThrough((after) =>
            listTemplatesPage(db, {
              orgId: 'paging',
              workspaceId: undefined,
              includeDeleted: false,
              limit,
              maxBytes,
              after,
            }),
          );
          assert.deepEqual(templates, expectedNewestFirst, `templates, limit ${limit}`);
          const audit = await pageThrough((after) =>
            listAuditPage(db, { orgId: 'paging', limit, maxBytes, after }),
          );
          assert.deepEqual(audit, expectedNewestFirst, `audit, limit ${limit}`);
          const newest = await pageThrough((after) =>
            listResultsPage(db, { templateId }, { limit, maxBytes, after, order: 'newest' }),
          );
          assert.deepEqual(newest, expectedNewestFirst, `results newest first, limit ${limit}`);
          const oldest = await pageThrough((after) =>
            listResultsPage(db, { templateId }, { limit, maxBytes, after, order: 'oldest' }),
          );
          assert.deepEqual(
            oldest,
            [...expectedNewestFirst].reverse(),
            `results oldest first, limit ${limit}`,
          );
        }
      });

      it('bounds the index scan by the row value on both planners', async () => {
        const db = testDatabase.database.db;
        const queries: [string, Compilable][] = [
          [
            'ix_results_tpl_time',
            resultsPageQuery(db, { templateId }, { rows: 51, after: position, order: 'newest' }),
          ],
          [
            'ix_results_tpl_time',
            resultsPageQuery(db, { templateId }, { rows: 51, after: position, order: 'oldest' }),
          ],
          [
            'ix_tpl_org_created',
            templatesPageQuery(db, {
              orgId: 'paging',
              workspaceId: undefined,
              includeDeleted: false,
              limit: 50,
              maxBytes: PAGE_MAX_BYTES,
              after: position,
            }),
          ],
          [
            // PostgreSQL may prefer ix_tpl_org_created on a table this small; both bound the scan.
            dialect.name === 'sqlite' ? 'ix_tpl_org_ws_created' : 'ix_tpl_org(_ws)?_created',
            templatesPageQuery(db, {
              orgId: 'paging',
              workspaceId: 'ws',
              includeDeleted: true,
              limit: 50,
              maxBytes: PAGE_MAX_BYTES,
              after: position,
            }),
          ],
          [
            'ix_audit_org_created',
            auditPageQuery(db, {
              orgId: 'paging',
              limit: 50,
              maxBytes: PAGE_MAX_BYTES,
              after: position,
            }),
          ],
        ];
        for (const [index, query] of queries) {
          const plan = await explain(testDatabase, query);
          if (dialect.name === 'sqlite') {
            // e.g. SEARCH prompt_results USING INDEX ix_results_tpl_time (template_id=? AND (created_at,id)<(?,?))
            assert.match(
              plan,
              new RegExp(`USING INDEX ${index} \\(.*\\(created_at,id\\)[<>]\\(\\?,\\?\\)\\)`),
              plan,
            );
          } else {
            // e.g. Index Cond: ((template_id = $1) AND (ROW(created_at, id) < ROW($2, $3)))
            assert.match(plan, new RegExp(`Index Scan.* using ${index}`), plan);
            assert.match(plan, /Index Cond: .*ROW\(created_at, id\) [<>] ROW\(/, plan);
          }
        }
      });
    },
  );
}

/** The plan as text: SQLite's EXPLAIN QUERY PLAN details, PostgreSQL's EXPLAIN (sequential scans off, as on a big table). */
async function explain(testDatabase: TestDatabase, query: Compilable): Promise<string> {
  const { db, dialect } = testDatabase.database;
  const compiled = query.compile();
  if (dialect === 'sqlite') {
    const plan = await db.executeQuery<{ detail: string }>(
      CompiledQuery.raw(`explain query plan ${compiled.sql}`, [...compiled.parameters]),
    );
    return plan.rows.map((row) => row.detail).join('\n');
  }
  return db.connection().execute(async (connection) => {
    await sql`set enable_seqscan = off`.execute(connection);
    try {
      const plan = await connection.executeQuery<{ 'QUERY PLAN': string }>(
        CompiledQuery.raw(`explain ${compiled.sql}`, [...compiled.parameters]),
      );
      return plan.rows.map((row) => row['QUERY PLAN']).join('\n');
    } finally {
      await sql`reset enable_seqscan`.execute(connection);
    }
  });
}
