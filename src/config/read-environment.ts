import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseEnv } from 'node:util';

type Environment = Readonly<Record<string, string | undefined>>;

/** What the process runs with: its environment, over the variables of `.env` (when present). */
export interface ReadEnvironment {
  readonly environment: Environment;
  /** The `.env` file that was read (absolute path), or null when there is none. */
  readonly envFile: string | null;
}

/**
 * The environment Prompter configures itself from: `.env` in the working directory (Node's own
 * parser, `util.parseEnv`, the syntax of `node --env-file`), with every variable already set in
 * the process environment winning over the file. A missing `.env` is normal; an unreadable one
 * is an error naming the file.
 */
export function readEnvironment(
  processEnvironment: Environment = process.env,
  directory: string = process.cwd(),
): ReadEnvironment {
  const envFile = resolve(directory, '.env');
  let text: string;
  try {
    text = readFileSync(envFile, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      return { environment: processEnvironment, envFile: null };
    }
    throw new Error(`cannot read ${envFile}: ${(error as Error).message}`, { cause: error });
  }
  const fromFile = parseEnv(text);
  const environment: Record<string, string | undefined> = { ...fromFile };
  for (const [name, value] of Object.entries(processEnvironment)) {
    if (value !== undefined) environment[name] = value;
  }
  return { environment, envFile };
}
