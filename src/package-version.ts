import { readFileSync } from 'node:fs';

/** Prompter's version, from package.json (shown in OpenAPI and `prompter --version`). */
export const packageVersion: string = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
    version: string;
  }
).version;
