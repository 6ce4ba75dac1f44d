import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { jsonNumberPlaceholders, parseLosslessJson } from './lossless-json.ts';

describe('jsonNumberPlaceholders', () => {
  const lexemes = ['12345678901234567890', '-0.0', '1.0', '1E5', `9${'0'.repeat(399)}`, '-1.5e-7'];

  it('carries exact lexemes through JSON.stringify', () => {
    const value = parseLosslessJson(`{"n":[${lexemes.join(',')}],"s":"1.0","o":{"k":1.0}}`);
    const body = { model: 'm', max_tokens: 5, params: value };
    const serialised = JSON.stringify(jsonNumberPlaceholders.insert(body));
    assert.equal(
      jsonNumberPlaceholders.restore(serialised),
      `{"model":"m","max_tokens":5,"params":{"n":[${lexemes.join(',')}],"s":"1.0","o":{"k":1.0}}}`,
    );
  });

  it('copies plain objects and arrays only, and never changes the input', () => {
    const signal = new AbortController().signal;
    const params = parseLosslessJson('{"t":0.70}');
    const input = { config: { abortSignal: signal, params }, list: [params] };
    const copy = jsonNumberPlaceholders.insert(input) as typeof input;
    assert.equal(copy.config.abortSignal, signal);
    assert.notEqual(copy.config.params, params);
    assert.equal(JSON.stringify(params), '{"t":0.7}');
  });

  it('keeps __proto__ keys as data', () => {
    const value = parseLosslessJson('{"__proto__":{"n":1.0}}');
    const text = JSON.stringify(jsonNumberPlaceholders.insert(value));
    assert.equal(jsonNumberPlaceholders.restore(text), '{"__proto__":{"n":1.0}}');
  });

  it('leaves text without placeholders alone, including look-alikes', () => {
    const text = JSON.stringify({ a: '\u0000json-number:0:1', b: 'json-number:1' });
    assert.equal(jsonNumberPlaceholders.restore(text), text);
  });
});
