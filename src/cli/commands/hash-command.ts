import type { Command } from 'commander';
import { nonEmptyInput } from '../non-empty-input.ts';

export function registerHashCommand(program: Command): void {
  program
    .command('hash')
    .description(
      'Read template configs (create-request JSON), one per line on stdin; write one JSON line ' +
        'per input: {"config_hash", "canonical"} or {"error"}',
    )
    .action(async () => {
      const input = await nonEmptyInput(process.stdin);
      if (input === null) return; // nothing to hash: the schema validator is never loaded
      const { hashConfigLines } = await import('../../templates/hash-config-lines.ts');
      const rejected = await hashConfigLines(input, process.stdout);
      if (rejected > 0) process.stderr.write(`prompter hash: ${rejected} line(s) rejected\n`);
    });
}
