import { formatRatio, type TargetResult } from './benchmark-targets.ts';
import type { LoadSummary } from './run-load.ts';

export interface ScenarioResult {
  readonly name: string;
  /** One sentence: route and what the bodies are. */
  readonly description: string;
  readonly summary: LoadSummary;
}

export interface BenchmarkReport {
  readonly date: Date;
  readonly machine: string;
  readonly durationSeconds: number;
  readonly warmUpSeconds: number;
  readonly connections: number;
  readonly seedCount: number;
  /** The first scenario is the baseline every ratio is against. */
  readonly scenarios: readonly ScenarioResult[];
  readonly targets: readonly TargetResult[];
  readonly problems: readonly string[];
}

/** The scenarios as rows for `console.table`. */
export function toConsoleRows(report: BenchmarkReport): Record<string, string | number>[] {
  const baseline = baselineOf(report);
  return report.scenarios.map(({ name, summary }) => ({
    scenario: name,
    'requests/s': Math.round(summary.requestsPerSecond),
    'p50 ms': summary.latencyP50Ms,
    'p97.5 ms': summary.latencyP975Ms,
    'p99 ms': summary.latencyP99Ms,
    'non-2xx': summary.non2xx,
    'vs bare': formatRatio(summary, baseline),
  }));
}

export function renderReport(report: BenchmarkReport): string {
  const baseline = baselineOf(report);
  const lines = [
    '# Benchmarks',
    '',
    `- Date: ${report.date.toISOString()}`,
    `- Machine: ${report.machine}`,
    '- Command: `npm run bench`',
    `- Load: autocannon, ${report.connections} connections, ${report.durationSeconds} s per ` +
      `scenario after a ${report.warmUpSeconds} s warm-up that is not recorded; each server runs ` +
      `alone in its own process on 127.0.0.1; Prompter on SQLite seeded with ` +
      `${report.seedCount} templates.`,
    '',
    '## Targets',
    '',
    '| Target | Measured | Result |',
    '| --- | --- | --- |',
    ...report.targets.map(
      (target) =>
        `| ${target.description} | ${target.measured} | ${target.passed ? 'PASS' : 'FAIL'} |`,
    ),
    '',
    ...(report.problems.length === 0
      ? ['Every request in every scenario was answered 2xx, without connection errors.']
      : ['**This run is not valid:**', '', ...report.problems.map((problem) => `- ${problem}`)]),
    '',
    '## Results',
    '',
  ];
  for (const { name, description, summary } of report.scenarios) {
    lines.push(
      `### ${name}`,
      '',
      description,
      '',
      '| Requests/s (avg) | p50 ms | p97.5 ms | p99 ms | Non-2xx | Requests | vs bare |',
      '| ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
      `| ${Math.round(summary.requestsPerSecond)} | ${summary.latencyP50Ms} | ` +
        `${summary.latencyP975Ms} | ${summary.latencyP99Ms} | ${summary.non2xx} | ` +
        `${summary.totalRequests} | ${formatRatio(summary, baseline)} |`,
      '',
    );
  }
  lines.push(
    '## How to read this',
    '',
    'Absolute numbers depend on the machine, its load and the Node version, so compare them only ' +
      'between runs on the same machine. The ratios are against a bare Fastify route measured in ' +
      'the same run with the same bodies and the same load, so they carry over between machines: ' +
      'they show what Prompter adds on top of HTTP and JSON parsing (validation, lossless parsing, ' +
      'canonical hashing, the database). The load generator (one autocannon process) shares the ' +
      'CPU with the server; on a small machine it can limit the bare route, which makes the ratios ' +
      'look better than they are. Other work on the machine skews the ratios too: a load average ' +
      'near the core count before the run means the numbers are noisy. At a fixed number of ' +
      'connections, latency and throughput are tied (mean latency ≈ connections ÷ requests/s), ' +
      'so a route that misses the throughput target also misses the latency target.',
    '',
    '## Rerun',
    '',
    '```sh',
    'npm run bench                             # 10 s per scenario; overwrites this file',
    'BENCH_DURATION_SECONDS=30 npm run bench   # steadier numbers',
    '```',
    '',
    'Close other busy programs first. The scenarios live in `bench/run-benchmarks.ts`.',
    '',
  );
  return lines.join('\n');
}

function baselineOf(report: BenchmarkReport): LoadSummary {
  const first = report.scenarios[0];
  if (first === undefined) throw new Error('a report needs at least the baseline scenario');
  return first.summary;
}
