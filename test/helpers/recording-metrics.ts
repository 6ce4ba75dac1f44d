import type { Metrics } from '../../src/metrics/metrics.ts';

/** A Metrics that remembers every event, so tests can count probes, drift and stored results. */
export function createRecordingMetrics(): Metrics & {
  events: { name: string; args: unknown[] }[];
  count(name: keyof Metrics): number;
} {
  const events: { name: string; args: unknown[] }[] = [];
  const record =
    (name: string) =>
    (...args: unknown[]) => {
      events.push({ name, args });
    };
  return {
    events,
    count: (name) => events.filter((event) => event.name === name).length,
    uniqueViolation: record('uniqueViolation'),
    probeAttempted: record('probeAttempted'),
    probeFailed: record('probeFailed'),
    probeCoalesced: record('probeCoalesced'),
    ensureVersionObserved: record('ensureVersionObserved'),
    providerCallObserved: record('providerCallObserved'),
    resultStored: record('resultStored'),
    versionChanged: record('versionChanged'),
  };
}
