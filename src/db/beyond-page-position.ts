import { sql, type ExpressionBuilder, type ExpressionWrapper, type SqlBool } from 'kysely';
import type { PagePosition } from '../core/page-cursor.ts';

/**
 * Keyset pagination over `(created_at, id)`: the rows strictly after `position` in the page
 * order — older ones (`newest` first) or newer ones (`oldest` first). Every paged table has both
 * columns; ids are UUID v7, so they also break ties between rows of the same millisecond.
 */
export function beyondPagePosition<DB, TB extends keyof DB>(
  position: PagePosition,
  order: 'newest' | 'oldest',
): (eb: ExpressionBuilder<DB, TB>) => ExpressionWrapper<DB, TB, SqlBool> {
  const direction = order === 'newest' ? '<' : '>';
  return (eb) =>
    eb.or([
      eb(sql.ref('created_at'), direction, position.createdAt),
      eb.and([
        eb(sql.ref('created_at'), '=', position.createdAt),
        eb(sql.ref('id'), direction, position.id),
      ]),
    ]);
}
