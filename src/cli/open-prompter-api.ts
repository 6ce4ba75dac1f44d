import { redactDatabaseUrl } from '../config/database-url.ts';
import { loadClientConfig } from '../config/load-client-config.ts';
import { loadConfig } from '../config/load-config.ts';
import { createApiClient } from './api-client.ts';
import type { CliIo } from './cli-io.ts';
import type { PrompterApi } from './prompter-api.ts';
import { remotePrompterApi } from './remote-prompter-api.ts';
import { requireExistingDatabase } from './require-existing-database.ts';

export interface ApiTargetOptions {
  /** `--server URL`; wins over PROMPTER_URL. */
  readonly server?: string;
  /** Machine-readable output: stderr then carries nothing but an error's `{"detail": …}`. */
  readonly json: boolean;
}

/**
 * The API a data command talks to: the server at `--server` / `PROMPTER_URL` (with
 * `PROMPTER_API_KEY`), else the local database, announced on stderr. A local database must exist
 * already: a data command never creates one (only `serve` and `migrate up` do).
 */
export async function openPrompterApi(io: CliIo, options: ApiTargetOptions): Promise<PrompterApi> {
  const client = loadClientConfig(io.environment, options.server);
  if (client.serverUrl !== null) {
    return remotePrompterApi(
      createApiClient({
        baseUrl: client.serverUrl,
        apiKey: client.apiKey,
        ...(io.fetch === undefined ? {} : { fetch: io.fetch }),
      }),
    );
  }
  const config = loadConfig(io.environment);
  requireExistingDatabase(
    config,
    'PROMPTER_URL is not set: point it (or --server) at a running Prompter server, or DB_URL at ' +
      'an existing database (`prompter migrate up` creates a new one).',
  );
  if (!options.json) {
    io.stderr.write(
      `prompter: using the local database ${redactDatabaseUrl(config.databaseUrl)} ` +
        '(set PROMPTER_URL to use a server)\n',
    );
  }
  // Loaded on use, so commands talking to a server do not pay for drivers and provider SDKs.
  const { openCliServices } = await import('./open-cli-services.ts');
  const { localPrompterApi } = await import('./local-prompter-api.ts');
  const { services, close } = await openCliServices(config);
  return localPrompterApi(services, close);
}
