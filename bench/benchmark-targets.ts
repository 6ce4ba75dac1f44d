import type { LoadSummary } from './run-load.ts';

export interface TargetResult {
  readonly description: string;
  readonly measured: string;
  readonly passed: boolean;
}

/** Throughput as a multiple of the bare route's, e.g. `0.62×`. */
export function formatRatio(summary: LoadSummary, baseline: LoadSummary): string {
  return `${(summary.requestsPerSecond / baseline.requestsPerSecond).toFixed(2)}×`;
}

/**
 * The performance budget for the duplicate check, the route clients call before every create:
 * at least half the bare route's throughput, and p99 within 10 ms at 50 connections.
 */
export function evaluateTargets(
  baseline: LoadSummary,
  checkDuplicate: LoadSummary,
  connections: number,
): TargetResult[] {
  const ratio = checkDuplicate.requestsPerSecond / baseline.requestsPerSecond;
  return [
    {
      description: 'check-duplicate throughput ≥ 50 % of bare',
      measured: `${(ratio * 100).toFixed(0)} % (${formatRatio(checkDuplicate, baseline)})`,
      passed: ratio >= 0.5,
    },
    {
      description: `check-duplicate p99 ≤ 10 ms at ${connections} connections`,
      measured: `${checkDuplicate.latencyP99Ms} ms`,
      passed: checkDuplicate.latencyP99Ms <= 10,
    },
  ];
}

/** Problems that make a run's numbers meaningless: failed requests or connection errors. */
export function findRunProblems(scenarios: Readonly<Record<string, LoadSummary>>): string[] {
  return Object.entries(scenarios).flatMap(([name, summary]) => {
    const problems: string[] = [];
    if (summary.non2xx > 0) {
      problems.push(
        `${name}: ${summary.non2xx} non-2xx answers ${JSON.stringify(summary.statusCounts)}`,
      );
    }
    if (summary.errors > 0) problems.push(`${name}: ${summary.errors} connection errors`);
    return problems;
  });
}
