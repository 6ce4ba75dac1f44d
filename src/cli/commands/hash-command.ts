import type { Command } from 'commander';

export function registerHashCommand(program: Command): void {
  program
    .command('hash')
    .description(
      'Read template configs (create-request JSON), one per line on stdin; write one JSON line ' +
        'per input: {"config_hash", "canonical"} or {"error"}',
    )
    .action(async () => {
      const { hashConfigLines } = await import('../../templates/hash-config-lines.ts');
      const rejected = await hashConfigLines(process.stdin, process.stdout);
      if (rejected > 0) process.stderr.write(`prompter hash: ${rejected} line(s) rejected\n`);
    });
}
