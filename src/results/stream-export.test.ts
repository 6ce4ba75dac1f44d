import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { buildTestApp, type TestApp } from '../../test/helpers/build-test-app.ts';
import { orderedId, resultRow, templateRow } from '../../test/helpers/paging-rows.ts';
import { testDialects } from '../../test/helpers/test-databases.ts';
import { EXPORT_CHUNK_SIZE, streamExport } from './stream-export.ts';

// Real database and app; large rows are inserted directly (a provider may answer at length).
const KIB = 1024;
const timeOf = (n: number) => new Date(Date.UTC(2026, 10, 23, 10, 0, n)).toISOString();

/** Fails instead of hanging when `promise` does not settle in time (a held connection would). */
async function within<T>(milliseconds: number, what: string, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`${what} did not finish in ${milliseconds} ms`)),
      milliseconds,
    );
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

for (const dialect of testDialects) {
  describe(
    `exports stream from a cursor in bounded chunks [${dialect.name}]`,
    { skip: dialect.skipReason },
    () => {
      let testApp: TestApp;
      let next = 0;
      const templateId = orderedId(9000);
      const addRows = async (count: number, responseBytes: number) => {
        for (let index = 0; index < count; index++, next++) {
          await testApp.database.db
            .insertInto('prompt_results')
            .values(
              resultRow(orderedId(next), templateId, timeOf(next), {
                org_id: 'default',
                response: JSON.stringify({ n: next, pad: 'r'.repeat(responseBytes) }),
              }),
            )
            .execute();
        }
      };
      before(async () => {
        testApp = await buildTestApp(dialect);
        await testApp.database.db
          .insertInto('prompt_templates')
          .values(templateRow(templateId, timeOf(0), { orgId: 'default', workspaceId: 'export' }))
          .execute();
        await addRows(6, 400 * KIB);
      });
      after(() => testApp.close());

      it('hands out chunks of a few MiB, frees the connection between them, and reads only on demand', async () => {
        const db = testApp.database.db;
        const chunks = streamExport(db, { templateId }, 'jsonl');
        const first = await chunks.next();
        assert.equal(first.done, false);
        const firstLines = first.value.toString('utf8').trimEnd().split('\n');
        // 400 KiB rows: the third one takes the chunk past 1 MiB and ends it.
        assert.equal(firstLines.length, Math.ceil(EXPORT_CHUNK_SIZE / (400 * KIB)));
        // Paused between chunks, the database answers other queries (SQLite has one connection)...
        const count = await within(
          5000,
          'a query while an export is paused',
          db
            .selectFrom('prompt_results')
            .select((eb) => eb.fn.countAll().as('count'))
            .executeTakeFirstOrThrow(),
        );
        assert.equal(Number(count.count), 6);
        // ...and a row written now is still exported: nothing past the first chunk was read yet.
        await addRows(1, 10);
        const rest: string[] = [];
        for await (const chunk of chunks) {
          assert.ok(
            chunk.length < EXPORT_CHUNK_SIZE + 401 * KIB,
            `a chunk of ${chunk.length} bytes`,
          );
          rest.push(chunk.toString('utf8'));
        }
        const ids = [...firstLines, ...rest.join('').trimEnd().split('\n')].map(
          (line) => JSON.parse(line).id,
        );
        assert.deepEqual(
          ids,
          Array.from({ length: 7 }, (_, n) => orderedId(n)),
        );
      });

      it('writes awkward stored values exactly as GET /api/prompt-results/{id} reads them', async () => {
        const id = orderedId(7000);
        await testApp.database.db
          .insertInto('prompt_results')
          .values(
            resultRow(id, templateId, timeOf(-1), {
              org_id: 'default',
              content: 'quote " backslash \\ newline \n tab \t bell \u0007 é 😀 \u2028',
              brand_name: null,
              country: null,
              sample_index: 3,
              latency_ms: null,
              usage: null,
              error: '{"message":"x","big":12345678901234567890}',
              analysis_config: '{"a":[1,2.50,{"b":null}]}',
              runtime_vars: '{"k":"v","n":1.0}',
              use_grounding: 1,
              simulated: 0,
            }),
          )
          .execute();
        const chunks: Buffer[] = [];
        for await (const chunk of streamExport(testApp.database.db, { templateId }, 'jsonl')) {
          chunks.push(chunk);
        }
        const line = Buffer.concat(chunks).toString('utf8').split('\n')[0] as string;
        const record = await testApp.app.inject({
          method: 'GET',
          url: `/api/prompt-results/${id}`,
        });
        assert.deepEqual(JSON.parse(line), record.json());
        // The stored JSON text is copied, not re-serialised: lexemes stay as recorded.
        assert.ok(line.includes('"big":12345678901234567890'), line);
        assert.ok(line.includes('"n":1.0'), line);
        await testApp.database.db.deleteFrom('prompt_results').where('id', '=', id).execute();
      });

      it('GET …/results/export applies backpressure: a slow client pauses the reading', async () => {
        await addRows(24, 1024 * KIB);
        const total = next;
        const address = await testApp.app.listen({ host: '127.0.0.1', port: 0 });
        try {
          const port = (testApp.app.server.address() as AddressInfo).port;
          assert.ok(address.includes(String(port)));
          const response = await fetch(
            `http://127.0.0.1:${port}/api/prompt-templates/${templateId}/results/export?format=jsonl`,
          );
          assert.equal(response.status, 200);
          const reader = (response.body as ReadableStream<Uint8Array>).getReader();
          const decoder = new TextDecoder();
          let text = decoder.decode((await reader.read()).value, { stream: true });
          // The client stops reading for a while; the server must not run ahead through ~25 MiB.
          await new Promise((resolve) => setTimeout(resolve, 300));
          await addRows(1, 10);
          for (;;) {
            const { done, value } = await reader.read();
            if (done) break;
            text += decoder.decode(value, { stream: true });
          }
          const ids = text
            .trimEnd()
            .split('\n')
            .map((line) => JSON.parse(line).id);
          // Every row present when the export started, and the row added mid-way, last.
          assert.deepEqual(
            ids,
            Array.from({ length: total + 1 }, (_, n) => orderedId(n)),
          );
        } finally {
          await testApp.app.close();
        }
      });
    },
  );
}
