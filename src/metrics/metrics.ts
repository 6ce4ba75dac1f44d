/**
 * Domain events worth counting. Services record them here; Prometheus is one adapter
 * (`prometheus-metrics.ts`), the no-op below another (STYLE point 18). Implementations must never
 * throw into a request: a metrics failure never fails a request (docs/api-contract.md §6).
 */
export interface Metrics {
  /**
   * A duplicate was refused (a template create whose active twin exists): caught by the service's
   * pre-check, or by the unique index when the create raced its twin past that check.
   */
  uniqueViolation(table: string, caughtBy: UniqueViolationSource): void;
  /**
   * A version probe was sent to a provider. `orgId` (the template's org) is never a label: it
   * shares the `model` label's slots fairly between orgs (`label-value-limiter.ts`).
   */
  probeAttempted(provider: string, model: string, orgId?: string): void;
  /** A version probe failed (error or timeout). */
  probeFailed(provider: string, model: string, orgId?: string): void;
  /** A probe was avoided because another caller's probe was reused. */
  probeCoalesced(provider: string, source: 'in_process' | 'redis'): void;
  /** How long one ensure-version took, end to end. */
  ensureVersionObserved(provider: string, seconds: number): void;
  /** One provider call (a run), with its outcome and token counts. */
  providerCallObserved(call: ProviderCallObservation): void;
  /** A result row was stored (succeeded or failed). */
  resultStored(result: StoredResultObservation): void;
  /** A template got a new version key for a provider/model it already had versions for (drift). */
  versionChanged(provider: string, model: string, orgId?: string): void;
}

/** Which guard refused a duplicate: the service's lookup, or the database's unique index. */
export type UniqueViolationSource = 'pre_check' | 'unique_index';

export interface ProviderCallObservation {
  readonly provider: string;
  readonly model: string;
  /** The template's org: not a label, it shares the `model` label's slots fairly between orgs. */
  readonly orgId?: string;
  /** `ok` or the failure kind (`rate_limited`, `timeout`, `http_error`, …). */
  readonly outcome: string;
  readonly seconds: number;
  readonly promptTokens: number | null;
  readonly completionTokens: number | null;
}

export interface StoredResultObservation {
  readonly provider: string;
  readonly model: string;
  readonly status: 'succeeded' | 'failed';
  /** For OpenAI results: whether the response carried `system_fingerprint`; null otherwise. */
  readonly openaiFingerprintPresent: boolean | null;
}

export const noopMetrics: Metrics = {
  uniqueViolation: () => undefined,
  probeAttempted: () => undefined,
  probeFailed: () => undefined,
  probeCoalesced: () => undefined,
  ensureVersionObserved: () => undefined,
  providerCallObserved: () => undefined,
  resultStored: () => undefined,
  versionChanged: () => undefined,
};
