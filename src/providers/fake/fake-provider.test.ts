// All fake: no network, no timers (latency goes through an injected sleep).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ProviderSettings } from '../../config/app-config.ts';
import { emptyVersionParts, type ModelCallRequest } from '../provider-contract.ts';
import { createFakeProvider } from './fake-provider.ts';

const settings: ProviderSettings['fake'] = {
  latencyMs: 0,
  probeSleepMs: 0,
  epoch: 0,
  faults: null,
};

function callRequest(overrides: Partial<ModelCallRequest> = {}): ModelCallRequest {
  return {
    model: 'gpt-4o',
    systemInstructions: 'Be brief.',
    prompt: 'What is the best running shoe?',
    inferenceParams: { temperature: 0.2, max_tokens: 100 },
    useGrounding: false,
    toolsSpec: [],
    responseFormat: null,
    ...overrides,
  };
}

/** A sleep that returns at once, recording each wait it was asked for. */
function recordingSleep(): { sleep: (ms: number) => Promise<void>; waits: number[] } {
  const waits: number[] = [];
  return {
    waits,
    sleep: (ms) => {
      waits.push(ms);
      return Promise.resolve();
    },
  };
}

describe('createFakeProvider: call', () => {
  it('answers OpenAI with the stub fingerprint in the response and as the version key', async () => {
    const result = await createFakeProvider('openai', settings).call(callRequest());
    assert.equal(result.content, '[FAKE openai::gpt-4o] What is the best running shoe?');
    assert.deepEqual(result.response, {
      content: '[FAKE openai::gpt-4o] What is the best running shoe?',
      response_metadata: { system_fingerprint: 'fp_stub_1cffe337' },
      usage: { prompt_tokens: 7, completion_tokens: 32 },
    });
    assert.equal(result.versionKey, 'fp_stub_1cffe337');
    assert.deepEqual(result.versionParts, {
      ...emptyVersionParts,
      servedModelId: 'gpt-4o',
      systemFingerprint: 'fp_stub_1cffe337',
    });
    assert.deepEqual(result.usage, { promptTokens: 7, completionTokens: 32, totalTokens: 39 });
    assert.equal(result.simulated, true);
  });

  it('puts the Gemini key in modelVersion and the Anthropic key in model', async () => {
    const gemini = await createFakeProvider('google', settings).call(
      callRequest({ model: 'gemini-1.5-pro' }),
    );
    assert.deepEqual((gemini.response as { response_metadata: unknown }).response_metadata, {
      modelVersion: 'gemini-1.5-pro-stub-001',
    });
    assert.equal(gemini.versionKey, 'gemini-1.5-pro-stub-001');
    assert.deepEqual(gemini.versionParts, {
      ...emptyVersionParts,
      servedModelId: 'gemini-1.5-pro',
      modelVersion: 'gemini-1.5-pro-stub-001',
    });

    const claude = await createFakeProvider('anthropic', settings).call(
      callRequest({ model: 'claude-3-5-sonnet' }),
    );
    assert.equal(
      claude.content,
      '[FAKE anthropic::claude-3-5-sonnet] What is the best running shoe?',
    );
    assert.deepEqual((claude.response as { response_metadata: unknown }).response_metadata, {
      model: 'claude-3-5-sonnet',
    });
    assert.equal(claude.versionKey, 'claude-3-5-sonnet');
    assert.deepEqual(claude.versionParts, {
      ...emptyVersionParts,
      servedModelId: 'claude-3-5-sonnet',
    });
  });

  it('carries no key for Azure OpenAI and unknown, so the run falls back to the probe key', async () => {
    for (const [provider, model] of [
      ['azure-openai', 'azure-gpt-4o'],
      ['unknown', 'llama-3'],
    ] as const) {
      const result = await createFakeProvider(provider, settings).call(callRequest({ model }));
      assert.equal(result.content, `[FAKE ${provider}::${model}] What is the best running shoe?`);
      assert.deepEqual((result.response as { response_metadata: unknown }).response_metadata, {});
      assert.equal(result.versionKey, null);
      assert.deepEqual(result.versionParts, emptyVersionParts);
    }
  });

  it('keeps the first 240 code points of the prompt and counts tokens in code points', async () => {
    const prompt = '😀'.repeat(250) + 'tail';
    const result = await createFakeProvider('openai', settings).call(callRequest({ prompt }));
    assert.equal(result.content, `[FAKE openai::gpt-4o] ${'😀'.repeat(240)}`);
    assert.equal(result.usage?.promptTokens, Math.floor(254 / 4));
    assert.equal(result.usage?.totalTokens, 63 + 32);
  });

  it('counts an empty prompt as zero tokens', async () => {
    const result = await createFakeProvider('openai', settings).call(callRequest({ prompt: '' }));
    assert.equal(result.content, '[FAKE openai::gpt-4o] ');
    assert.deepEqual(result.usage, { promptTokens: 0, completionTokens: 32, totalTokens: 32 });
  });

  it('records the chat-completions request it would have sent', async () => {
    const withSystem = await createFakeProvider('openai', settings).call(callRequest());
    assert.deepEqual(withSystem.requestSent, {
      model: 'gpt-4o',
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'What is the best running shoe?' },
      ],
      temperature: 0.2,
      max_tokens: 100,
    });

    const bare = await createFakeProvider('openai', settings).call(
      callRequest({
        systemInstructions: null,
        inferenceParams: { model: 'other', messages: [], seed: 7 },
      }),
    );
    assert.deepEqual(bare.requestSent, {
      model: 'gpt-4o',
      messages: [{ role: 'user', content: 'What is the best running shoe?' }],
      seed: 7,
    });
  });

  it("adds the template's tools and response format when it has them", async () => {
    const toolsSpec = [{ type: 'function', function: { name: 'lookup_brand' } }];
    const responseFormat = { type: 'json_object' };
    const result = await createFakeProvider('anthropic', settings).call(
      callRequest({
        systemInstructions: null,
        inferenceParams: { response_format: { type: 'text' } },
        toolsSpec,
        responseFormat,
      }),
    );
    assert.deepEqual(result.requestSent, {
      model: 'gpt-4o',
      messages: [{ role: 'user', content: 'What is the best running shoe?' }],
      response_format: responseFormat,
      tools: toolsSpec,
    });
  });

  it('appends the epoch to the response key as well as the probe key', async () => {
    const epoch = { ...settings, epoch: 3 };
    const openai = createFakeProvider('openai', epoch);
    const call = await openai.call(callRequest());
    const probe = await openai.probeVersion({
      model: 'gpt-4o',
      systemInstructions: null,
      inferenceParams: {},
    });
    assert.equal(call.versionKey, 'fp_stub_1cffe337-e3');
    assert.deepEqual((call.response as { response_metadata: unknown }).response_metadata, {
      system_fingerprint: 'fp_stub_1cffe337-e3',
    });
    assert.equal(probe.versionKey, 'fp_stub_1cffe337-e3');

    const claude = await createFakeProvider('anthropic', epoch).call(
      callRequest({ model: 'claude-3' }),
    );
    assert.equal(claude.versionKey, 'claude-3-e3');
    assert.equal(claude.versionParts.servedModelId, 'claude-3-e3');
  });

  it('waits PROMPTER_FAKE_LATENCY_MS before answering, and not at all for 0', async () => {
    const { sleep, waits } = recordingSleep();
    await createFakeProvider('openai', { ...settings, latencyMs: 250 }, { sleep }).call(
      callRequest(),
    );
    await createFakeProvider('openai', settings, { sleep }).call(callRequest());
    assert.deepEqual(waits, [250]);
  });
});

