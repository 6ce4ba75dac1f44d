import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { JsonNumber, parseLosslessJson, UnrepresentableJsonError } from '../json/lossless-json.ts';
import { serializeSortedJson } from './serialize-sorted-json.ts';

function sorted(text: string, roundFloats = false): string {
  return serializeSortedJson(parseLosslessJson(text), { roundFloats });
}

describe('serializeSortedJson', () => {
  it('sorts keys by code point at every level and keeps array order', () => {
    assert.equal(
      sorted('{"b":{"y":1,"x":[{"d":1,"c":2}]},"a":["b","a"]}'),
      '{"a":["b","a"],"b":{"x":[{"c":2,"d":1}],"y":1}}',
    );
  });

  it('puts "10" before "9" and astral keys after U+FFFF keys', () => {
    assert.equal(sorted('{"9":1,"10":2,"b":3}'), '{"10":2,"9":1,"b":3}');
    assert.equal(sorted('{"😀":1,"\uffff":2,"\ue000":3}'), '{"\ue000":3,"\uffff":2,"😀":1}');
  });

  it('prints integers as Python ints and floats as Python reprs', () => {
    assert.equal(
      sorted('[1,1.0,-0,-0.0,0.0,12345678901234567890,1e16,1E5,1e-7,0.10,2.5e+300,100e-2]'),
      '[1,1.0,0,-0.0,0.0,12345678901234567890,1e+16,100000.0,1e-07,0.1,2.5e+300,1.0]',
    );
  });

  it('rounds floats to 4 decimals only when asked, never integers', () => {
    const text = '{"a":0.123456789,"b":[0.03125,{"c":-0.00001}],"d":123456789012345678901}';
    assert.equal(
      sorted(text, true),
      '{"a":0.1235,"b":[0.0312,{"c":-0.0}],"d":123456789012345678901}',
    );
    assert.equal(
      sorted(text, false),
      '{"a":0.123456789,"b":[0.03125,{"c":-1e-05}],"d":123456789012345678901}',
    );
  });

  it('escapes strings as Python json.dumps(ensure_ascii=False) does', () => {
    const raw = Array.from({ length: 0x80 }, (_, code) => String.fromCharCode(code)).join('');
    const python =
      '"\\u0000\\u0001\\u0002\\u0003\\u0004\\u0005\\u0006\\u0007\\b\\t\\n\\u000b\\f\\r\\u000e\\u000f' +
      '\\u0010\\u0011\\u0012\\u0013\\u0014\\u0015\\u0016\\u0017\\u0018\\u0019\\u001a\\u001b\\u001c' +
      '\\u001d\\u001e\\u001f !\\"#$%&\'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\\\]^_`' +
      'abcdefghijklmnopqrstuvwxyz{|}~\u007f"';
    assert.equal(serializeSortedJson(raw, { roundFloats: false }), python);
    assert.equal(
      serializeSortedJson('é\u2028\u2029😀\ufeff', { roundFloats: false }),
      '"é\u2028\u2029😀\ufeff"',
    );
  });

  it('refuses what Python cannot encode, with the path', () => {
    const withLoneSurrogate = Object.assign(Object.create(null), { k: ['ok', 'x\ud800'] });
    assert.throws(
      () => serializeSortedJson(withLoneSurrogate, { roundFloats: false, path: ['tools_spec', 0] }),
      (error: unknown) =>
        error instanceof UnrepresentableJsonError &&
        error.reason === 'lone_surrogate' &&
        JSON.stringify(error.path) === '["tools_spec",0,"k",1]',
    );
    assert.throws(
      () => serializeSortedJson([new JsonNumber('1e400')], { roundFloats: true }),
      (error: unknown) =>
        error instanceof UnrepresentableJsonError &&
        error.reason === 'non_finite_number' &&
        JSON.stringify(error.path) === '[0]',
    );
  });
});
