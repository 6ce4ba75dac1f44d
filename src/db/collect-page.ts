/** What one page may hold: `limit` rows, and about `maxBytes` of stored row text. */
export interface PageBudget {
  readonly limit: number;
  readonly maxBytes: number;
}

/**
 * Rows fetched per round trip when a page streams from PostgreSQL (SQLite steps one row at a
 * time): small, so the rows read past a byte budget stay few however large each row is.
 */
export const PAGE_STREAM_CHUNK_ROWS = 32;

/**
 * Reads one page from a row stream (a query with `limit + 1` rows, in page order) and stops at
 * the budget: after `limit` rows, or before the row that would take the page's stored text past
 * `maxBytes`. A page always holds at least one row, so a single row larger than the budget still
 * pages. Stopping early closes the stream, which frees the connection and its cursor.
 */
export async function collectPage<Row extends object>(
  rows: AsyncIterable<Row>,
  budget: PageBudget,
): Promise<{ rows: Row[]; more: boolean }> {
  const page: Row[] = [];
  let bytes = 0;
  for await (const row of rows) {
    if (page.length >= budget.limit) return { rows: page, more: true };
    const size = storedTextBytes(row);
    if (page.length > 0 && bytes + size > budget.maxBytes) return { rows: page, more: true };
    page.push(row);
    bytes += size;
  }
  return { rows: page, more: false };
}

/** UTF-8 bytes of a row's text columns, plus 8 for every other value: what the page will carry. */
export function storedTextBytes(row: object): number {
  let bytes = 0;
  for (const value of Object.values(row)) {
    bytes += typeof value === 'string' ? Buffer.byteLength(value, 'utf8') : 8;
  }
  return bytes;
}
