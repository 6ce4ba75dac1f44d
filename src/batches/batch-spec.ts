import type { ProviderOrUnknown } from '../providers/provider-contract.ts';

/** A model a batch runs, with the provider that serves it (decided once, at creation). */
export interface BatchModel {
  readonly modelId: string;
  readonly provider: ProviderOrUnknown;
}

/**
 * A batch request as normalised at creation and stored with the batch: what every cell of it
 * runs. Countries are normalised like `country_set`; `null` is the one cell without a country.
 */
export interface BatchSpec {
  readonly countries: readonly (string | null)[];
  readonly models: readonly BatchModel[];
  readonly samples: number;
  readonly runtimeVars: Readonly<Record<string, string | number | boolean | null>>;
  readonly brandName: string | null;
  readonly useGrounding: boolean;
  readonly concurrency: number;
  readonly maxAttempts: number;
  readonly resendInterrupted: boolean;
}

/** The limits of a batch request (documented in docs/batches.md). */
export const batchLimits = {
  maxCountries: 250,
  maxModels: 20,
  maxSamples: 100,
  maxCells: 10_000,
  maxConcurrency: 200,
  defaultConcurrency: 10,
  maxAttempts: 10,
  defaultMaxAttempts: 3,
} as const;
