import type { PagePosition } from '../core/page-cursor.ts';
import type { DatabaseExecutor } from '../db/database-executor.ts';
import { exportLine, exportPreamble, type ExportFormat } from './results-export.ts';
import { streamResultsAfter, type ResultFilters } from './results.repository.ts';
import type { PromptResultRow } from './results.table.ts';

/** Output collected from one cursor before it is closed and the text handed to the client. */
export const EXPORT_CHUNK_CHARACTERS = 1024 * 1024;
/** The SQL limit of one chunk's query; the character budget usually ends a chunk first. */
const EXPORT_CHUNK_ROWS = 20_000;
/** PostgreSQL rows per fetch: at first, and at most (later aimed at a quarter of a chunk). */
const FIRST_FETCH_ROWS = 100;
const MAX_FETCH_ROWS = 2000;

/**
 * Every matching result, oldest first, as export text (docs/exports.md). Rows stream from a
 * database cursor into chunks of about {@link EXPORT_CHUNK_CHARACTERS}; each chunk closes its
 * cursor before it is handed on, and the next one starts from the last row's position. So the
 * connection is free while the client reads (SQLite has only one), nothing is read before the
 * client asks for it (the caller pulls), and memory holds about one chunk, whatever the number
 * or size of the rows.
 */
export async function* streamExport(
  db: DatabaseExecutor,
  filters: ResultFilters,
  format: ExportFormat,
): AsyncGenerator<string> {
  const preamble = exportPreamble(format);
  if (preamble !== '') yield preamble;
  let after: PagePosition | undefined;
  let fetchRows = FIRST_FETCH_ROWS;
  for (;;) {
    const lines: string[] = [];
    let characters = 0;
    let last: PromptResultRow | undefined;
    const rows = streamResultsAfter(db, filters, { after, limit: EXPORT_CHUNK_ROWS, fetchRows });
    for await (const row of rows) {
      const line = exportLine(format, row);
      lines.push(line);
      characters += line.length;
      last = row;
      if (characters >= EXPORT_CHUNK_CHARACTERS) break;
    }
    if (last === undefined) return;
    yield lines.join('');
    if (lines.length < EXPORT_CHUNK_ROWS && characters < EXPORT_CHUNK_CHARACTERS) return;
    after = { createdAt: last.created_at, id: last.id };
    const averageLine = characters / lines.length;
    fetchRows = Math.max(
      1,
      Math.min(MAX_FETCH_ROWS, Math.floor(EXPORT_CHUNK_CHARACTERS / 4 / averageLine)),
    );
  }
}
