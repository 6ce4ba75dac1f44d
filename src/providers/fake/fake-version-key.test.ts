import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { fakeVersionKey } from './fake-version-key.ts';

describe('fakeVersionKey', () => {
  it('gives the Python original stub key for OpenAI gpt-4o', () => {
    assert.equal(fakeVersionKey('openai', 'gpt-4o', 0), 'fp_stub_1cffe337');
  });

  it('hashes "openai:" + model and "azure:" + model, first 8 hex digits', () => {
    const prefix = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 8);
    assert.equal(
      fakeVersionKey('openai', 'gpt-4o-mini', 0),
      `fp_stub_${prefix('openai:gpt-4o-mini')}`,
    );
    assert.equal(
      fakeVersionKey('azure-openai', 'azure-gpt-4o', 0),
      `fp_stub_azure_${prefix('azure:azure-gpt-4o')}`,
    );
    assert.match(fakeVersionKey('azure-openai', 'azure-gpt-4o', 0), /^fp_stub_azure_[0-9a-f]{8}$/);
  });

  it('uses the model id for Gemini (+ "-stub-001") and Anthropic, and "unknown" otherwise', () => {
    assert.equal(fakeVersionKey('google', 'gemini-1.5-pro', 0), 'gemini-1.5-pro-stub-001');
    assert.equal(fakeVersionKey('anthropic', 'claude-3-5-sonnet', 0), 'claude-3-5-sonnet');
    assert.equal(fakeVersionKey('unknown', 'llama-3', 0), 'unknown');
  });

  it('hashes non-ASCII model ids as UTF-8', () => {
    const expected = createHash('sha256').update(Buffer.from('openai:gpt-ü', 'utf8')).digest('hex');
    assert.equal(fakeVersionKey('openai', 'gpt-ü', 0), `fp_stub_${expected.slice(0, 8)}`);
  });

  it('appends -eN for epoch N ≥ 1 to every provider key, and nothing for 0', () => {
    assert.equal(fakeVersionKey('openai', 'gpt-4o', 1), 'fp_stub_1cffe337-e1');
    assert.equal(fakeVersionKey('google', 'gemini-pro', 2), 'gemini-pro-stub-001-e2');
    assert.equal(fakeVersionKey('anthropic', 'claude-3', 12), 'claude-3-e12');
    assert.match(fakeVersionKey('azure-openai', 'azure-x', 3), /^fp_stub_azure_[0-9a-f]{8}-e3$/);
    assert.equal(fakeVersionKey('unknown', 'x', 4), 'unknown-e4');
  });
});
