import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { JsonNumber, parseLosslessJson, RawJson, stringifyLosslessJson } from './lossless-json.ts';

describe('stringifyLosslessJson', () => {
  it('writes back what was parsed: lexemes, key order, escapes', () => {
    const compact =
      '{"b":1.50,"a":[1E5,-0,12345678901234567890123,true,false,null],"é":"x\\n\\u0001\\"😀\u2028"}';
    assert.equal(stringifyLosslessJson(parseLosslessJson(compact)), compact);
  });

  it('keeps the insertion order of integer-like keys that JavaScript would move first', () => {
    const compact = '{"b":1,"10":2,"9":3,"a":{"z":1,"1":2}}';
    assert.equal(stringifyLosslessJson(parseLosslessJson(compact)), compact);
  });

  it('falls back to JavaScript key order once a parsed object is changed', () => {
    const object = parseLosslessJson('{"b":1,"10":2}');
    assert.ok(object !== null && typeof object === 'object' && !Array.isArray(object));
    delete (object as Record<string, unknown>).b;
    (object as Record<string, unknown>).c = true;
    assert.equal(stringifyLosslessJson(object), '{"10":2,"c":true}');
  });

  it('keeps the first position of a duplicated key with the last value', () => {
    assert.equal(stringifyLosslessJson(parseLosslessJson('{"1":1,"a":2,"1":3}')), '{"1":3,"a":2}');
  });

  it('removes whitespace', () => {
    assert.equal(stringifyLosslessJson(parseLosslessJson(' { "a" : [ 1 , 2 ] } ')), '{"a":[1,2]}');
  });

  it('writes __proto__ keys like any other', () => {
    const compact = '{"__proto__":{"x":1}}';
    assert.equal(stringifyLosslessJson(parseLosslessJson(compact)), compact);
  });

  it('writes lexemes nested in ordinary JS values, which JSON.stringify cannot', () => {
    const params = parseLosslessJson(
      '{"seed":12345678901234567890,"t":-0.0,"big":1' + '0'.repeat(399) + '}',
    );
    const body = { model: 'm', n: 1, params, list: [new JsonNumber('1.0'), 2] };
    assert.equal(
      stringifyLosslessJson(body),
      `{"model":"m","n":1,"params":{"seed":12345678901234567890,"t":-0.0,"big":1${'0'.repeat(399)}},"list":[1.0,2]}`,
    );
    assert.equal(JSON.stringify({ n: new JsonNumber('1.0') }), '{"n":1}');
  });

  it('writes what JSON.stringify writes for plain values', () => {
    const values: unknown[] = [
      { a: undefined, b: () => 1, c: [undefined, NaN, Infinity, -0], d: new Date(0), e: 'é"\n' },
      [1e21, 1.5, -2, true, null, { toJSON: (key: string) => `key:${key}` }],
      'text',
      0,
      {},
      [],
    ];
    for (const value of values) assert.equal(stringifyLosslessJson(value), JSON.stringify(value));
    assert.equal(stringifyLosslessJson(undefined), 'null');
    assert.equal(stringifyLosslessJson(10n ** 30n), `1${'0'.repeat(30)}`);
  });

  it('writes RawJson text verbatim, and JSON.stringify still sees its shape', () => {
    const stored = new RawJson('{"seed":12345678901234567890,"x":[1.0]}');
    assert.equal(
      stringifyLosslessJson({ request: stored }),
      '{"request":{"seed":12345678901234567890,"x":[1.0]}}',
    );
    assert.equal(
      JSON.stringify({ request: stored }),
      '{"request":{"seed":12345678901234567000,"x":[1]}}',
    );
  });

  it('indents like JSON.stringify, RawJson and lexemes included', () => {
    const plain = { a: [1, { b: 'x' }, []], c: {}, d: null };
    assert.equal(stringifyLosslessJson(plain, 2), JSON.stringify(plain, null, 2));
    assert.equal(
      stringifyLosslessJson({ r: new RawJson('{"n":1.0,"l":[-0]}') }, 2),
      '{\n  "r": {\n    "n": 1.0,\n    "l": [\n      -0\n    ]\n  }\n}',
    );
  });
});
