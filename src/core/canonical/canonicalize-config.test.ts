import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import {
  isJsonObject,
  parseLosslessJson,
  UnrepresentableJsonError,
  type JsonObject,
} from '../json/lossless-json.ts';
import { canonicalizeConfig } from './canonicalize-config.ts';
import { templateConfigFromJson } from './template-config-from-json.ts';

interface HashVector {
  input: string;
  config_hash: string;
  canonical: string;
}

const vectorsUrl = new URL('../../../test/fixtures/hash-vectors.jsonl', import.meta.url);
const vectors = readFileSync(vectorsUrl, 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as HashVector);

function body(text: string): JsonObject {
  const document = parseLosslessJson(text);
  assert.ok(isJsonObject(document));
  return document;
}

function canonicalOf(fields: string): string {
  return canonicalizeConfig(
    templateConfigFromJson(body(`{"user_prompt_template":"x","model_id":"m"${fields}}`)),
  ).canonical;
}

describe('canonicalizeConfig', () => {
  describe('matches every published hash vector', () => {
    assert.ok(vectors.length > 0);
    vectors.forEach((vector, index) => {
      it(`vector ${index + 1}: ${vector.input.slice(0, 90)}`, () => {
        const result = canonicalizeConfig(templateConfigFromJson(body(vector.input)));
        assert.equal(result.canonical, vector.canonical);
        assert.equal(result.configHash, vector.config_hash);
      });
    });
  });

  it('writes the twelve fields in the contract order with their null defaults', () => {
    assert.equal(
      canonicalOf(''),
      '{"system_instructions":"","user_prompt_template":"x","country_set":[],"model_id":"m",' +
        '"inference_params":{},"tools_spec":[],"response_format":{},"grounding_profile_id":null,' +
        '"grounding_snapshot_id":null,"retrieval_params":{},"preprocess_pipeline_id":null,' +
        '"postprocess_pipeline_id":null}',
    );
  });

  it('hashes the UTF-8 bytes of the canonical text as lowercase hex SHA-256', () => {
    const result = canonicalizeConfig(
      templateConfigFromJson(body('{"user_prompt_template":"Zürich 😀","model_id":"m"}')),
    );
    assert.match(result.configHash, /^[0-9a-f]{64}$/);
    assert.ok(result.canonical.includes('Zürich 😀'));
  });

  it('hashes {"temperature": 1} and {"temperature": 1.0} differently', () => {
    assert.notEqual(
      canonicalOf(',"inference_params":{"temperature":1}'),
      canonicalOf(',"inference_params":{"temperature":1.0}'),
    );
  });

  it('rounds floats in inference_params only, through nested objects and arrays', () => {
    const params = '{"a":0.123456,"n":[{"b":0.70005}],"i":7}';
    const canonical = canonicalOf(
      `,"inference_params":${params},"retrieval_params":${params},"response_format":${params},"tools_spec":[${params}]`,
    );
    assert.ok(canonical.includes('"inference_params":{"a":0.1235,"i":7,"n":[{"b":0.7}]}'));
    assert.ok(canonical.includes('"retrieval_params":{"a":0.123456,"i":7,"n":[{"b":0.70005}]}'));
    assert.ok(canonical.includes('"response_format":{"a":0.123456,"i":7,"n":[{"b":0.70005}]}'));
    assert.ok(canonical.includes('"tools_spec":[{"a":0.123456,"i":7,"n":[{"b":0.70005}]}]'));
  });

  it('keeps tools_spec order, sorts inside each tool, and writes a null tool as {}', () => {
    assert.ok(
      canonicalOf(',"tools_spec":[{"type":"f","name":"b"},null,{"name":"a"}]').includes(
        '"tools_spec":[{"name":"b","type":"f"},{},{"name":"a"}]',
      ),
    );
  });

  it('keeps model_id and the ids verbatim', () => {
    const canonical = canonicalOf(
      ',"model_id":" GPT-4o ","grounding_profile_id":" gp ","preprocess_pipeline_id":"pre","postprocess_pipeline_id":"post"',
    );
    assert.ok(canonical.includes('"model_id":" GPT-4o "'));
    assert.ok(canonical.includes('"grounding_profile_id":" gp "'));
    assert.ok(
      canonical.includes('"preprocess_pipeline_id":"pre","postprocess_pipeline_id":"post"}'),
    );
  });

  it('treats __proto__ as an ordinary parameter name', () => {
    assert.ok(
      canonicalOf(',"inference_params":{"z":1,"__proto__":{"b":1.5,"a":2}}').includes(
        '"inference_params":{"__proto__":{"a":2,"b":1.5},"z":1}',
      ),
    );
  });

  it('refuses a lone surrogate in a config built without the parser, naming the field', () => {
    const config = templateConfigFromJson(body('{"user_prompt_template":"x","model_id":"m"}'));
    assert.throws(
      () => canonicalizeConfig({ ...config, countrySet: ['us', 'd\udc00'] }),
      (error: unknown) =>
        error instanceof UnrepresentableJsonError &&
        error.reason === 'lone_surrogate' &&
        JSON.stringify(error.path) === '["country_set",1]',
    );
  });
});

describe('templateConfigFromJson', () => {
  it('maps snake_case fields and ignores the rest', () => {
    const config = templateConfigFromJson(
      body(
        '{"org_id":"o","name":"n","user_prompt_template":"u","model_id":"m","country_set":["US"],"tools_spec":[null]}',
      ),
    );
    assert.equal(config.userPromptTemplate, 'u');
    assert.deepEqual(config.countrySet, ['US']);
    assert.deepEqual(config.toolsSpec, [null]);
    assert.equal(config.systemInstructions, null);
    assert.equal(config.inferenceParams, null);
  });

  it('throws a TypeError for a body that was not validated', () => {
    assert.throws(() => templateConfigFromJson(body('{"model_id":"m"}')), TypeError);
    assert.throws(
      () =>
        templateConfigFromJson(
          body('{"user_prompt_template":"u","model_id":"m","country_set":[1]}'),
        ),
      TypeError,
    );
    assert.throws(
      () =>
        templateConfigFromJson(
          body('{"user_prompt_template":"u","model_id":"m","inference_params":[]}'),
        ),
      TypeError,
    );
  });
});
