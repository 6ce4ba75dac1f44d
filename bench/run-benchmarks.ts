import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, release, tmpdir, type } from 'node:os';
import { join } from 'node:path';
import { evaluateTargets, findRunProblems } from './benchmark-targets.ts';
import { checkDuplicateBodies, seedBodies, uniqueCreateBodies } from './request-bodies.ts';
import { runLoad, type LoadScenario, type LoadSummary } from './run-load.ts';
import { checkDuplicate, seedTemplates } from './seed-templates.ts';
import { findFreePort, startServer } from './start-server.ts';
import { evaluateDataTargets, renderDataReport } from './render-data-report.ts';
import { readBenchParts, writeReportSections } from './report-sections.ts';
import { measureDataBenchmarks, readDataBenchmarkSettings } from './run-data-benchmarks.ts';
import { renderReport, toConsoleRows, type ScenarioResult } from './write-report.ts';

/**
 * `npm run bench`: the HTTP part measures a bare Fastify route, then Prompter's check-duplicate
 * and create routes, one server at a time; the data part measures exports and deep pages on
 * SQLite and PostgreSQL (bench/run-data-benchmarks.ts). Rewrites docs/benchmarks.md (the parts
 * not run keep their section; BENCH_PARTS=http,data). Exits 1 when an HTTP scenario saw failed
 * requests (its numbers would be meaningless); missed targets are reported, not fatal.
 */

const CONNECTIONS = 50;
const WARM_UP_SECONDS = 2;
const SEED_COUNT = 1000;
const SEED_CONCURRENCY = 8;
const STARTUP_TIMEOUT_MS = 60_000;
const REPORT_PATH = new URL('../docs/benchmarks.md', import.meta.url);

type Measured = Omit<LoadScenario, 'durationSeconds' | 'connections'>;

function readDurationSeconds(): number {
  const raw = process.env['BENCH_DURATION_SECONDS'] ?? '10';
  const seconds = Number(raw);
  if (!Number.isInteger(seconds) || seconds < 1 || seconds > 600) {
    throw new Error(`BENCH_DURATION_SECONDS must be a whole number from 1 to 600, got "${raw}"`);
  }
  return seconds;
}

async function measure(name: string, scenario: Measured, durationSeconds: number) {
  console.log(`${name}: ${WARM_UP_SECONDS} s warm-up, then ${durationSeconds} s measured`);
  await runLoad({ ...scenario, connections: CONNECTIONS, durationSeconds: WARM_UP_SECONDS });
  return runLoad({ ...scenario, connections: CONNECTIONS, durationSeconds });
}

async function measureBare(durationSeconds: number): Promise<LoadSummary> {
  const port = await findFreePort();
  const server = await startServer({
    name: 'bare Fastify server',
    args: ['--import', 'tsx', 'bench/bare-server.ts'],
    env: { PORT: String(port) },
    port,
    readinessPath: '/ready',
    startupTimeoutMs: STARTUP_TIMEOUT_MS,
  });
  try {
    const bodies = checkDuplicateBodies(SEED_COUNT);
    return await measure(
      'baseline',
      { baseUrl: server.baseUrl, path: '/bare', bodies },
      durationSeconds,
    );
  } finally {
    await server.stop();
  }
}

