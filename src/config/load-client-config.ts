import { ConfigError } from './load-config.ts';

/** Where the data commands of the `prompter` CLI send their requests. */
export interface ClientConfig {
  /** `PROMPTER_URL` (or `--server`): the API's base URL; null means "use the local database". */
  readonly serverUrl: string | null;
  /** `PROMPTER_API_KEY`: sent as `Authorization: Bearer <key>` when set. */
  readonly apiKey: string | null;
}

type Environment = Readonly<Record<string, string | undefined>>;

/**
 * The CLI's client settings. A `--server` flag wins over `PROMPTER_URL`. Kept apart from
 * `loadConfig`: a command talking to a server needs none of the server's own settings.
 */
export function loadClientConfig(environment: Environment, serverFlag?: string): ClientConfig {
  const rawUrl = nonEmpty(serverFlag) ?? nonEmpty(environment['PROMPTER_URL']);
  const name = nonEmpty(serverFlag) === undefined ? 'PROMPTER_URL' : '--server';
  return {
    serverUrl: rawUrl === undefined ? null : parseServerUrl(rawUrl, name),
    apiKey: nonEmpty(environment['PROMPTER_API_KEY']) ?? null,
  };
}

function parseServerUrl(raw: string, name: string): string {
  let url: URL | undefined;
  try {
    url = new URL(raw);
  } catch {
    url = undefined;
  }
  if (url === undefined || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw new ConfigError(
      `Invalid configuration:\n  ${name}: expected an http(s) URL such as http://127.0.0.1:8000, got "${raw}"`,
    );
  }
  return raw.replace(/\/+$/, '');
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}
