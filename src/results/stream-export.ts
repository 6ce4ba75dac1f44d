import type { PagePosition } from '../core/page-cursor.ts';
import type { DatabaseExecutor } from '../db/database-executor.ts';
import {
  CSV_SOURCE_COLUMNS,
  csvLine,
  exportPreamble,
  type ExportFormat,
} from './results-export.ts';
import {
  streamJsonLinesAfter,
  streamResultColumnsAfter,
  type ResultChunkQuery,
  type ResultFilters,
} from './results.repository.ts';

/**
 * Output collected from one cursor before it is closed and handed to the client: bytes (SQLite's
 * JSON lines) or characters (text lines), about a mebibyte either way. 4 MiB chunks measured no
 * faster (docs/benchmarks.md) and raised the server's peak memory by about 70 MiB.
 */
export const EXPORT_CHUNK_SIZE = 1024 * 1024;
/** The SQL limit of one chunk's query; the size budget usually ends a chunk first. */
const EXPORT_CHUNK_ROWS = 20_000;
/**
 * PostgreSQL rows per fetch: few at first (the rows may be megabytes each), then aimed at a
 * quarter of a chunk from the sizes seen, up to a maximum.
 */
const FIRST_FETCH_ROWS = 4;
const MAX_FETCH_ROWS = 2000;

/**
 * Every matching result, oldest first, as export text (docs/exports.md). Rows stream from a
 * database cursor into chunks of about {@link EXPORT_CHUNK_SIZE}; each chunk closes its
 * cursor before it is handed on, and the next one starts from the last row's position. So the
 * connection is free while the client reads (SQLite has only one), nothing is read before the
 * client asks for it (the caller pulls), and memory holds about one chunk, whatever the number
 * or size of the rows.
 */
export async function* streamExport(
  db: DatabaseExecutor,
  filters: ResultFilters,
  format: ExportFormat,
): AsyncGenerator<Buffer> {
  const preamble = exportPreamble(format);
  if (preamble !== '') yield Buffer.from(preamble, 'utf8');
  if (format === 'csv') {
    yield* streamLines(
      (chunk) => streamResultColumnsAfter(db, filters, CSV_SOURCE_COLUMNS, chunk),
      csvLine,
    );
  } else {
    yield* streamLines(
      (chunk) => streamJsonLinesAfter(db, filters, chunk),
      (row) => row.line,
    );
  }
}

async function* streamLines<Row extends { created_at: string; id: string }>(
  read: (chunk: ResultChunkQuery) => AsyncIterable<Row>,
  lineOf: (row: Row) => string | Buffer,
): AsyncGenerator<Buffer> {
  let after: PagePosition | undefined;
  let fetchRows = FIRST_FETCH_ROWS;
  for (;;) {
    const lines: (string | Buffer)[] = [];
    let size = 0;
    let last: Row | undefined;
    for await (const row of read({ after, limit: EXPORT_CHUNK_ROWS, fetchRows })) {
      const line = lineOf(row);
      lines.push(line);
      size += line.length;
      last = row;
      if (size >= EXPORT_CHUNK_SIZE) break;
    }
    if (last === undefined) return;
    yield joinLines(lines);
    if (lines.length < EXPORT_CHUNK_ROWS && size < EXPORT_CHUNK_SIZE) return;
    after = { createdAt: last.created_at, id: last.id };
    const averageLine = size / lines.length;
    fetchRows = Math.max(
      1,
      Math.min(MAX_FETCH_ROWS, Math.floor(EXPORT_CHUNK_SIZE / 4 / averageLine)),
    );
  }
}

/** One buffer from the lines of a chunk: SQLite hands over bytes, the others text. */
function joinLines(lines: readonly (string | Buffer)[]): Buffer {
  if (typeof lines[0] === 'string') return Buffer.from(lines.join(''), 'utf8');
  return Buffer.concat(lines as Buffer[]);
}
