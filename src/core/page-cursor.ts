import { ValidationError } from './app-error.ts';
import { isUuid } from './is-uuid.ts';

/**
 * A list page ends at `limit` rows or at this much stored row text, whichever comes first, with
 * at least one row (README "Pages"): a page of large results stays a few megabytes, not 500 rows
 * of a megabyte each. Its `next_cursor` continues right after the last row it holds.
 */
export const PAGE_MAX_BYTES = 8 * 1024 * 1024;

const STORED_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** The position after the last item of a page sorted newest first by (created_at, id). */
export interface PagePosition {
  readonly createdAt: string;
  readonly id: string;
}

/** Cursors are opaque to clients: base64url of the last item's sort key. */
export function encodePageCursor(position: PagePosition): string {
  return Buffer.from(JSON.stringify([position.createdAt, position.id]), 'utf8').toString(
    'base64url',
  );
}

export function decodePageCursor(cursor: string): PagePosition {
  try {
    const decoded: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    // Only what Prompter itself writes: a stored timestamp and a UUID (nothing else can reach
    // a query, NUL characters included, which PostgreSQL would refuse with an error).
    if (
      Array.isArray(decoded) &&
      decoded.length === 2 &&
      typeof decoded[0] === 'string' &&
      STORED_TIMESTAMP.test(decoded[0]) &&
      typeof decoded[1] === 'string' &&
      isUuid(decoded[1])
    ) {
      return { createdAt: decoded[0], id: decoded[1] };
    }
  } catch {
    // fall through to the validation error below
  }
  throw new ValidationError([
    {
      loc: ['query', 'cursor'],
      msg: 'Invalid cursor: pass the next_cursor value of the previous page unchanged',
      type: 'value_error',
    },
  ]);
}

/** A page of `items`, with a cursor after the last one when `more` items follow it. */
export function pageOf<Item extends { readonly createdAt: string; readonly id: string }>(
  items: Item[],
  more: boolean,
): { items: Item[]; nextCursor: string | null } {
  const last = items.at(-1);
  return {
    items,
    nextCursor:
      more && last !== undefined
        ? encodePageCursor({ createdAt: last.createdAt, id: last.id })
        : null,
  };
}
