import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { writeReportSections } from './report-sections.ts';

/**
 * `npm run bench:startup`: how long a short `prompter` command takes from spawn to exit, against
 * `node -e 0` measured in the same run (interleaved rounds, medians), and its peak RSS. The
 * commands run the compiled dist/ (the script builds first); the same commands through tsx
 * (PROMPTER_FROM_SOURCE=1) are shown for comparison. Writes its section of docs/benchmarks.md.
 * Target (issue 8.6): `prompter --help` and `prompter hash < /dev/null` within 2.5× of `node -e 0`.
 */

const ROUNDS = Number(process.env['BENCH_STARTUP_ROUNDS'] ?? '25');
const TARGET_RATIO = 2.5;
const REPORT = new URL('../docs/benchmarks.md', import.meta.url);

interface Subject {
  readonly label: string;
  readonly args: readonly string[];
  readonly fromSource?: boolean;
  readonly target?: boolean;
  /** What the command reads on stdin (nothing, i.e. /dev/null, by default). */
  readonly input?: string;
}

const ONE_CONFIG = `${JSON.stringify({
  user_prompt_template: 'Top 10 {{category}} brands in {{country}}?',
  model_id: 'gpt-4o',
  country_set: ['US', 'GB'],
  inference_params: { temperature: 0.7 },
})}\n`;

const subjects: readonly Subject[] = [
  { label: '`node -e 0` (baseline)', args: ['-e', '0'] },
  { label: '`prompter --help`', args: ['bin/prompter.js', '--help'], target: true },
  { label: '`prompter hash < /dev/null`', args: ['bin/prompter.js', 'hash'], target: true },
  {
    label: '`prompter hash` of one config line (loads the validator)',
    args: ['bin/prompter.js', 'hash'],
    input: ONE_CONFIG,
  },
  { label: '`prompter --help` through tsx', args: ['bin/prompter.js', '--help'], fromSource: true },
  {
    label: '`prompter hash < /dev/null` through tsx',
    args: ['bin/prompter.js', 'hash'],
    fromSource: true,
  },
];

function environmentFor(subject: Subject): NodeJS.ProcessEnv {
  const environment = { ...process.env };
  delete environment['PROMPTER_FROM_SOURCE'];
  if (subject.fromSource === true) environment['PROMPTER_FROM_SOURCE'] = '1';
  return environment;
}

function runOnce(subject: Subject): number {
  const started = process.hrtime.bigint();
  const outcome = spawnSync(process.execPath, subject.args, {
    stdio: [subject.input === undefined ? 'ignore' : 'pipe', 'ignore', 'pipe'],
    env: environmentFor(subject),
    ...(subject.input === undefined ? {} : { input: subject.input }),
  });
  const elapsed = Number(process.hrtime.bigint() - started) / 1e6;
  if (outcome.status !== 0) {
    throw new Error(`${subject.label} exited with ${outcome.status}: ${String(outcome.stderr)}`);
  }
  return elapsed;
}

/** Peak RSS in MB through GNU time, when the machine has it. */
function peakRssMb(subject: Subject): number | null {
  if (!existsSync('/usr/bin/time')) return null;
  const samples: number[] = [];
  for (let run = 0; run < 3; run += 1) {
    const outcome = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, ...subject.args], {
      stdio: [subject.input === undefined ? 'ignore' : 'pipe', 'ignore', 'pipe'],
      env: environmentFor(subject),
      ...(subject.input === undefined ? {} : { input: subject.input }),
    });
    const kilobytes = Number(String(outcome.stderr).trim().split('\n').pop());
    if (Number.isFinite(kilobytes)) samples.push(kilobytes / 1024);
  }
  return samples.length === 0 ? null : median(samples);
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

const samples = subjects.map(() => [] as number[]);
const loadBefore = loadavg()[0] ?? 0;
for (const subject of subjects) runOnce(subject); // warm the file cache, not recorded
for (let round = 0; round < ROUNDS; round += 1) {
  subjects.forEach((subject, index) => samples[index]?.push(runOnce(subject)));
}
const medians = samples.map(median);
const baseline = medians[0] ?? 1;
const rows = subjects.map((subject, index) => {
  const ms = medians[index] ?? 0;
  const ratio = ms / baseline;
  const rss = peakRssMb(subject);
  const verdict =
    subject.target === true ? (ratio <= TARGET_RATIO ? 'PASS' : 'FAIL') : index === 0 ? '' : '—';
  return { label: subject.label, ms, ratio, rss, verdict };
});

const table = [
  '| command | median ms | vs `node -e 0` | peak RSS MB | target ≤ 2.5× |',
  '| ------- | --------: | -------------: | ----------: | :-----------: |',
  ...rows.map(
    (row) =>
      `| ${row.label} | ${row.ms.toFixed(0)} | ${row.ratio.toFixed(2)}× | ` +
      `${row.rss === null ? '?' : row.rss.toFixed(0)} | ${row.verdict} |`,
  ),
].join('\n');

const section = [
  '## Start-up: short commands',
  '',
  `- Date: ${new Date().toISOString()}`,
  `- Machine: ${cpus()[0]?.model ?? 'unknown CPU'} × ${cpus().length}, Node ${process.version}; ` +
    `1-minute load average before the run: ${loadBefore.toFixed(2)}`,
  '- Command: `npm run bench:startup` (builds dist/ first)',
  `- Method: ${ROUNDS} interleaved rounds, each command spawned once per round, wall time from ` +
    'spawn to exit, median; peak RSS is the median of 3 runs under GNU time. "through tsx" is ' +
    'the same command with PROMPTER_FROM_SOURCE=1 (the sources compiled on the fly), the way ' +
    'Prompter ran before it was compiled.',
  '',
  table,
].join('\n');

await writeReportSections(REPORT, { startup: section });
console.log(table);
const failed = rows.filter((row) => row.verdict === 'FAIL');
if (failed.length > 0) {
  console.log(`missed the ${TARGET_RATIO}× target: ${failed.map((row) => row.label).join(', ')}`);
}
