// What the shared provider test cases need to know about one live adapter: how to build it
// against the local fake server, the call most tests make, and recorded answers to play back.
import type { LiveProviderOptions } from '../../src/providers/create-live-model-provider.ts';
import type {
  ModelCallRequest,
  ModelProvider,
  ProviderName,
} from '../../src/providers/provider-contract.ts';
import type { CannedResponse } from './fake-provider-server.ts';
import type { ProviderTestOverrides } from './provider-test-settings.ts';

export interface ProviderTestSubject {
  readonly provider: ProviderName;
  /** The key in the test settings: it must reach the provider in `keyHeader`, and nowhere else. */
  readonly apiKey: string;
  /** The request header the provider takes the key in (lower case). */
  readonly keyHeader: string;
  /** Where `callRequest` lands on the fake server. */
  readonly callPath: string;
  readonly callRequest: ModelCallRequest;
  /** A recorded 200 answer to `callRequest`. */
  readonly answer: unknown;
  /** The same answer without whatever names the version. */
  readonly unversionedAnswer: unknown;
  /** Recorded error bodies for a 400, a 429 and a 500. */
  readonly badRequestBody: unknown;
  readonly rateLimitedBody: unknown;
  readonly serverErrorBody: unknown;
  /** The provider's answer to a rejected key, echoing it as a careless proxy might. */
  readonly keyRejected: (echoedKey: string) => CannedResponse;
  /** How the `not_configured` message starts: it names the variable to set. */
  readonly notConfiguredMessage: RegExp;
  /** The adapter, talking to the fake server at `serverUrl`. */
  readonly create: (
    serverUrl: string,
    overrides?: ProviderTestOverrides,
    options?: LiveProviderOptions,
  ) => ModelProvider;
}
