import type { ProviderError } from '../providers/provider-error.ts';
import type { Result } from '../results/result.ts';
import type { Version } from '../versions/version.ts';

/** A run that got an answer: its stored result and the version that served it. */
export interface SucceededRun {
  readonly status: 'succeeded';
  readonly result: Result;
  readonly version: Version;
}

/** A run the provider failed: the stored failed result and the typed failure. */
export interface FailedRun {
  readonly status: 'failed';
  readonly result: Result;
  readonly error: ProviderError;
}

/** How a run ended; both ends are stored in the audit trail before the outcome is returned. */
export type RunOutcome = SucceededRun | FailedRun;
