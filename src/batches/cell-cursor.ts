import { ValidationError } from '../core/app-error.ts';
import { isUuid } from '../core/is-uuid.ts';

const CELL_CURSOR_PREFIX = 'cell:';

/** Cells page in matrix order (UUID v7 ids), so a cell page's cursor is the last cell's id. */
export function encodeCellCursor(id: string): string {
  return Buffer.from(CELL_CURSOR_PREFIX + id, 'utf8').toString('base64url');
}

export function decodeCellCursor(cursor: string): string {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const id = text.slice(CELL_CURSOR_PREFIX.length);
  if (!text.startsWith(CELL_CURSOR_PREFIX) || !isUuid(id)) {
    throw new ValidationError([
      {
        loc: ['query', 'cursor'],
        msg: 'Invalid cursor: pass the next_cursor value of the previous page unchanged',
        type: 'value_error',
      },
    ]);
  }
  return id;
}
