import type { Command } from 'commander';
import { loadConfig } from '../../config/load-config.ts';

export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('Serve the HTTP API (migrations are applied first)')
    .option('--host <host>', 'address to bind (default: HOST or 127.0.0.1)')
    .option('--port <port>', 'port to listen on (default: PORT or 8000)')
    .action(async (options: { host?: string; port?: string }) => {
      const config = loadConfig({
        ...process.env,
        ...(options.host === undefined ? {} : { HOST: options.host }),
        ...(options.port === undefined ? {} : { PORT: options.port }),
      });
      const { buildApp } = await import('../../app.ts');
      const app = await buildApp({ config });
      const close = async (signal: string) => {
        app.log.info({ signal }, 'shutting down');
        await app.close();
        process.exit(0);
      };
      process.once('SIGINT', () => void close('SIGINT'));
      process.once('SIGTERM', () => void close('SIGTERM'));
      await app.listen({ host: config.host, port: config.port });
    });
}
