import { InvalidArgumentError, Option, type Command } from 'commander';
import { userInfo } from 'node:os';
import type { AppConfig } from '../../config/app-config.ts';
import { loadConfig } from '../../config/load-config.ts';
import { isApiKeyActive, type ApiKey } from '../../keys/api-key.ts';
import type { KeysService } from '../../keys/keys.service.ts';
import { formatTable } from '../format-table.ts';
import { requireExistingDatabase } from '../require-existing-database.ts';

export interface KeysCommandDeps {
  /** Where results go; tests capture it. */
  readonly stdout?: { write(text: string): unknown };
  /** What loadConfig reads; tests pass their own DB_URL. */
  readonly environment?: Readonly<Record<string, string | undefined>>;
  /** Who the audit log names; `cli:<login name>` by default. */
  readonly actor?: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** `prompter keys create|list|revoke`: API keys, managed on the configured database. */
export function registerKeysCommand(program: Command, deps: KeysCommandDeps = {}): void {
  const write = (text: string) => (deps.stdout ?? process.stdout).write(text);
  const keys = program
    .command('keys')
    .description('Create, list and revoke the API keys that authenticate requests');

  keys
    .command('create')
    .description('Create an API key for one org; its secret is printed once and never stored')
    .requiredOption('--org <org>', 'the org the key acts for')
    .addOption(
      new Option('--role <role>', 'what the key may do')
        .choices(['admin', 'member', 'viewer'])
        .default('member'),
    )
    .option('--name <name>', 'a label to tell keys apart')
    .option('--expires-in-days <days>', 'stop working after this many days', parseDays)
    .option('--json', 'print {"id", "org_id", "role", "key"}', false)
    .action(
      async (options: {
        org: string;
        role: 'admin' | 'member' | 'viewer';
        name?: string;
        expiresInDays?: number;
        json: boolean;
      }) => {
        await withKeysService(deps, { mayCreateDatabase: true }, async (service) => {
          const { key, secret } = await service.createApiKey({
            orgId: options.org,
            role: options.role,
            name: options.name ?? null,
            createdBy: deps.actor ?? cliActor(),
            expiresAt:
              options.expiresInDays === undefined
                ? null
                : new Date(Date.now() + options.expiresInDays * DAY_MS),
          });
          if (options.json) {
            write(
              `${JSON.stringify({ id: key.id, org_id: key.orgId, role: key.role, key: secret })}\n`,
            );
            return;
          }
          write(
            `Created ${key.role} key ${key.id} for org ${key.orgId}` +
              `${key.expiresAt === null ? '' : `, expiring ${key.expiresAt}`}.\n` +
              'Store it now: it is not stored and will not be shown again.\n\n' +
              `  ${secret}\n\n` +
              'Send it as "Authorization: Bearer <key>".\n',
          );
        });
      },
    );

  keys
    .command('list')
    .description('List API keys, newest first (never their secrets)')
    .option('--org <org>', 'only this org')
    .option('--json', 'print JSON', false)
    .action(async (options: { org?: string; json: boolean }) => {
      await withKeysService(deps, { mayCreateDatabase: false }, async (service) => {
        const listed = await service.listApiKeys(options.org);
        if (options.json) {
          const { toApiKeyResponse } = await import('../../keys/api-key-response.ts');
          write(`${JSON.stringify({ items: listed.map(toApiKeyResponse) }, null, 2)}\n`);
          return;
        }
        if (listed.length === 0) {
          write('no API keys yet: create one with `prompter keys create --org <org>`\n');
          return;
        }
        write(formatKeysTable(listed, new Date()));
      });
    });

  keys
    .command('revoke')
    .description('Revoke an API key for good; requests using it are refused from now on')
    .argument('<id>', 'the key id (from `prompter keys list`)')
    .action(async (id: string) => {
      await withKeysService(deps, { mayCreateDatabase: false }, async (service) => {
        const key = await service.revokeApiKey(id, deps.actor ?? cliActor());
        write(`Revoked key ${key.id} of org ${key.orgId} (at ${key.revokedAt ?? '?'}).\n`);
      });
    });
}

/**
 * Opens the runtime on the configured database (migrated first) for one command, then closes it.
 * Only `keys create` may create the database (the first admin key of a new deployment); listing
 * or revoking on a SQLite file that is not there is a mistake, and creates nothing.
 */
async function withKeysService(
  deps: KeysCommandDeps,
  rules: { readonly mayCreateDatabase: boolean },
  use: (service: KeysService) => Promise<void>,
): Promise<void> {
  const config: AppConfig = loadConfig(deps.environment);
  if (!rules.mayCreateDatabase) {
    requireExistingDatabase(config, 'Set DB_URL to the database whose keys you mean.');
  }
  // Loaded on use, so other commands do not pay for the database drivers.
  const { openRuntime } = await import('../../runtime/open-runtime.ts');
  const { noopMetrics } = await import('../../metrics/metrics.ts');
  const runtime = await openRuntime(config, {
    migrations: 'apply',
    log: { warn: () => undefined },
    metrics: noopMetrics,
  });
  try {
    await use(runtime.services.keys);
  } finally {
    await runtime.close();
  }
}

function parseDays(raw: string): number {
  if (!/^\d+$/.test(raw) || Number(raw) < 1 || Number(raw) > 36_500) {
    throw new InvalidArgumentError('expected a whole number of days from 1 to 36500');
  }
  return Number(raw);
}

/** `cli:<login name>`; some containers have no passwd entry for the user. */
function cliActor(): string {
  try {
    return `cli:${userInfo().username}`;
  } catch {
    return `cli:${process.env['USER'] ?? process.env['LOGNAME'] ?? 'unknown'}`;
  }
}

function formatKeysTable(keys: readonly ApiKey[], now: Date): string {
  const header = ['id', 'org', 'role', 'status', 'prefix', 'name', 'created', 'last used'];
  const rows = keys.map((key) => [
    key.id,
    key.orgId,
    key.role,
    key.revokedAt !== null ? 'revoked' : isApiKeyActive(key, now) ? 'active' : 'expired',
    `pk_${key.prefix}_…`,
    key.name ?? '',
    key.createdAt,
    key.lastUsedAt ?? 'never',
  ]);
  return formatTable(header, rows);
}