async function measurePrompter(durationSeconds: number) {
  const directory = await mkdtemp(join(tmpdir(), 'prompter-bench-'));
  try {
    const port = await findFreePort();
    const server = await startServer({
      name: 'Prompter (node bin/prompter.js serve)',
      args: ['bin/prompter.js', 'serve'],
      env: {
        PORT: String(port),
        HOST: '127.0.0.1',
        DB_URL: `sqlite:///${join(directory, 'bench.db')}`,
        LOG_LEVEL: 'warn',
        PROMPTER_PROVIDER_MODE: 'fake',
      },
      port,
      readinessPath: '/health',
      startupTimeoutMs: STARTUP_TIMEOUT_MS,
    });
    try {
      const baseUrl = server.baseUrl;
      console.log(`seeding ${SEED_COUNT} templates`);
      await seedTemplates(baseUrl, seedBodies(SEED_COUNT), SEED_CONCURRENCY);
      const lookups = checkDuplicateBodies(SEED_COUNT);
      if (!(await checkDuplicate(baseUrl, lookups[0] as string))) {
        throw new Error('check-duplicate does not find a seeded template; the benchmark is off');
      }
      const checkDuplicateSummary = await measure(
        'check-duplicate',
        { baseUrl, path: '/api/prompt-templates/check-duplicate', bodies: lookups },
        durationSeconds,
      );
      const createSummary = await measure(
        'create',
        {
          baseUrl,
          path: '/api/prompt-templates',
          bodies: uniqueCreateBodies(Date.now().toString(36)),
        },
        durationSeconds,
      );
      return { checkDuplicate: checkDuplicateSummary, create: createSummary };
    } catch (error) {
      const output = server.recentOutput() || '(none)';
      throw new Error(`${(error as Error).message}\nPrompter's last output:\n${output}`, {
        cause: error,
      });
    } finally {
      await server.stop();
    }
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}

async function main(): Promise<number> {
  const parts = readBenchParts(process.env['BENCH_PARTS']);
  const loadAverageAtStart = loadavg()[0] ?? 0;
  const machine = describeMachine(loadAverageAtStart);
  const sections: { http?: string; data?: string } = {};
  let problems: string[] = [];
  if (parts.has('http')) {
    const report = await measureHttp(readDurationSeconds(), machine);
    sections.http = renderReport(report);
    problems = [...report.problems];
  }
  if (parts.has('data')) {
    const settings = readDataBenchmarkSettings(process.env);
    const figures = await measureDataBenchmarks(settings);
    const dataMachine = describeMachine(loadavg()[0] ?? 0);
    for (const target of evaluateDataTargets(figures)) {
      console.log(`${target.passed ? 'PASS' : 'FAIL'}  ${target.description}: ${target.measured}`);
    }
    sections.data = renderDataReport({ date: new Date(), machine: dataMachine, settings, figures });
  }
  await writeReportSections(REPORT_PATH, sections);
  console.log(`wrote ${REPORT_PATH.pathname}`);
  return problems.length === 0 ? 0 : 1;
}

function describeMachine(loadAverage: number): string {
  const processors = cpus();
  return (
    `${processors[0]?.model ?? 'unknown CPU'} × ${processors.length}, ` +
    `${type()} ${release()}, Node ${process.version}; ` +
    `1-minute load average before the run: ${loadAverage.toFixed(2)}`
  );
}

/** The HTTP part: a bare Fastify route, then Prompter's check-duplicate and create routes. */
async function measureHttp(durationSeconds: number, machine: string) {
  const bare = await measureBare(durationSeconds);
  const prompter = await measurePrompter(durationSeconds);
  const scenarios: ScenarioResult[] = [
    {
      name: 'baseline',
      description:
        '`POST /bare`: bare Fastify 5, default JSON parser, logger off, same bodies as check-duplicate.',
      summary: bare,
    },
    {
      name: 'check-duplicate',
      description:
        '`POST /api/prompt-templates/check-duplicate`: every other request matches a seeded template.',
      summary: prompter.checkDuplicate,
    },
    {
      name: 'create',
      description:
        '`POST /api/prompt-templates`: every request is a configuration not seen before (201).',
      summary: prompter.create,
    },
  ];
  const report = {
    date: new Date(),
    machine,
    durationSeconds,
    warmUpSeconds: WARM_UP_SECONDS,
    connections: CONNECTIONS,
    seedCount: SEED_COUNT,
    scenarios,
    targets: evaluateTargets(bare, prompter.checkDuplicate, CONNECTIONS),
    problems: findRunProblems({
      'check-duplicate': prompter.checkDuplicate,
      create: prompter.create,
      baseline: bare,
    }),
  };
  console.table(toConsoleRows(report));
  for (const target of report.targets) {
    console.log(`${target.passed ? 'PASS' : 'FAIL'}  ${target.description}: ${target.measured}`);
  }
  for (const problem of report.problems) console.error(`INVALID  ${problem}`);
  return report;
}

// Exiting runs the servers' exit hooks, so an interrupted run leaves no server behind.
process.once('SIGINT', () => process.exit(130));
process.once('SIGTERM', () => process.exit(143));

try {
  process.exitCode = await main();
} catch (error) {
  console.error(`bench failed: ${(error as Error).message}`);
  process.exitCode = 1;
}
