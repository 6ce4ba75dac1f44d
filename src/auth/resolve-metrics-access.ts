import { isLoopbackHost } from './is-loopback-host.ts';

export interface MetricsAccess {
  /** `METRICS_TOKEN`: scrapers must send `Authorization: Bearer <token>`; null for none. */
  readonly bearerToken: string | null;
  /** Why `/metrics` answers 403 to every request; null when it serves. */
  readonly closedReason: string | null;
  /** Something an operator should read in the start-up log. */
  readonly warning?: string;
}

/**
 * Who may read `/metrics`, decided once at start-up like the API's auth mode
 * (`resolveAuthMode`): the metrics carry every tenant's model ids, so they are never served
 * openly off loopback.
 * - `METRICS_TOKEN` set: the token, wherever bound;
 * - no token on a loopback bind: open (only this machine can reach it);
 * - no token elsewhere: closed (403 naming METRICS_TOKEN), with a start-up warning; the API still
 *   starts, since metrics are not what it serves;
 * - no token with `PROMPTER_AUTH=off` explicitly: open, like the API the operator chose to open
 *   (the auth-mode warning already says so).
 */
export function resolveMetricsAccess(
  metricsToken: string | null,
  host: string,
  authMode: 'required' | 'off' | null,
): MetricsAccess {
  if (metricsToken !== null) return { bearerToken: metricsToken, closedReason: null };
  if (isLoopbackHost(host) || authMode === 'off') {
    return { bearerToken: null, closedReason: null };
  }
  const closedReason =
    `/metrics is closed: Prompter is bound to ${host}, which is not a loopback address, and ` +
    "METRICS_TOKEN is unset, so it would show every tenant's model ids to anyone. Set " +
    'METRICS_TOKEN and scrape with "Authorization: Bearer <token>".';
  return { bearerToken: null, closedReason, warning: closedReason };
}
