import { Command, CommanderError } from 'commander';
import { ConfigError } from '../config/load-config.ts';
import { packageVersion } from '../package-version.ts';
import { registerHashCommand } from './commands/hash-command.ts';
import { registerKeysCommand } from './commands/keys-command.ts';
import { registerMigrateCommand } from './commands/migrate-command.ts';
import { registerRunCommand } from './commands/run-command.ts';
import { registerServeCommand } from './commands/serve-command.ts';
import { registerTemplatesCommand } from './commands/templates-command.ts';
import { registerVersionsCommand } from './commands/versions-command.ts';
import { CliError } from './cli-error.ts';
import { exitCodes, exitCodesHelp } from './exit-codes.ts';
import { UsageError } from './usage-error.ts';

/** The `prompter` command tree; each command is a thin file in `commands/`. */
const program = new Command('prompter')
  .description('Prompter: prompt identity, provider-versioned runs and their audit trail')
  .version(packageVersion)
  .showHelpAfterError()
  .addHelpText('after', exitCodesHelp)
  .exitOverride();

registerServeCommand(program);
registerMigrateCommand(program);
registerHashCommand(program);
registerRunCommand(program);
registerVersionsCommand(program);
registerTemplatesCommand(program);
registerKeysCommand(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CliError) {
    // Already reported on stderr by the command.
    process.exitCode = error.exitCode;
  } else if (error instanceof CommanderError) {
    // Help and --version exit 0; a usage mistake (unknown option, bad value) is a usage error.
    process.exitCode = error.exitCode === 0 ? exitCodes.ok : exitCodes.usage;
  } else if (error instanceof ConfigError || error instanceof UsageError) {
    process.stderr.write(`${error.message}\n`);
    process.exitCode = exitCodes.usage;
  } else {
    process.stderr.write(`prompter: ${(error as Error).message}\n`);
    process.exitCode = 1;
  }
}
