// promtool (Debian's `prometheus` package) on the shipped rules, their unit tests, the example
// scrape config, the Grafana queries and a live exposition. Skipped when promtool is missing,
// except in CI (CI=true), where a missing promtool fails.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { accessSync, constants, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { stringify } from 'yaml';
import { createPrometheusMetrics } from '../../src/metrics/prometheus-metrics.ts';
import { isPrompterFamily } from './metric-names.ts';
import type { GrafanaDashboard } from './ops-file-shapes.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));

function findOnPath(command: string): string | null {
  for (const directory of (process.env.PATH ?? '').split(delimiter)) {
    const candidate = join(directory, command);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return null;
}

const promtool = findOnPath('promtool');
const skip =
  promtool === null && process.env.CI !== 'true'
    ? 'SKIPPED: promtool is not on PATH (install it with `apt-get install -y prometheus`); ' +
      'the alert rules and metric exposition were NOT checked by promtool'
    : false;

function run(args: string[], input?: string) {
  if (promtool === null) {
    assert.fail('promtool is not on PATH and CI=true: CI must `apt-get install -y prometheus`');
  }
  const result = spawnSync(promtool, args, { cwd: root, input, encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

/** Keeps only the `prompter_*` / `starlette_*` families (prom-client's Node metrics fail lint). */
function prompterFamiliesOnly(exposition: string): string {
  return exposition
    .split('\n')
    .filter((line) => {
      const name = line.startsWith('# ') ? line.split(' ')[2] : line.split(/[{ ]/)[0];
      return name !== undefined && isPrompterFamily(name);
    })
    .join('\n')
    .concat('\n');
}

describe('promtool', { skip }, () => {
  it('check rules ops/prometheus/prompter-alerts.yml', () => {
    const { status, output } = run(['check', 'rules', 'ops/prometheus/prompter-alerts.yml']);
    assert.equal(status, 0, output);
  });

  it('test rules ops/prometheus/prompter-alerts.test.yml (when each alert fires)', () => {
    const { status, output } = run(['test', 'rules', 'ops/prometheus/prompter-alerts.test.yml']);
    assert.equal(status, 0, output);
  });

  it('check config ops/prometheus/scrape-config.yml', () => {
    const { status, output } = run(['check', 'config', 'ops/prometheus/scrape-config.yml']);
    assert.equal(status, 0, output);
  });

  it('check metrics: the prompter_* and starlette_* families after one of each event', async () => {
    const prometheus = createPrometheusMetrics({ service: 'prompter-api', env: 'ci' });
    const { metrics } = prometheus;
    metrics.uniqueViolation('prompt_templates', 'unique_index');
    metrics.probeAttempted('openai', 'gpt-4o');
    metrics.probeFailed('openai', 'gpt-4o');
    metrics.probeCoalesced('openai', 'in_process');
    metrics.ensureVersionObserved('openai', 0.4);
    metrics.providerCallObserved({
      provider: 'openai',
      model: 'gpt-4o',
      outcome: 'ok',
      seconds: 1.5,
      promptTokens: 10,
      completionTokens: 5,
    });
    metrics.resultStored({
      provider: 'openai',
      model: 'gpt-4o',
      status: 'succeeded',
      openaiFingerprintPresent: true,
    });
    metrics.versionChanged('openai', 'gpt-4o');
    prometheus.http.requestObserved({
      method: 'POST',
      route: '/api/prompt-templates/{template_id}/run',
      status: 201,
      seconds: 0.05,
    });
    prometheus.setRedisUp(true);
    const exposition = prompterFamiliesOnly(await prometheus.registry.metrics());
    assert.match(exposition, /^# TYPE prompter_redis_up gauge$/m);
    const { status, output } = run(['check', 'metrics'], exposition);
    assert.equal(status, 0, output);
    assert.equal(output.trim(), '', output);
  });

  it('parses every Grafana query (variables filled in) as PromQL', () => {
    const dashboard = JSON.parse(
      readFileSync(join(root, 'ops/grafana/prompter-dashboard.json'), 'utf8'),
    ) as GrafanaDashboard;
    const expressions = [
      ...dashboard.panels.flatMap((panel) => (panel.targets ?? []).map((target) => target.expr)),
      ...dashboard.annotations.list.flatMap((annotation) =>
        annotation.expr === undefined ? [] : [annotation.expr],
      ),
    ];
    const rules = expressions.map((expr, index) => ({
      record: `grafana:query_${index}`,
      expr: expr.replaceAll('$__rate_interval', '5m').replace(/\$\w+/g, '.*'),
    }));
    const directory = mkdtempSync(join(tmpdir(), 'prompter-grafana-'));
    try {
      const file = join(directory, 'grafana-queries.yml');
      writeFileSync(file, stringify({ groups: [{ name: 'grafana', rules }] }));
      const { status, output } = run(['check', 'rules', file]);
      assert.equal(status, 0, output);
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});
