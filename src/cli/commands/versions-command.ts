import type { Command } from 'commander';
import { loadConfig } from '../../config/load-config.ts';
import { toVersionResponse } from '../../versions/version-response.ts';
import { formatTable } from '../format-table.ts';
import { describeFailure } from './run-command.ts';

export function registerVersionsCommand(program: Command): void {
  program
    .command('versions')
    .description("Print a template's version timeline: every key that served it, oldest first")
    .argument('<template-id>', 'the template')
    .option('--json', 'print JSON', false)
    .action(async (templateId: string, options: { json: boolean }) => {
      // Loaded on use, so light commands (hash) do not pay for the provider SDKs.
      const { openCliServices } = await import('../open-cli-services.ts');
      const { services, close } = await openCliServices(loadConfig());
      try {
        const versions = await services.versions.listVersions(templateId, { kind: 'open' });
        if (options.json) {
          process.stdout.write(
            `${JSON.stringify({ items: versions.map(toVersionResponse) }, null, 2)}\n`,
          );
          return;
        }
        if (versions.length === 0) {
          process.stdout.write('no versions yet: run the template or call ensure-version\n');
          return;
        }
        const rows = versions.map((version) => [
          version.firstSeenAt,
          version.lastSeenAt,
          version.provider,
          version.modelId,
          version.providerVersionKey,
        ]);
        const header = ['first seen', 'last seen', 'provider', 'model', 'version key'];
        process.stdout.write(formatTable(header, rows));
      } catch (error) {
        throw new Error(describeFailure(error), { cause: error });
      } finally {
        await close();
      }
    });
}
