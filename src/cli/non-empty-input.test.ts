import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { describe, it } from 'node:test';
import { nonEmptyInput } from './non-empty-input.ts';

async function readAll(input: Readable): Promise<string> {
  let text = '';
  for await (const chunk of input) text += String(chunk);
  return text;
}

describe('nonEmptyInput', () => {
  it('is null for an input that ends without a byte', async () => {
    assert.equal(await nonEmptyInput(Readable.from([])), null);
  });

  it('passes every chunk through, the first included, in order', async () => {
    const input = await nonEmptyInput(Readable.from(['{"a":', '1}\n', '{"b":2}\n']));
    assert.ok(input !== null);
    assert.equal(await readAll(input), '{"a":1}\n{"b":2}\n');
  });
});
