import { Command, CommanderError } from 'commander';
import { ConfigError } from '../config/load-config.ts';
import { packageVersion } from '../package-version.ts';
import { registerHashCommand } from './commands/hash-command.ts';
import { registerKeysCommand } from './commands/keys-command.ts';
import { registerMigrateCommand } from './commands/migrate-command.ts';
import { registerRunCommand } from './commands/run-command.ts';
import { registerServeCommand } from './commands/serve-command.ts';
import { registerVersionsCommand } from './commands/versions-command.ts';

/** The `prompter` command tree; each command is a thin file in `commands/`. */
const program = new Command('prompter')
  .description('Prompter: prompt identity, provider-versioned runs and their audit trail')
  .version(packageVersion)
  .showHelpAfterError()
  .exitOverride();

registerServeCommand(program);
registerMigrateCommand(program);
registerHashCommand(program);
registerRunCommand(program);
registerVersionsCommand(program);
registerKeysCommand(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    process.exitCode = error.exitCode;
  } else if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
    process.exitCode = 2;
  } else {
    process.stderr.write(`prompter: ${(error as Error).message}\n`);
    process.exitCode = 1;
  }
}
