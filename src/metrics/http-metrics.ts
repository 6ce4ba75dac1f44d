/** One finished HTTP request, as the `starlette_*` pair records it (docs/api-contract.md §6). */
export interface HttpRequestObservation {
  readonly method: string;
  /** The route template (`/api/prompt-templates/{template_id}/run`) or `unmatched`; never a raw URL. */
  readonly route: string;
  readonly status: number;
  readonly seconds: number;
}

/** What the HTTP hook records into. Like `Metrics`, it never throws. */
export interface HttpMetrics {
  requestObserved(observation: HttpRequestObservation): void;
}
