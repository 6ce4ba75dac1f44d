#!/usr/bin/env node
// The `prompter` command. Prompter runs its TypeScript sources through tsx (no build step):
// see docs/decisions/2026-11-23-run-typescript-with-tsx.md.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
