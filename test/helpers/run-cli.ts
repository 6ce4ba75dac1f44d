import { Command, CommanderError } from 'commander';
import { CliError } from '../../src/cli/cli-error.ts';
import type { CliIo } from '../../src/cli/cli-io.ts';
import { registerRunCommand } from '../../src/cli/commands/run-command.ts';
import { registerTemplatesCommand } from '../../src/cli/commands/templates-command.ts';
import { registerVersionsCommand } from '../../src/cli/commands/versions-command.ts';
import { exitCodes } from '../../src/cli/exit-codes.ts';

export interface CliOutcome {
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: number;
}

/**
 * Runs a data command (`run`, `versions`, `templates …`) in process on a fresh command tree, with
 * the given environment instead of the process's; returns what it printed and its exit code.
 */
export async function runCli(
  environment: Record<string, string | undefined>,
  args: readonly string[],
  extra: Partial<Pick<CliIo, 'stdin' | 'fetch'>> & { stderrIsTTY?: boolean } = {},
): Promise<CliOutcome> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text), isTTY: extra.stderrIsTTY ?? false },
    environment,
    ...(extra.stdin === undefined ? {} : { stdin: extra.stdin }),
    ...(extra.fetch === undefined ? {} : { fetch: extra.fetch }),
  };
  const program = new Command('prompter').exitOverride().configureOutput({
    writeErr: (text) => (stderr += text),
    writeOut: (text) => (stdout += text),
  });
  registerRunCommand(program, io);
  registerVersionsCommand(program, io);
  registerTemplatesCommand(program, io);
  let exitCode: number = exitCodes.ok;
  try {
    await program.parseAsync([...args], { from: 'user' });
  } catch (error) {
    if (error instanceof CliError) exitCode = error.exitCode;
    else if (error instanceof CommanderError) exitCode = exitCodes.usage;
    else throw error;
  }
  return { stdout, stderr, exitCode };
}
