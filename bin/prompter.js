#!/usr/bin/env node
// The `prompter` command: the compiled JavaScript in dist/, built by `npm ci` (the `prepare`
// script) or `npm run build`. See docs/decisions/2026-12-01-compile-to-dist.md.
// PROMPTER_FROM_SOURCE=1 runs the TypeScript sources through tsx instead (a checkout with dev
// dependencies: the tests use it, so a stale dist/ can never make them pass or fail).
import { existsSync } from 'node:fs';
import module from 'node:module';

if (process.env.PROMPTER_FROM_SOURCE === '1') {
  const { register } = await import('tsx/esm/api');
  // TypeBox is ~300 ES modules; loaded before tsx's hooks are installed it takes a fraction of
  // the time (the hooks would see every one of them). Later imports reuse the loaded module.
  await import('typebox');
  register();
  await import('../src/cli/main.ts');
} else if (existsSync(new URL('../dist/cli/main.js', import.meta.url))) {
  // Node 22.1+ keeps compiled code of loaded modules on disk, so the next start skips most of
  // the compiling (Node 20 has no such cache; there it is a no-op).
  module.enableCompileCache?.();
  await import('../dist/cli/main.js');
} else {
  process.stderr.write(
    'prompter: dist/ has not been built: run `npm run build` (npm ci does it), ' +
      'or set PROMPTER_FROM_SOURCE=1 to run the TypeScript sources with tsx\n',
  );
  process.exitCode = 1;
}
