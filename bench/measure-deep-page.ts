import { sql } from 'kysely';
import { PAGE_MAX_BYTES } from '../src/core/page-cursor.ts';
import type { OpenDatabase } from '../src/db/open-database.ts';
import { listResultsPage } from '../src/results/results.repository.ts';

export interface DeepPageFigures {
  readonly rows: number;
  /** Position of the deep page, in rows from the newest. */
  readonly depth: number;
  readonly firstPageMs: number;
  readonly deepPageMs: number;
  /** The same deep page with the former `a < ? OR (a = ? AND b < ?)` predicate, for reference. */
  readonly formerDeepPageMs: number;
}

const PAGE_ROWS = 50;
const WARM_UP_RUNS = 3;
const MEASURED_RUNS = 31;
const FORMER_RUNS = 3;

/**
 * Times `GET …/results` pages through the repository (the query, not HTTP): the first page and
 * the page that starts `depth` rows in, each the median of several runs after a warm-up.
 */
export async function measureDeepPage(
  database: OpenDatabase,
  templateId: string,
  rows: number,
  depth: number,
): Promise<DeepPageFigures> {
  const db = database.db;
  const position = await db
    .selectFrom('prompt_results')
    .select(['created_at', 'id'])
    .where('template_id', '=', templateId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .offset(depth - 1)
    .limit(1)
    .executeTakeFirstOrThrow();
  const after = { createdAt: position.created_at, id: position.id };
  const page = (cursor: typeof after | undefined) => async () => {
    const { rows: items } = await listResultsPage(
      db,
      { templateId },
      { limit: PAGE_ROWS, maxBytes: PAGE_MAX_BYTES, after: cursor, order: 'newest' },
    );
    if (items.length !== PAGE_ROWS) throw new Error(`a page of ${items.length} rows`);
  };
  const former = async () => {
    await db
      .selectFrom('prompt_results')
      .selectAll()
      .where('template_id', '=', templateId)
      .where(
        sql<boolean>`(created_at < ${after.createdAt} or (created_at = ${after.createdAt} and id < ${after.id}))`,
      )
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(PAGE_ROWS + 1)
      .execute();
  };
  // First and deep pages alternate, so a change in the machine's load affects both alike.
  const [firstPageMs, deepPageMs] = await medianMs([page(undefined), page(after)], MEASURED_RUNS);
  const [formerDeepPageMs] = await medianMs([former], FORMER_RUNS);
  return {
    rows,
    depth,
    firstPageMs: firstPageMs as number,
    deepPageMs: deepPageMs as number,
    formerDeepPageMs: formerDeepPageMs as number,
  };
}

/** The median time of each query, run in turns after a warm-up. */
async function medianMs(queries: (() => Promise<void>)[], runs: number): Promise<number[]> {
  for (let index = 0; index < WARM_UP_RUNS; index++) {
    for (const query of queries) await query();
  }
  const times = queries.map(() => [] as number[]);
  for (let index = 0; index < runs; index++) {
    for (const [position, query] of queries.entries()) {
      const started = process.hrtime.bigint();
      await query();
      times[position]?.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
  }
  return times.map((list) => {
    list.sort((a, b) => a - b);
    return list[Math.floor(list.length / 2)] as number;
  });
}
