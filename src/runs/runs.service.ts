import { executeRun, type ExecuteRunDeps } from './execute-run.ts';
import { providerFailure } from './provider-failure.ts';
import type { RunOutcome, SucceededRun } from './run-outcome.ts';
import type { RunRequest } from './run-request.ts';

export type RunsServiceDeps = ExecuteRunDeps;

/** Runs: one provider call per run, its version resolved, its audit record stored (docs/api-contract.md §3–§4). */
export function createRunsService(deps: RunsServiceDeps) {
  return {
    /** The run's outcome as a value: a provider failure is a `failed` outcome, not an exception. */
    executeRun(request: RunRequest): Promise<RunOutcome> {
      return executeRun(deps, request);
    },

    /** Throws a 502 PROVIDER_ERROR (naming the stored failed result) when the provider fails. */
    async runTemplate(request: RunRequest): Promise<SucceededRun> {
      const outcome = await executeRun(deps, request);
      if (outcome.status === 'failed') {
        throw providerFailure(outcome.error, { result_id: outcome.result.id });
      }
      return outcome;
    },
  };
}

export type RunsService = ReturnType<typeof createRunsService>;
