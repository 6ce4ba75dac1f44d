/**
 * Parses `DB_URL` / `DATABASE_URL` into the database Prompter should open.
 *
 * Accepted forms (the seed's SQLAlchemy URLs included, so an existing deployment's
 * environment keeps working):
 * - `sqlite:///./prompter.db` (relative path), `sqlite:////var/lib/prompter.db` (absolute),
 *   `sqlite:///:memory:`, `sqlite://:memory:`
 * - `postgres://…`, `postgresql://…`, `postgresql+psycopg2://…` (any `+driver` suffix is dropped)
 */
export type DatabaseTarget =
  | { readonly dialect: 'sqlite'; readonly filename: string }
  | { readonly dialect: 'postgres'; readonly connectionString: string };

export class DatabaseUrlError extends Error {}

export function parseDatabaseUrl(url: string): DatabaseTarget {
  const trimmed = url.trim();
  const schemeEnd = trimmed.indexOf('://');
  if (schemeEnd <= 0) {
    throw new DatabaseUrlError(
      `expected a URL such as sqlite:///./prompter.db or postgres://user@host/db, got "${trimmed}"`,
    );
  }
  const scheme = trimmed.slice(0, schemeEnd).toLowerCase();
  const baseScheme = scheme.split('+')[0];
  const rest = trimmed.slice(schemeEnd + 3);
  if (baseScheme === 'sqlite') {
    if (rest === ':memory:' || rest === '/:memory:') {
      return { dialect: 'sqlite', filename: ':memory:' };
    }
    if (!rest.startsWith('/') || rest.length < 2) {
      throw new DatabaseUrlError(
        `a SQLite URL names a file after three slashes (sqlite:///./prompter.db), got "${trimmed}"`,
      );
    }
    return { dialect: 'sqlite', filename: rest.slice(1) };
  }
  if (baseScheme === 'postgres' || baseScheme === 'postgresql') {
    return { dialect: 'postgres', connectionString: `postgres://${rest}` };
  }
  throw new DatabaseUrlError(
    `unsupported database scheme "${scheme}": use sqlite:///path or postgres://…`,
  );
}

/** The URL with any password replaced, for logs and error messages. */
export function redactDatabaseUrl(url: string): string {
  return url.replace(/(:\/\/[^:/@]*:)[^@/]*@/, '$1***@');
}
