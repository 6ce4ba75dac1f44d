import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { buildTestApp, type TestApp } from '../../test/helpers/build-test-app.ts';
import { orderedId, resultRow, templateRow } from '../../test/helpers/paging-rows.ts';
import { testDialects } from '../../test/helpers/test-databases.ts';
import { PAGE_MAX_BYTES } from '../core/page-cursor.ts';

// Real database and app. Large rows are inserted directly: the API bounds what a run can store,
// but provider responses can still be large, and a page must stay bounded whatever the rows.
const MIB = 1024 * 1024;
const BIG_ROWS = 12;
/** A stored JSON text of about `bytes` bytes. */
const bigJson = (bytes: number, mark: number) => JSON.stringify({ mark, pad: 'x'.repeat(bytes) });
const timeOf = (n: number) => `2026-11-23T10:00:${String(n).padStart(2, '0')}.000Z`;

interface Page {
  items: { id: string }[];
  next_cursor: string | null;
}

for (const dialect of testDialects) {
  describe(
    `pages bounded by bytes as well as rows [${dialect.name}]`,
    { skip: dialect.skipReason },
    () => {
      let testApp: TestApp;
      const templateId = orderedId(5000);
      const hugeTemplateId = orderedId(5001);
      before(async () => {
        testApp = await buildTestApp(dialect);
        const db = testApp.database.db;
        await db
          .insertInto('prompt_templates')
          .values([
            templateRow(templateId, timeOf(0), { orgId: 'default', workspaceId: 'big' }),
            templateRow(hugeTemplateId, timeOf(0), { orgId: 'default', workspaceId: 'big' }),
          ])
          .execute();
        for (let n = 0; n < BIG_ROWS; n++) {
          // Pairs share a timestamp, so the cut also falls between equal created_at values.
          await db
            .insertInto('prompt_results')
            .values(
              resultRow(orderedId(n), templateId, timeOf(1 + Math.floor(n / 2)), {
                org_id: 'default',
                response: bigJson(1.5 * MIB, n),
              }),
            )
            .execute();
          await db
            .insertInto('prompt_templates')
            .values({
              ...templateRow(orderedId(100 + n), timeOf(1 + Math.floor(n / 2)), {
                orgId: 'default',
                workspaceId: 'big-templates',
              }),
              config_canonical_json: bigJson(1.5 * MIB, n),
            })
            .execute();
        }
        await db
          .insertInto('prompt_results')
          .values([
            resultRow(orderedId(200), hugeTemplateId, timeOf(30), {
              org_id: 'default',
              response: bigJson(PAGE_MAX_BYTES + MIB, 0),
            }),
            resultRow(orderedId(201), hugeTemplateId, timeOf(31), { org_id: 'default' }),
          ])
          .execute();
      });
      after(() => testApp.close());

      async function pageThrough(url: string): Promise<{ pages: Page[]; bodyBytes: number[] }> {
        const pages: Page[] = [];
        const bodyBytes: number[] = [];
        let cursor: string | null = null;
        do {
          const separator = url.includes('?') ? '&' : '?';
          const response: LightMyRequestResponse = await testApp.app.inject({
            method: 'GET',
            url: cursor === null ? url : `${url}${separator}cursor=${cursor}`,
          });
          assert.equal(response.statusCode, 200, response.body.slice(0, 500));
          bodyBytes.push(response.rawPayload.length);
          const page: Page = response.json();
          pages.push(page);
          cursor = page.next_cursor;
        } while (cursor !== null && pages.length < 50);
        return { pages, bodyBytes };
      }

      it('GET …/results?limit=500 stops at the byte budget and its cursor continues after the cut', async () => {
        const { pages, bodyBytes } = await pageThrough(
          `/api/prompt-templates/${templateId}/results?limit=500`,
        );
        // 1.5 MiB rows in an 8 MiB budget: five per page.
        assert.deepEqual(
          pages.map((page) => page.items.length),
          [5, 5, 2],
        );
        for (const bytes of bodyBytes)
          assert.ok(bytes <= PAGE_MAX_BYTES + MIB, `a page of ${bytes} bytes`);
        const ids = pages.flatMap((page) => page.items.map((item) => item.id));
        const expected = Array.from({ length: BIG_ROWS }, (_, n) => orderedId(BIG_ROWS - 1 - n));
        assert.deepEqual(ids, expected, 'every row once, newest first, across the cuts');
      });

      it('the row limit still ends a page first when rows are small', async () => {
        const { pages } = await pageThrough(`/api/prompt-templates/${templateId}/results?limit=3`);
        assert.deepEqual(
          pages.map((page) => page.items.length),
          [3, 3, 3, 3],
        );
      });

      it('a row larger than the budget is a page of its own', async () => {
        const { pages } = await pageThrough(
          `/api/prompt-templates/${hugeTemplateId}/results?limit=500`,
        );
        assert.deepEqual(
          pages.map((page) => page.items.map((item) => item.id)),
          [[orderedId(201)], [orderedId(200)]],
        );
      });

      it('GET /api/prompt-templates is bounded by bytes the same way', async () => {
        const { pages, bodyBytes } = await pageThrough(
          '/api/prompt-templates?workspace_id=big-templates&limit=500',
        );
        assert.deepEqual(
          pages.map((page) => page.items.length),
          [5, 5, 2],
        );
        for (const bytes of bodyBytes)
          assert.ok(bytes <= PAGE_MAX_BYTES + MIB, `a page of ${bytes} bytes`);
        const ids = pages.flatMap((page) => page.items.map((item) => item.id));
        assert.deepEqual(
          ids,
          Array.from({ length: BIG_ROWS }, (_, n) => orderedId(100 + BIG_ROWS - 1 - n)),
        );
      });
    },
  );
}
