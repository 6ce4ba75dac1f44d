import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

export interface ServerLaunch {
  /** Shown in errors and progress lines. */
  readonly name: string;
  /** Arguments after `node`; the working directory is the repository root. */
  readonly args: readonly string[];
  /** Added to this process's environment. */
  readonly env: Readonly<Record<string, string>>;
  readonly port: number;
  /** A GET path that answers 2xx once the server can take load. */
  readonly readinessPath: string;
  readonly startupTimeoutMs: number;
}

export interface RunningServer {
  readonly baseUrl: string;
  /** The child's process id (for reading its memory from /proc). */
  readonly pid: number;
  /** The last few thousand characters the server wrote to stdout and stderr. */
  recentOutput(): string;
  /** SIGTERM, then SIGKILL after five seconds; safe to call twice. */
  stop(): Promise<void>;
}

const REPOSITORY_ROOT = new URL('..', import.meta.url);
const OUTPUT_TAIL_CHARACTERS = 4000;

/** A port that was free a moment ago on 127.0.0.1. */
export async function findFreePort(): Promise<number> {
  const probe = createServer();
  probe.listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const address = probe.address();
  probe.close();
  if (address === null || typeof address === 'string') throw new Error('no TCP port assigned');
  return address.port;
}

/**
 * Spawns `node <args>` and resolves once `readinessPath` answers 2xx. Rejects with the child's
 * last output when it exits first or stays unready past the timeout (the child is then killed).
 * Children are killed if this process exits without stopping them.
 */
export async function startServer(launch: ServerLaunch): Promise<RunningServer> {
  const child = spawn(process.execPath, [...launch.args], {
    cwd: REPOSITORY_ROOT,
    env: { ...process.env, ...launch.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let outputTail = '';
  const keepTail = (chunk: Buffer) => {
    outputTail = (outputTail + chunk.toString('utf8')).slice(-OUTPUT_TAIL_CHARACTERS);
  };
  child.stdout.on('data', keepTail);
  child.stderr.on('data', keepTail);
  const exited = once(child, 'exit');
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);

  const stop = async () => {
    process.removeListener('exit', killOnExit);
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const stopped = await Promise.race([exited.then(() => true), sleep(5000, false)]);
    if (!stopped) {
      child.kill('SIGKILL');
      await exited;
    }
  };

  const baseUrl = `http://127.0.0.1:${launch.port}`;
  const deadline = Date.now() + launch.startupTimeoutMs;
  let lastProblem = 'no answer yet';
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      await stop();
      throw new Error(
        `${launch.name} exited (${child.exitCode ?? child.signalCode}) before it was ready.\n` +
          `Its last output:\n${outputTail || '(none)'}`,
      );
    }
    try {
      const response = await fetch(baseUrl + launch.readinessPath, {
        signal: AbortSignal.timeout(1000),
      });
      if (response.ok) {
        return { baseUrl, pid: child.pid ?? 0, recentOutput: () => outputTail, stop };
      }
      lastProblem = `GET ${launch.readinessPath} answered ${response.status}`;
    } catch (error) {
      lastProblem = (error as Error).message;
    }
    await sleep(100);
  }
  await stop();
  throw new Error(
    `${launch.name} was not ready within ${launch.startupTimeoutMs / 1000} s ` +
      `(last problem: ${lastProblem}).\nIts last output:\n${outputTail || '(none)'}`,
  );
}