describe('createFakeProvider: probeVersion', () => {
  const probeRequest = { systemInstructions: 'Be brief.', inferenceParams: {} };

  it('returns the stub key and its parts for every provider', async () => {
    const cases = [
      [
        'openai',
        'gpt-4o',
        'fp_stub_1cffe337',
        { servedModelId: 'gpt-4o', systemFingerprint: 'fp_stub_1cffe337' },
      ],
      [
        'google',
        'gemini-pro',
        'gemini-pro-stub-001',
        { servedModelId: 'gemini-pro', modelVersion: 'gemini-pro-stub-001' },
      ],
      ['anthropic', 'claude-3', 'claude-3', { servedModelId: 'claude-3' }],
      ['unknown', 'llama-3', 'unknown', {}],
    ] as const;
    for (const [provider, model, versionKey, parts] of cases) {
      const probe = await createFakeProvider(provider, settings).probeVersion({
        ...probeRequest,
        model,
      });
      assert.deepEqual(probe, { versionKey, versionParts: { ...emptyVersionParts, ...parts } });
    }
  });

  it('gives Azure OpenAI a stub fingerprint although its responses carry none', async () => {
    const probe = await createFakeProvider('azure-openai', settings).probeVersion({
      ...probeRequest,
      model: 'azure-gpt-4o',
    });
    assert.match(probe.versionKey, /^fp_stub_azure_[0-9a-f]{8}$/);
    assert.equal(probe.versionParts.systemFingerprint, probe.versionKey);
    assert.equal(probe.versionParts.servedModelId, 'azure-gpt-4o');
  });

  it('waits PROBE_SLEEP_MS, not the call latency', async () => {
    const { sleep, waits } = recordingSleep();
    const provider = createFakeProvider(
      'openai',
      { ...settings, latencyMs: 5, probeSleepMs: 40 },
      { sleep },
    );
    await provider.probeVersion({ ...probeRequest, model: 'gpt-4o' });
    assert.deepEqual(waits, [40]);
  });
});
