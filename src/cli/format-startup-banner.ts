import type { AppConfig } from '../config/app-config.ts';
import { redactDatabaseUrl } from '../config/database-url.ts';

export interface StartupBannerFacts {
  readonly config: AppConfig;
  readonly version: string;
  /** The address the server listens on, as `app.listen` answered (e.g. http://127.0.0.1:8000). */
  readonly address: string;
  /** The auth mode decided at start-up. */
  readonly authMode: 'required' | 'off';
  /** The `.env` file that was read, or null. */
  readonly envFile: string | null;
}

/**
 * What `prompter serve` prints to stderr once it listens: where the data goes (credentials
 * redacted), whether answers are real, who may call, and where to look. Plain text for a human;
 * the JSON log on stdout stays machine-readable.
 */
export function formatStartupBanner(facts: StartupBannerFacts): string {
  const { config, address } = facts;
  const rows: Array<[string, string]> = [
    ['database', `${redactDatabaseUrl(config.databaseUrl)} (${describeDialect(config)})`],
    [
      'providers',
      config.providerMode === 'fake'
        ? '*** FAKE providers: answers are simulated, no model is called ' +
          '(PROMPTER_PROVIDER_MODE=live for real ones) ***'
        : 'live (the provider SDKs; keys from the environment)',
    ],
    ['auth', describeAuth(facts)],
    [
      'redis',
      config.redisUrl === null
        ? 'not configured (probes are coalesced within this process only)'
        : redactDatabaseUrl(config.redisUrl),
    ],
    [
      'config',
      facts.envFile === null ? 'environment only (no .env)' : `environment over ${facts.envFile}`,
    ],
    ['API', `${address}/api`],
    ['docs', `${address}/docs`],
    [
      'metrics',
      `${address}/metrics${config.security.metricsToken === null ? '' : ' (bearer METRICS_TOKEN)'}`,
    ],
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  return [
    `Prompter ${facts.version} is serving`,
    ...rows.map(([label, value]) => `  ${label.padEnd(width)}  ${value}`),
    '',
  ].join('\n');
}

function describeDialect(config: AppConfig): string {
  return config.database.dialect === 'sqlite' ? 'SQLite' : 'PostgreSQL';
}

function describeAuth(facts: StartupBannerFacts): string {
  if (facts.authMode === 'required') return 'API keys required (Authorization: Bearer <key>)';
  return facts.config.security.authMode === 'off'
    ? 'OFF (PROMPTER_AUTH=off): every caller acts as an admin of every org'
    : 'off on this loopback address (PROMPTER_AUTH unset)';
}
