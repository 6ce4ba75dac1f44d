/**
 * True when a driver error is a unique-constraint violation: better-sqlite3 reports
 * `SQLITE_CONSTRAINT_UNIQUE` (or `_PRIMARYKEY`), node-postgres SQLSTATE `23505`.
 */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== 'object' || error === null || !('code' in error)) return false;
  const code = error.code;
  return (
    code === '23505' ||
    code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
  );
}
