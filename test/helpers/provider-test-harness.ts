// Starts a fresh fake provider server before each test and closes it after, and builds the
// subject's adapter against it (STYLE point 14: a real HTTP server, the provider played by it).
import { afterEach, beforeEach } from 'node:test';
import type { LiveProviderOptions } from '../../src/providers/create-live-model-provider.ts';
import type { ModelProvider } from '../../src/providers/provider-contract.ts';
import { startFakeProviderServer, type FakeProviderServer } from './fake-provider-server.ts';
import type { ProviderTestOverrides } from './provider-test-settings.ts';
import type { ProviderTestSubject } from './provider-test-subject.ts';

export interface ProviderTestHarness {
  /** This test's server. */
  readonly server: () => FakeProviderServer;
  /** The subject's adapter, talking to this test's server. */
  readonly adapter: (
    overrides?: ProviderTestOverrides,
    options?: LiveProviderOptions,
  ) => ModelProvider;
}

/** Call inside a `describe`: the hooks belong to it. */
export function providerTestHarness(subject: ProviderTestSubject): ProviderTestHarness {
  let current: FakeProviderServer | null = null;
  beforeEach(async () => {
    current = await startFakeProviderServer();
  });
  afterEach(async () => {
    await current?.close();
    current = null;
  });
  const server = (): FakeProviderServer => {
    if (current === null) throw new Error('the fake provider server runs only inside a test');
    return current;
  };
  return {
    server,
    adapter: (overrides, options) => subject.create(server().baseUrl, overrides, options),
  };
}
