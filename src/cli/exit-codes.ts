/**
 * The `prompter` command's exit codes: one per kind of outcome a script may want to tell apart.
 * The README runbook and `prompter --help` print this table.
 */
export const exitCodes = {
  ok: 0,
  /** Anything else: a server fault (5xx), an unexpected error. */
  failed: 1,
  /** The command line, the configuration or the request was rejected (HTTP 400/413/415/422). */
  usage: 2,
  notFound: 3,
  /** The change conflicts with what is stored (409), or `migrate down` would lose rows. */
  conflict: 4,
  /** The model provider failed (502 PROVIDER_ERROR); the failed result is stored. */
  providerError: 5,
  /** Refused by the server's authentication (401) or authorisation (403). */
  notAuthorized: 6,
  /** The server cannot be reached, or is unavailable or rate-limiting (503, 429): try later. */
  unavailable: 7,
} as const;

export type ExitCode = (typeof exitCodes)[keyof typeof exitCodes];

/** The exit code for an HTTP error status, the same whether a server or the local database answered. */
export function exitCodeForStatus(status: number): ExitCode {
  if (status === 404) return exitCodes.notFound;
  if (status === 409) return exitCodes.conflict;
  if (status === 502) return exitCodes.providerError;
  if (status === 401 || status === 403) return exitCodes.notAuthorized;
  if (status === 429 || status === 503) return exitCodes.unavailable;
  if (status >= 400 && status < 500) return exitCodes.usage;
  return exitCodes.failed;
}

export const exitCodesHelp = `
Exit codes:
  0  ok
  1  error (a server fault, anything unexpected)
  2  usage: bad arguments or configuration, or the request was rejected as invalid (400/422)
  3  not found (404)
  4  conflict: an identical template is active (409), or migrate down would drop rows
  5  provider error (502): the model provider failed; the failed result is stored
  6  not authorised (401/403): set PROMPTER_API_KEY to a key of the right org and role
  7  server unreachable or unavailable (connection refused, 503, 429): try again later

Data commands (run, versions, templates) talk to the server at PROMPTER_URL (or --server URL),
sending PROMPTER_API_KEY as a bearer token; without it they use the local database (DB_URL).
`;
