import type {
  DataBenchmarkSettings,
  DialectFigures,
  ExportFigures,
} from './run-data-benchmarks.ts';

export interface DataReport {
  readonly date: Date;
  readonly machine: string;
  readonly settings: DataBenchmarkSettings;
  readonly figures: readonly DialectFigures[];
}

export interface DataTarget {
  readonly description: string;
  readonly measured: string;
  readonly passed: boolean;
}

const MIB = 1024 * 1024;
const mib = (bytes: number) => `${(bytes / MIB).toFixed(0)} MiB`;
const rate = (rowsPerSecond: number) => `${Math.round(rowsPerSecond).toLocaleString('en-US')}`;

/** Issue 9: exports ≥ 0.5× the database's own client, a deep page ≤ 1.5× the first page. */
export function evaluateDataTargets(figures: readonly DialectFigures[]): DataTarget[] {
  return figures.flatMap((dialect) => {
    const exportTarget = (format: 'csv' | 'jsonl', run: ExportFigures) => {
      const ratio = run.rowsPerSecond / dialect.cli.rowsPerSecond;
      return {
        description: `${dialect.dialect}: ${format} export ≥ 0.5× the CLI's rows/s`,
        measured: `${ratio.toFixed(2)}× (${rate(run.rowsPerSecond)} vs ${rate(dialect.cli.rowsPerSecond)} rows/s)`,
        passed: ratio >= 0.5,
      };
    };
    const deep = dialect.deepPage;
    const deepRatio = deep.deepPageMs / deep.firstPageMs;
    return [
      exportTarget('csv', dialect.csv),
      exportTarget('jsonl', dialect.jsonl),
      {
        description: `${dialect.dialect}: page at row ${deep.depth.toLocaleString('en-US')} ≤ 1.5× the first page`,
        measured: `${deepRatio.toFixed(2)}× (${deep.deepPageMs.toFixed(2)} vs ${deep.firstPageMs.toFixed(2)} ms)`,
        passed: deepRatio <= 1.5,
      },
    ];
  });
}

export function renderDataReport(report: DataReport): string {
  const { settings } = report;
  const targets = evaluateDataTargets(report.figures);
  const lines = [
    '## Exports and deep pages',
    '',
    `- Date: ${report.date.toISOString()}`,
    `- Machine: ${report.machine}`,
    '- Command: `BENCH_PARTS=data npm run bench` (part of `npm run bench`)',
    `- Data: ${settings.exportRows.toLocaleString('en-US')} realistic results (about 2.3 KB ` +
      `stored each) in one template for the exports, ${settings.largeRows} results of ` +
      `${mib(settings.largeRowBytes)} each in another, ` +
      `${settings.deepPageRows.toLocaleString('en-US')} small results in a third for the pages; ` +
      'seeded with one INSERT … SELECT per template.',
    '- Exports: `GET …/results/export` from `node bin/prompter.js serve`, saved to a file by an ' +
      "HTTP client, against the database's own client writing `select * … order by created_at, " +
      'id` of the same template to a file (CSV), in the same run; best of two runs each. Peak ' +
      "RSS: the server's resident memory, sampled every 20 ms during the export.",
    '- Pages: `listResultsPage` (the query behind `GET …/results?limit=50`), median of 31 runs ' +
      'after 3 warm-ups, first and deep pages in turns; the deep page starts halfway through the template.',
    '',
    '| Target | Measured | Result |',
    '| --- | --- | --- |',
    ...targets.map(
      (target) =>
        `| ${target.description} | ${target.measured} | ${target.passed ? 'PASS' : 'FAIL'} |`,
    ),
    '',
  ];
  for (const dialect of report.figures) {
    const deep = dialect.deepPage;
    lines.push(
      `### ${dialect.dialect === 'sqlite' ? 'SQLite' : 'PostgreSQL'}`,
      '',
      `Seeded in ${dialect.seedSeconds.toFixed(1)} s. Server RSS when idle: ${mib(dialect.idleRssBytes)}.`,
      '',
      '| Export | Rows | Seconds | Rows/s | vs CLI | Output | Server peak RSS |',
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
      `| ${dialect.cli.command} | ${settings.exportRows} | ${dialect.cli.seconds.toFixed(2)} | ` +
        `${rate(dialect.cli.rowsPerSecond)} | 1.00× | | |`,
      exportRow('Prompter CSV', settings.exportRows, dialect.csv, dialect.cli.rowsPerSecond),
      exportRow(
        'Prompter JSON Lines',
        settings.exportRows,
        dialect.jsonl,
        dialect.cli.rowsPerSecond,
      ),
      exportRow(
        `Prompter JSON Lines, ${mib(settings.largeRowBytes)} rows`,
        settings.largeRows,
        dialect.largeRows,
        undefined,
      ),
      '',
      '| Page of 50 (newest first) | Median ms | vs first page |',
      '| --- | ---: | ---: |',
      `| first | ${deep.firstPageMs.toFixed(2)} | 1.00× |`,
      `| at row ${deep.depth.toLocaleString('en-US')} of ${deep.rows.toLocaleString('en-US')}, row-value bound \`(created_at, id) < (?, ?)\` | ` +
        `${deep.deepPageMs.toFixed(2)} | ${(deep.deepPageMs / deep.firstPageMs).toFixed(2)}× |`,
      `| the same page with the former \`created_at < ? OR (created_at = ? AND id < ?)\` (3 runs) | ` +
        `${deep.formerDeepPageMs.toFixed(2)} | ${(deep.formerDeepPageMs / deep.firstPageMs).toFixed(2)}× |`,
      '',
    );
  }
  if (!report.figures.some((dialect) => dialect.dialect === 'postgresql')) {
    lines.push('PostgreSQL was not measured: set `BENCH_PG_URL` (or `PROMPTER_TEST_PG_URL`).', '');
  }
  lines.push(
    '### Rerun',
    '',
    '```sh',
    'BENCH_PG_URL=postgres://postgres@127.0.0.1:5432/bench BENCH_PARTS=data npm run bench',
    'BENCH_EXPORT_ROWS=20000 BENCH_DEEP_PAGE_ROWS=100000 BENCH_LARGE_ROWS=16 BENCH_PARTS=data npm run bench   # quicker',
    '```',
    '',
    'The CLI and Prompter share the machine with the load of the moment; a high load average ' +
      '(see Machine) makes both slower and the ratios noisy.',
  );
  return lines.join('\n');
}

function exportRow(
  name: string,
  rows: number,
  run: ExportFigures,
  cliRowsPerSecond: number | undefined,
): string {
  const ratio =
    cliRowsPerSecond === undefined ? '' : `${(run.rowsPerSecond / cliRowsPerSecond).toFixed(2)}×`;
  return (
    `| ${name} | ${rows} | ${run.seconds.toFixed(2)} | ${rate(run.rowsPerSecond)} | ${ratio} | ` +
    `${mib(run.bytes)} | ${mib(run.peakRssBytes)} |`
  );
}
