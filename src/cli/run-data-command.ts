import { AppError } from '../core/app-error.ts';
import { ConfigError } from '../config/load-config.ts';
import { errorBody } from '../http/error-handler.ts';
import { ServerUnreachableError } from './api-client.ts';
import { ApiResponseError } from './api-response-error.ts';
import { CliError } from './cli-error.ts';
import type { CliIo } from './cli-io.ts';
import { exitCodeForStatus, exitCodes, type ExitCode } from './exit-codes.ts';
import { formatJson } from './format-json.ts';
import { openPrompterApi, type ApiTargetOptions } from './open-prompter-api.ts';
import type { PrompterApi } from './prompter-api.ts';
import { UsageError } from './usage-error.ts';

/**
 * The frame of every data command: opens the API (server or local database), runs the command,
 * closes it. A failure is reported once on stderr — `{"detail": …}` with `--json`, a sentence
 * otherwise — and rethrown as a {@link CliError} carrying the documented exit code.
 */
export async function runDataCommand(
  io: CliIo,
  options: ApiTargetOptions,
  command: (api: PrompterApi) => Promise<void>,
): Promise<void> {
  let api: PrompterApi | undefined;
  try {
    api = await openPrompterApi(io, options);
    await command(api);
  } catch (error) {
    throw reportFailure(io, options.json, error);
  } finally {
    await api?.close();
  }
}

/** Prints `value` as the API sent it (number lexemes kept), one document on stdout. */
export function printJson(io: CliIo, value: unknown): void {
  io.stdout.write(`${formatJson(value)}\n`);
}

function reportFailure(io: CliIo, json: boolean, error: unknown): CliError {
  const { exitCode, body, message } = describeFailure(error);
  io.stderr.write(json ? `${formatJson(body)}\n` : `prompter: ${message}\n`);
  return new CliError(exitCode, message);
}

function describeFailure(error: unknown): {
  exitCode: ExitCode;
  body: { detail: unknown };
  message: string;
} {
  if (error instanceof ApiResponseError) {
    return { exitCode: exitCodeForStatus(error.status), body: error.body, message: error.message };
  }
  if (error instanceof AppError) {
    const converted = new ApiResponseError(error.status, errorBody(error));
    return {
      exitCode: exitCodeForStatus(error.status),
      body: converted.body,
      message: converted.message,
    };
  }
  const known: [new (...args: never[]) => Error, string, ExitCode][] = [
    [ServerUnreachableError, 'SERVER_UNREACHABLE', exitCodes.unavailable],
    [UsageError, 'USAGE', exitCodes.usage],
    [ConfigError, 'CONFIGURATION', exitCodes.usage],
  ];
  for (const [type, code, exitCode] of known) {
    if (error instanceof type) {
      return {
        exitCode,
        body: { detail: { code, message: error.message } },
        message: error.message,
      };
    }
  }
  const message = error instanceof Error ? error.message : String(error);
  return { exitCode: exitCodes.failed, body: { detail: { code: 'INTERNAL', message } }, message };
}
