#!/usr/bin/env node
// The `prompter` command. Prompter runs its TypeScript sources through tsx (no build step):
// see docs/decisions/2026-11-23-run-typescript-with-tsx.md.
import { register } from 'tsx/esm/api';

// TypeBox is ~300 ES modules; loaded before tsx's hooks are installed it takes a fraction of the
// time (the hooks would see every one of them). Later imports reuse the loaded module.
await import('typebox');
register();
await import('../src/cli/main.ts');
