import type { Command } from 'commander';
import { loadConfig } from '../../config/load-config.ts';
import { readEnvironment } from '../../config/read-environment.ts';

export interface ServeCommandDeps {
  /** Where the start-up banner goes (stderr by default; the JSON log keeps stdout). */
  readonly stderr?: { write(text: string): unknown };
}

export function registerServeCommand(program: Command, deps: ServeCommandDeps = {}): void {
  program
    .command('serve')
    .description('Serve the HTTP API (migrations are applied first)')
    .option('--host <host>', 'address to bind (default: HOST or 127.0.0.1)')
    .option('--port <port>', 'port to listen on (default: PORT or 8000)')
    .option('--no-migrate', 'refuse to start while migrations are pending instead of applying them')
    .action(async (options: { host?: string; port?: string; migrate: boolean }) => {
      const { environment, envFile } = readEnvironment();
      const config = loadConfig({
        ...environment,
        ...(options.host === undefined ? {} : { HOST: options.host }),
        ...(options.port === undefined ? {} : { PORT: options.port }),
      });
      const { buildApp } = await import('../../app.ts');
      const { packageVersion } = await import('../../package-version.ts');
      const { formatStartupBanner } = await import('../format-startup-banner.ts');
      const app = await buildApp({
        config,
        migrations: options.migrate ? 'apply' : 'require-current',
      });
      const close = async (signal: string) => {
        app.log.info({ signal }, 'shutting down');
        await app.close();
        process.exit(0);
      };
      process.once('SIGINT', () => void close('SIGINT'));
      process.once('SIGTERM', () => void close('SIGTERM'));
      const address = await app.listen({ host: config.host, port: config.port });
      (deps.stderr ?? process.stderr).write(
        formatStartupBanner({
          config,
          version: packageVersion,
          address,
          authMode: app.authMode,
          envFile,
        }),
      );
    });
}
