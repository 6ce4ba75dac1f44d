import { InvalidArgumentError, Option, type Command } from 'commander';
import type { TemplateResponse } from '../../templates/templates.schemas.ts';
import { processIo, type CliIo } from '../cli-io.ts';
import { formatTable } from '../format-table.ts';
import { printJson, runDataCommand } from '../run-data-command.ts';
import { serverOption } from '../server-option.ts';
import {
  templateBodyFromOptions,
  type TemplateCreateOptions,
} from '../template-body-from-options.ts';

interface Common {
  json: boolean;
  server?: string;
}

const collect = (value: string, previous: string[]) => [...previous, value];

/** `prompter templates create|list|show|delete|restore`: the template routes, without curl. */
export function registerTemplatesCommand(program: Command, io: CliIo = processIo()): void {
  const templates = program
    .command('templates')
    .description('Create, list, show, delete and restore prompt templates');

  templates
    .command('create')
    .description(
      'Track a prompt configuration (POST /api/prompt-templates): a JSON body from --file ' +
        '(- for stdin), and/or flags for the fields; flags win',
    )
    .option('--file <path>', 'a create-request JSON body (- reads stdin)')
    .option('--org <org>', 'org_id (default: "default", or the API key\'s org)')
    .option('--workspace <id>', 'workspace_id: the brand workspace')
    .option('--name <name>', 'name')
    .option('--model <id>', 'model_id, e.g. gpt-4o')
    .addOption(
      new Option('--provider <name>', 'provider (inferred from the model when omitted)').choices([
        'openai',
        'google',
        'anthropic',
        'azure-openai',
      ]),
    )
    .option('--prompt <text>', 'user_prompt_template, with {{placeholders}}')
    .option('--system <text>', 'system_instructions')
    .option('--country <code>', 'a country_set entry (repeatable; UK means GB)', collect, [])
    .option(
      '--param <name=value>',
      'an inference_params entry, value as JSON (repeatable)',
      collect,
      [],
    )
    .option('--created-by <name>', 'created_by')
    .option('--json', "print the API's response: the created template", false)
    .addOption(serverOption())
    .action(async (options: TemplateCreateOptions & Common) => {
      await runDataCommand(io, options, async (api) => {
        const created = await api.createTemplate(await templateBodyFromOptions(io, options));
        if (options.json) return printJson(io, created);
        io.stdout.write(
          `Created template ${created.id} (config hash ${created.config_hash}) in workspace ` +
            `${created.workspace_id} of org ${created.org_id}.\n`,
        );
      });
    });

  templates
    .command('list')
    .description('List templates, newest first, one page at a time (GET /api/prompt-templates)')
    .option('--org <org>', 'org_id (default: "default", or the API key\'s org)')
    .option('--workspace <id>', 'only this workspace')
    .option('--include-deleted', 'include soft-deleted templates', false)
    .option('--limit <n>', 'page size, 1 to 500 (default 50)', parseWholeNumber)
    .option('--cursor <cursor>', 'the next_cursor of the previous page')
    .option('--json', "print the API's response: {items, next_cursor}", false)
    .addOption(serverOption())
    .action(
      async (
        options: {
          org?: string;
          workspace?: string;
          includeDeleted: boolean;
          limit?: number;
          cursor?: string;
        } & Common,
      ) => {
        await runDataCommand(io, options, async (api) => {
          const page = await api.listTemplates({
            ...(options.org === undefined ? {} : { org_id: options.org }),
            ...(options.workspace === undefined ? {} : { workspace_id: options.workspace }),
            ...(options.includeDeleted ? { include_deleted: true } : {}),
            ...(options.limit === undefined ? {} : { limit: options.limit }),
            ...(options.cursor === undefined ? {} : { cursor: options.cursor }),
          });
          if (options.json) return printJson(io, page);
          if (page.items.length === 0) {
            io.stdout.write('no templates: create one with `prompter templates create`\n');
          } else {
            io.stdout.write(formatTemplatesTable(page.items));
          }
          if (page.next_cursor !== null) {
            io.stderr.write(`more: prompter templates list --cursor ${page.next_cursor}\n`);
          }
        });
      },
    );

  templates
    .command('show')
    .description('Print one template, deleted ones included (GET /api/prompt-templates/{id})')
    .argument('<template-id>', 'the template')
    .option('--json', "print the API's response: every field", false)
    .addOption(serverOption())
    .action(async (templateId: string, options: Common) => {
      await runDataCommand(io, options, async (api) => {
        const template = await api.getTemplate(templateId);
        if (options.json) return printJson(io, template);
        io.stdout.write(describeTemplate(template));
      });
    });

  templates
    .command('delete')
    .description('Soft delete a template (DELETE /api/prompt-templates/{id}); restore undoes it')
    .argument('<template-id>', 'the template')
    .option('--json', 'print nothing on success (the API answers 204 with no body)', false)
    .addOption(serverOption())
    .action(async (templateId: string, options: Common) => {
      await runDataCommand(io, options, async (api) => {
        await api.deleteTemplate(templateId);
        if (!options.json) io.stdout.write(`Deleted template ${templateId}.\n`);
      });
    });

  templates
    .command('restore')
    .description('Undo a soft delete (POST /api/prompt-templates/{id}/restore)')
    .argument('<template-id>', 'the template')
    .option('--json', "print the API's response: the restored template", false)
    .addOption(serverOption())
    .action(async (templateId: string, options: Common) => {
      await runDataCommand(io, options, async (api) => {
        const template = await api.restoreTemplate(templateId);
        if (options.json) return printJson(io, template);
        io.stdout.write(`Restored template ${template.id}.\n`);
      });
    });
}

function parseWholeNumber(raw: string): number {
  if (!/^\d+$/.test(raw)) throw new InvalidArgumentError('expected a whole number');
  return Number(raw);
}

function formatTemplatesTable(items: readonly TemplateResponse[]): string {
  const header = ['id', 'workspace', 'name', 'model', 'created', 'status'];
  const rows = items.map((template) => [
    template.id,
    template.workspace_id,
    template.name,
    template.model_id,
    template.created_at,
    template.deleted_at === null ? 'active' : `deleted ${template.deleted_at}`,
  ]);
  return formatTable(header, rows);
}

function describeTemplate(template: TemplateResponse): string {
  const lines: [string, string][] = [
    ['id', template.id],
    ['name', template.name],
    ['org', template.org_id],
    ['workspace', template.workspace_id],
    ['model', `${template.provider ?? '(inferred)'} ${template.model_id}`],
    ['countries', template.country_set.join(', ')],
    ['config hash', template.config_hash],
    [
      'created',
      `${template.created_at}${template.created_by === null ? '' : ` by ${template.created_by}`}`,
    ],
    ['status', template.deleted_at === null ? 'active' : `deleted ${template.deleted_at}`],
    ['prompt', template.user_prompt_template],
  ];
  const width = Math.max(...lines.map(([field]) => field.length));
  const text = lines.map(([field, value]) => `${field.padEnd(width)}  ${value}`).join('\n');
  return `${text}\n(--json prints every field)\n`;
}
