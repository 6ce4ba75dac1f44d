import { sql, type Expression, type SqlBool } from 'kysely';
import type { PagePosition } from '../core/page-cursor.ts';

/**
 * Keyset pagination over `(created_at, id)`: the rows strictly after `position` in the page
 * order — older ones (`newest` first) or newer ones (`oldest` first). Every paged table has both
 * columns and an index ending in them; ids are UUID v7, so they also break ties between rows of
 * the same millisecond.
 *
 * Written as a row-value comparison, `(created_at, id) < (?, ?)`, because both planners use it as
 * a bound on that index (SQLite ≥ 3.15 and PostgreSQL): a deep page seeks to its position instead
 * of filtering every row before it, as the equivalent `a < ? OR (a = ? AND b < ?)` made them do.
 */
export function beyondPagePosition(
  position: PagePosition,
  order: 'newest' | 'oldest',
): Expression<SqlBool> {
  const direction = sql.raw(order === 'newest' ? '<' : '>');
  return sql<SqlBool>`(${sql.ref('created_at')}, ${sql.ref('id')}) ${direction} (${position.createdAt}, ${position.id})`;
}
