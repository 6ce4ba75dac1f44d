#!/usr/bin/env node
// Runs every *.test.ts under src/ and test/ with node's test runner (through tsx).
// Node 20 neither expands globs after --test nor finds .ts files by itself, so list them here.
// Extra arguments pass through: `npm test -- --test-name-pattern=restore`.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

function findTests(directory) {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : findTests(path);
    return entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

const files = ['src', 'test'].flatMap(findTests).sort();
const extra = process.argv.slice(2);
const selected = extra.filter((argument) => !argument.startsWith('--'));
const options = extra.filter((argument) => argument.startsWith('--'));
const outcome = spawnSync(
  process.execPath,
  [
    '--import',
    'tsx',
    '--test',
    '--test-reporter=spec',
    ...options,
    ...(selected.length > 0 ? selected : files),
  ],
  // A test that spawns bin/prompter.js runs the sources, never a possibly stale dist/.
  { stdio: 'inherit', env: { ...process.env, PROMPTER_FROM_SOURCE: '1' } },
);
process.exit(outcome.status ?? 1);
