import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { get, type IncomingMessage } from 'node:http';
import { pipeline } from 'node:stream/promises';

export interface TimedRun {
  readonly seconds: number;
  readonly bytes: number;
}

/** Runs a command with stdout written to `outputPath` (or ignored) and times it. */
export async function timeCommand(
  command: string,
  args: readonly string[],
  outputPath: string | null,
): Promise<number> {
  const started = process.hrtime.bigint();
  const child = spawn(command, [...args], {
    stdio: ['ignore', outputPath === null ? 'ignore' : 'pipe', 'pipe'],
  });
  let errorOutput = '';
  child.stderr?.on('data', (chunk: Buffer) => (errorOutput += chunk.toString('utf8')));
  const writing =
    outputPath === null || child.stdout === null
      ? Promise.resolve()
      : pipeline(child.stdout, createWriteStream(outputPath));
  const [code] = (await once(child, 'exit')) as [number | null];
  await writing;
  if (code !== 0) throw new Error(`${command} exited ${code}: ${errorOutput.slice(0, 2000)}`);
  return Number(process.hrtime.bigint() - started) / 1e9;
}

/** GETs `url` and writes the body to `outputPath`, as a client saving an export would. */
export async function timeDownload(url: string, outputPath: string): Promise<TimedRun> {
  const started = process.hrtime.bigint();
  const response = await new Promise<IncomingMessage>((resolve, reject) => {
    get(url, resolve).on('error', reject);
  });
  if (response.statusCode !== 200) {
    throw new Error(`GET ${url} answered ${response.statusCode}`);
  }
  await pipeline(response, createWriteStream(outputPath));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { seconds, bytes: (await stat(outputPath)).size };
}

/** Samples a process's resident memory every 20 ms until stopped; returns the peak in bytes. */
export function sampleRss(pid: number): { stop(): Promise<number> } {
  let peak = 0;
  let running = true;
  const sampling = (async () => {
    while (running) {
      peak = Math.max(peak, await rssBytes(pid));
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  })();
  return {
    async stop() {
      running = false;
      await sampling;
      return Math.max(peak, await rssBytes(pid));
    },
  };
}

export async function rssBytes(pid: number): Promise<number> {
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    const match = /^VmRSS:\s+(\d+) kB/m.exec(status);
    return match === null ? 0 : Number(match[1]) * 1024;
  } catch {
    return 0;
  }
}
