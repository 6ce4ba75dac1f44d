import { InvalidArgumentError, type Command } from 'commander';
import type { RunBody } from '../../runs/runs.schemas.ts';
import { processIo, type CliIo } from '../cli-io.ts';
import { parseCountryOption } from '../parse-country-option.ts';
import { printJson, runDataCommand } from '../run-data-command.ts';
import { serverOption } from '../server-option.ts';
import { withSpinner } from '../with-spinner.ts';

function collectVariable(pair: string, variables: Record<string, string>): Record<string, string> {
  const separator = pair.indexOf('=');
  if (separator <= 0) throw new InvalidArgumentError(`expected name=value, got "${pair}"`);
  return { ...variables, [pair.slice(0, separator)]: pair.slice(separator + 1) };
}

interface RunOptions {
  var: Record<string, string>;
  country?: string;
  brand?: string;
  prompt?: string;
  grounding: boolean;
  json: boolean;
  server?: string;
}

export function registerRunCommand(program: Command, io: CliIo = processIo()): void {
  program
    .command('run')
    .description('Run a template once and print the result (POST …/run)')
    .argument('<template-id>', 'the template to run')
    .option('--var <name=value>', 'a runtime variable (repeatable)', collectVariable, {})
    .option('--country <code>', 'fills {{country}} and is stored with the result (UK means GB)')
    .option('--brand <name>', 'fills {{brand}} / {{brand_name}}')
    .option('--prompt <text>', 'send this rendered prompt verbatim instead of rendering')
    .option('--grounding', 'ask the provider to ground the answer (where supported)', false)
    .option('--json', "print the API's response: {result_id, version_id, …}", false)
    .addOption(serverOption())
    .action(async (templateId: string, options: RunOptions) => {
      await runDataCommand(io, options, async (api) => {
        const body: RunBody = {
          runtime_vars: options.var,
          use_grounding: options.grounding,
          ...(options.country === undefined
            ? {}
            : { country: parseCountryOption(options.country) }),
          ...(options.brand === undefined ? {} : { brand_name: options.brand }),
          ...(options.prompt === undefined ? {} : { rendered_prompt: options.prompt }),
        };
        const run = await withSpinner(
          io,
          { text: 'waiting for the model…', json: options.json },
          () => api.runTemplate(templateId, body),
        );
        if (options.json) {
          printJson(io, run);
          return;
        }
        io.stdout.write(
          [
            `result   ${run.result_id}`,
            `model    ${run.provider} ${run.model_id}${run.simulated ? ' (simulated)' : ''}`,
            `version  ${run.provider_version_key}  (${run.version_id})`,
            `latency  ${run.latency_ms === null ? '?' : String(run.latency_ms)} ms`,
            '',
            run.content ?? '',
            '',
          ].join('\n'),
        );
      });
    });
}
