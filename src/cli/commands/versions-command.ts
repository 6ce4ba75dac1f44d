import type { Command } from 'commander';
import { processIo, type CliIo } from '../cli-io.ts';
import { formatTable } from '../format-table.ts';
import { printJson, runDataCommand } from '../run-data-command.ts';
import { serverOption } from '../server-option.ts';

export function registerVersionsCommand(program: Command, io: CliIo = processIo()): void {
  program
    .command('versions')
    .description("Print a template's version timeline: every key that served it, oldest first")
    .argument('<template-id>', 'the template')
    .option('--json', "print the API's response: {items: […]}", false)
    .addOption(serverOption())
    .action(async (templateId: string, options: { json: boolean; server?: string }) => {
      await runDataCommand(io, options, async (api) => {
        const timeline = await api.listVersions(templateId);
        if (options.json) {
          printJson(io, timeline);
          return;
        }
        if (timeline.items.length === 0) {
          io.stdout.write('no versions yet: run the template or call ensure-version\n');
          return;
        }
        const rows = timeline.items.map((version) => [
          version.first_seen_at,
          version.last_seen_at,
          version.provider,
          version.model_id,
          version.provider_version_key,
        ]);
        const header = ['first seen', 'last seen', 'provider', 'model', 'version key'];
        io.stdout.write(formatTable(header, rows));
      });
    });
}
