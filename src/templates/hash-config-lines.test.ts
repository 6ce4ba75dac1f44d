import assert from 'node:assert/strict';
import { Readable, Writable } from 'node:stream';
import { describe, it } from 'node:test';
import { hashConfigLine, hashConfigLines } from './hash-config-lines.ts';

async function hashAll(
  text: string,
): Promise<{ lines: Record<string, string>[]; rejected: number }> {
  let output = '';
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      output += chunk.toString('utf8');
      done();
    },
  });
  const rejected = await hashConfigLines(Readable.from([Buffer.from(text, 'utf8')]), sink);
  return {
    lines: output
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line)),
    rejected,
  };
}

describe('prompter hash', () => {
  it('answers one line per input line, errors included, in order', async () => {
    const valid = '{"user_prompt_template":"x","model_id":"gpt-4o","inference_params":{"t":1.0}}';
    const { lines, rejected } = await hashAll(`${valid}\n{broken\n\n{"model_id":"gpt-4o"}\n`);
    assert.equal(lines.length, 4);
    assert.match(lines[0]?.['config_hash'] ?? '', /^[0-9a-f]{64}$/);
    assert.match(lines[0]?.['canonical'] ?? '', /"inference_params":\{"t":1\.0\}/);
    assert.match(lines[1]?.['error'] ?? '', /invalid JSON/);
    assert.match(lines[2]?.['error'] ?? '', /empty line/);
    assert.match(lines[3]?.['error'] ?? '', /user_prompt_template: Field required/);
    assert.equal(rejected, 3);
  });

  it('splits on LF only: a CR between tokens is JSON whitespace, not a line end', async () => {
    const body = '{"user_prompt_template":"x",\r"model_id":"gpt-4o"}';
    const { lines } = await hashAll(`${body}\r\n`);
    assert.equal(lines.length, 1);
    assert.deepEqual(lines[0], hashConfigLine(body.replace('\r', '')));
  });

  it('rejects what the reference cannot hash, naming the field', () => {
    const outcome = hashConfigLine('{"user_prompt_template":"\\ud800","model_id":"m"}');
    assert.ok('error' in outcome);
    assert.match(outcome.error, /user_prompt_template/);
  });

  it('hashes exactly like the API for the seed example', () => {
    const outcome = hashConfigLine(
      '{"system_instructions": "Be concise.", "user_prompt_template": "List top 10 longevity supplement brands.", "country_set": ["US", "GB"], "model_id": "gpt-4o", "inference_params": {"temperature": 0, "max_tokens": 128}, "tools_spec": [], "response_format": {"type": "text"}, "workspace_id": "ws", "name": "n"}',
    );
    assert.ok('config_hash' in outcome);
    assert.equal(
      outcome.config_hash,
      '66bca1c17db67c22d919bde553abab413844c5acbae76d68a53cfd018613c524',
    );
  });
});

describe('prompter hash, empty and whitespace-only text', () => {
  it('hashes an empty user_prompt_template like "   " (both canonicalise to ""), as the reference does', () => {
    const empty = hashConfigLine('{"user_prompt_template":"","model_id":"m"}');
    const spaces = hashConfigLine('{"user_prompt_template":"   ","model_id":"m"}');
    assert.ok('config_hash' in empty, JSON.stringify(empty));
    assert.deepEqual(empty, spaces);
    assert.match(empty.canonical, /"user_prompt_template":""/);
  });

  it('hashes an empty model_id as the reference does', () => {
    const outcome = hashConfigLine('{"user_prompt_template":"x","model_id":""}');
    assert.ok('config_hash' in outcome, JSON.stringify(outcome));
    assert.match(outcome.canonical, /"model_id":""/);
  });
});
