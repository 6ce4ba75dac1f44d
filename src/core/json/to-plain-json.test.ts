import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseLosslessJson, toPlainJson } from './lossless-json.ts';

describe('toPlainJson', () => {
  it('gives what JSON.parse gives', () => {
    const text = '{"a":[1,1.5,-0,1e5,"s",true,null,{}],"b":{"c":12345678901234567890}}';
    assert.deepEqual(toPlainJson(parseLosslessJson(text)), JSON.parse(text));
  });

  it('defines __proto__ as an own property and never touches the prototype', () => {
    const plain = toPlainJson(parseLosslessJson('{"__proto__":{"polluted":true},"a":1}'));
    assert.ok(typeof plain === 'object' && plain !== null);
    assert.equal(Object.getPrototypeOf(plain), Object.prototype);
    assert.ok(Object.hasOwn(plain, '__proto__'));
    assert.deepEqual(Object.keys(plain), ['__proto__', 'a']);
    assert.equal((plain as Record<string, unknown>).polluted, undefined);
    assert.equal(JSON.stringify(plain), '{"__proto__":{"polluted":true},"a":1}');
  });
});
