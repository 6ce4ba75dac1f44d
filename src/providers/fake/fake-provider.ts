import type { ProviderSettings } from '../../config/app-config.ts';
import {
  emptyVersionParts,
  type ModelCallRequest,
  type ModelCallResult,
  type ModelProvider,
  type ProviderOrUnknown,
  type VersionProbe,
  type VersionProbeRequest,
} from '../provider-contract.ts';
import { ProviderError } from '../provider-error.ts';
import { chooseFakeFault } from './choose-fake-fault.ts';
import { fakeChatRequest } from './fake-chat-request.ts';
import { fakeFaultError } from './fake-fault-error.ts';
import { createFakeResponse } from './fake-response.ts';
import { fakeResponseVersionKey } from './fake-response-version-key.ts';
import { fakeVersionKey } from './fake-version-key.ts';
import { fakeVersionParts } from './fake-version-parts.ts';
import { parseFakeFaults, type FakeFaults } from './parse-fake-faults.ts';
import { createSeededRandom } from './seeded-random.ts';
import { sleepOnTimer, sleepUnlessAborted, type Sleep } from './sleep-unless-aborted.ts';

export interface FakeProviderDeps {
  /** Waits out the simulated latency; aborts are honoured even when it ignores the signal. */
  readonly sleep?: Sleep;
  /** Draws for the fault switch; by default seeded when the switch has `seed=N`. */
  readonly random?: () => number;
}

/** A probe request may carry the caller's signal, as a call does. */
type AbortableProbeRequest = VersionProbeRequest & { readonly signal?: AbortSignal };

/**
 * The deterministic, network-free provider of docs/api-contract.md §4 (`PROMPTER_PROVIDER_MODE=fake`).
 * Throws on a bad `PROMPTER_FAKE_FAULTS`, so build it at start-up.
 */
export function createFakeProvider(
  provider: ProviderOrUnknown,
  settings: ProviderSettings['fake'],
  deps: FakeProviderDeps = {},
): ModelProvider {
  const faults = parseFaultSwitch(settings.faults);
  const sleep = deps.sleep ?? sleepOnTimer;
  const random =
    deps.random ?? (faults.seed === null ? Math.random : createSeededRandom(faults.seed));

  async function simulate(
    operation: 'call' | 'probe',
    model: string,
    prompt: string | null,
    latencyMs: number,
    signal: AbortSignal | undefined,
  ): Promise<void> {
    if (signal?.aborted === true) throw abortedError(provider, operation, signal);
    const fault = chooseFakeFault({ operation, model, prompt, faults, random });
    if (fault !== null) throw fakeFaultError(provider, operation, fault);
    if (!(await sleepUnlessAborted(sleep, latencyMs, signal)) && signal !== undefined) {
      throw abortedError(provider, operation, signal);
    }
  }

  return {
    name: provider,

    async call(request: ModelCallRequest): Promise<ModelCallResult> {
      await simulate('call', request.model, request.prompt, settings.latencyMs, request.signal);
      const key = fakeVersionKey(provider, request.model, settings.epoch);
      const response = createFakeResponse(provider, request.model, request.prompt, key);
      const versionKey = fakeResponseVersionKey(provider, response);
      const { prompt_tokens: promptTokens, completion_tokens: completionTokens } = response.usage;
      return {
        content: response.content,
        versionKey,
        versionParts:
          versionKey === null
            ? emptyVersionParts
            : fakeVersionParts(provider, request.model, versionKey),
        usage: { promptTokens, completionTokens, totalTokens: promptTokens + completionTokens },
        requestSent: fakeChatRequest(request),
        response,
        simulated: true,
      };
    },

    async probeVersion(request: AbortableProbeRequest): Promise<VersionProbe> {
      await simulate('probe', request.model, null, settings.probeSleepMs, request.signal);
      const versionKey = fakeVersionKey(provider, request.model, settings.epoch);
      return { versionKey, versionParts: fakeVersionParts(provider, request.model, versionKey) };
    },
  };
}

function parseFaultSwitch(raw: string | null): FakeFaults {
  try {
    return parseFakeFaults(raw);
  } catch (error) {
    throw new Error(`PROMPTER_FAKE_FAULTS: ${(error as Error).message}`, { cause: error });
  }
}

/** A deadline (`AbortSignal.timeout`) reads as a retryable timeout; a caller's abort does not. */
function abortedError(
  provider: ProviderOrUnknown,
  operation: 'call' | 'probe',
  signal: AbortSignal,
): ProviderError {
  const reason: unknown = signal.reason;
  const timedOut = reason instanceof Error && reason.name === 'TimeoutError';
  return new ProviderError({
    provider,
    kind: 'timeout',
    message: `The fake ${provider} ${operation} was ${timedOut ? 'timed out' : 'aborted'}`,
    retryable: timedOut,
    cause: reason,
  });
}
