import { ConfigError } from '../config/load-config.ts';
import { isLoopbackHost } from './is-loopback-host.ts';

export interface ResolvedAuthMode {
  readonly mode: 'required' | 'off';
  /** Something an operator should read in the start-up log, when the mode is risky. */
  readonly warning?: string;
}

/**
 * The auth mode to serve with, decided once at start-up from `PROMPTER_AUTH`, the bind address
 * and the number of active API keys:
 * - unset on a loopback address: off, so `npm start` works with no key;
 * - unset elsewhere: required, and start-up fails when no key could ever pass;
 * - `required`: required, with the same refusal when exposed with no key;
 * - `off`: off wherever asked, with a warning when exposed.
 *
 * @throws ConfigError naming `PROMPTER_AUTH` and `prompter keys create` when it refuses.
 */
export function resolveAuthMode(
  configured: 'required' | 'off' | null,
  host: string,
  activeKeyCount: number,
): ResolvedAuthMode {
  const loopback = isLoopbackHost(host);
  if (configured === 'off') {
    return loopback
      ? { mode: 'off' }
      : {
          mode: 'off',
          warning:
            `PROMPTER_AUTH=off while bound to ${host}: anyone who can reach this address acts ` +
            'as an admin of every org. Serve it only behind something that authenticates.',
        };
  }
  if (configured === null && loopback) return { mode: 'off' };
  if (!loopback && activeKeyCount === 0) {
    throw new ConfigError(
      `Refusing to start: bound to ${host}, which is not a loopback address, with ` +
        `${configured === null ? 'PROMPTER_AUTH unset (so auth is required)' : 'PROMPTER_AUTH=required'} ` +
        'and no active API key, so no request could be authenticated. Create a key with ' +
        '`prompter keys create --org <org> --role admin`, or set PROMPTER_AUTH=off to serve ' +
        'without authentication (only behind a proxy that authenticates), or bind to 127.0.0.1.',
    );
  }
  if (activeKeyCount === 0) {
    return {
      mode: 'required',
      warning:
        'PROMPTER_AUTH=required but there is no active API key yet: every request will be 401 ' +
        'until one is made with `prompter keys create`.',
    };
  }
  return { mode: 'required' };
}
