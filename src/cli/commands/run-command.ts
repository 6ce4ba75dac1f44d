import type { Command } from 'commander';
import { AppError, ValidationError } from '../../core/app-error.ts';
import { loadConfig } from '../../config/load-config.ts';
import { stringifyLosslessJson } from '../../core/json/lossless-json.ts';
import { toResultResponse } from '../../results/result-response.ts';

function collectVariable(pair: string, variables: Record<string, string>): Record<string, string> {
  const separator = pair.indexOf('=');
  if (separator <= 0) throw new Error(`--var expects name=value, got "${pair}"`);
  return { ...variables, [pair.slice(0, separator)]: pair.slice(separator + 1) };
}

export function registerRunCommand(program: Command): void {
  program
    .command('run')
    .description('Run a template once and print the result (same rules as POST …/run)')
    .argument('<template-id>', 'the template to run')
    .option('--var <name=value>', 'a runtime variable (repeatable)', collectVariable, {})
    .option('--country <code>', 'fills {{country}} and is stored with the result')
    .option('--brand <name>', 'fills {{brand}} / {{brand_name}}')
    .option('--prompt <text>', 'send this rendered prompt verbatim instead of rendering')
    .option('--grounding', 'ask the provider to ground the answer (where supported)', false)
    .option('--json', 'print the full result record as JSON', false)
    .action(
      async (
        templateId: string,
        options: {
          var: Record<string, string>;
          country?: string;
          brand?: string;
          prompt?: string;
          grounding: boolean;
          json: boolean;
        },
      ) => {
        // Loaded on use, so light commands (hash) do not pay for the provider SDKs.
        const { openCliServices } = await import('../open-cli-services.ts');
        const { services, close } = await openCliServices(loadConfig());
        try {
          const { result, version } = await services.runs.runTemplate({
            templateId,
            caller: { kind: 'open' },
            renderedPrompt: options.prompt ?? null,
            runtimeVars: options.var,
            brandName: options.brand ?? null,
            country: options.country ?? null,
            analysisScope: 'brand',
            useGrounding: options.grounding,
          });
          if (options.json) {
            process.stdout.write(`${stringifyLosslessJson(toResultResponse(result), 2)}\n`);
            return;
          }
          process.stdout.write(
            [
              `result   ${result.id}`,
              `model    ${result.provider} ${result.modelId}${result.simulated ? ' (simulated)' : ''}`,
              `version  ${version.providerVersionKey}  (${version.id})`,
              `latency  ${result.latencyMs ?? '?'} ms`,
              '',
              result.content ?? '',
              '',
            ].join('\n'),
          );
        } catch (error) {
          throw new Error(describeFailure(error), { cause: error });
        } finally {
          await close();
        }
      },
    );
}

/** A readable one-liner for the errors a run can end in. */
export function describeFailure(error: unknown): string {
  if (error instanceof ValidationError) {
    return error.issues.map((issue) => `${issue.loc.slice(1).join('.')}: ${issue.msg}`).join('\n');
  }
  if (error instanceof AppError) {
    const resultId = error.extra['result_id'];
    return `${error.message}${typeof resultId === 'string' ? ` (failed result ${resultId})` : ''}`;
  }
  return (error as Error).message;
}
