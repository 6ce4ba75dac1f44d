/**
 * Whether an error means the database could not be reached or did not answer in time, as
 * opposed to a fault in the query: the request gets a 503 DATABASE_UNAVAILABLE and may be retried.
 *
 * node-postgres (pg 8, pg-pool 3) reports these as plain Errors with fixed messages, socket error
 * codes, or SQLSTATEs of class 08 (connection exception), 53300 (too many connections), 57014
 * (statement timeout) and 57P01–57P03 (server shutting down or starting). better-sqlite3 reports
 * a lock held past `busy_timeout` as SQLITE_BUSY.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current = error, depth = 0; current instanceof Error && depth < 4; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && (UNAVAILABLE_CODES.has(code) || code.startsWith('08'))) {
      return true;
    }
    if (UNAVAILABLE_MESSAGES.has(current.message)) return true;
    current = current.cause;
  }
  return false;
}

const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  '53300',
  '57014',
  '57P01',
  '57P02',
  '57P03',
  'SQLITE_BUSY',
]);

const UNAVAILABLE_MESSAGES = new Set([
  // pg: a new connection did not complete within connectionTimeoutMillis.
  'timeout expired',
  'Connection terminated due to connection timeout',
  // pg-pool: no pooled connection became free within connectionTimeoutMillis.
  'timeout exceeded when trying to connect',
  // pg: no answer within query_timeout (the network or the server hangs).
  'Query read timeout',
  'Connection terminated unexpectedly',
  'Connection terminated',
  'Client has encountered a connection error and is not queryable',
  'Client was closed and is not queryable',
]);
