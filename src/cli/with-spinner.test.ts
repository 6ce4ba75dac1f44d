// withSpinner with a fake terminal on stderr (a stream object claiming isTTY, recording writes);
// stdout is a recorder too. The real yocto-spinner draws.
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, it } from 'node:test';
import type { CliIo } from './cli-io.ts';
import { SPINNER_DELAY_MS, withSpinner } from './with-spinner.ts';

function recordingIo(isTTY: boolean) {
  const written = { stdout: '', stderr: '' };
  const io: CliIo = {
    stdout: { write: (text: string) => (written.stdout += text) },
    stderr: Object.assign(
      {
        write: (text: string) => {
          written.stderr += text;
          return true;
        },
        isTTY,
        columns: 80,
      },
      { cursorTo: () => true, moveCursor: () => true, clearLine: () => true },
    ),
    environment: {},
  };
  return { io, written };
}

const slowWork = async () => {
  await sleep(SPINNER_DELAY_MS + 250);
  return 'answer';
};

describe('withSpinner', () => {
  it('shows a spinner on a terminal while the work takes more than a moment, on stderr only', async () => {
    const { io, written } = recordingIo(true);
    assert.equal(
      await withSpinner(io, { text: 'waiting for the model…', json: false }, slowWork),
      'answer',
    );
    assert.match(written.stderr, /waiting for the model…/);
    assert.equal(written.stdout, '');
  });

  it('shows nothing for quick work', async () => {
    const { io, written } = recordingIo(true);
    await withSpinner(io, { text: 'waiting', json: false }, () => Promise.resolve(1));
    await sleep(SPINNER_DELAY_MS + 50);
    assert.equal(written.stderr, '');
  });

  it('never shows with --json, nor when stderr is not a terminal', async () => {
    for (const [isTTY, json] of [
      [true, true],
      [false, false],
    ] as const) {
      const { io, written } = recordingIo(isTTY);
      await withSpinner(io, { text: 'waiting', json }, slowWork);
      assert.equal(written.stderr + written.stdout, '', `isTTY=${isTTY} json=${json}`);
    }
  });

  it('stops the spinner when the work fails, and passes the error on', async () => {
    const { io } = recordingIo(true);
    await assert.rejects(
      withSpinner(io, { text: 'waiting', json: false }, async () => {
        await sleep(SPINNER_DELAY_MS + 50);
        throw new Error('provider down');
      }),
      /provider down/,
    );
  });
});
