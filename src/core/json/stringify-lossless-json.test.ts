import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseLosslessJson, stringifyLosslessJson } from './lossless-json.ts';

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
});
