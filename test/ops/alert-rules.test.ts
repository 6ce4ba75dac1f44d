// ops/prometheus/prompter-alerts.yml checked as a file: the seed's rollout alerts are there with
// their thresholds, each has a runbook, and every metric an expression uses is one Prompter emits.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { before, describe, it } from 'node:test';
import { parse } from 'yaml';
import { emittedFamilies, prometheusSeriesNames, promqlMetricNames } from './metric-names.ts';
import type { AlertRulesFile } from './ops-file-shapes.ts';

const root = new URL('../../', import.meta.url);
const rulesFile = parse(
  readFileSync(new URL('ops/prometheus/prompter-alerts.yml', root), 'utf8'),
) as AlertRulesFile;
const rules = rulesFile.groups.flatMap((group) => group.rules);

/** Series Prometheus itself writes for every target; not Prompter's to emit. */
const SCRAPE_SERIES = new Set(['up']);

/** The seed's rollout-checklist alerts and the thresholds it named. */
const EXPECTED = [
  { alert: 'PrompterHttp5xxRatioHigh', threshold: '>= 0.01', for: '10m' },
  { alert: 'PrompterProbeFailureRatioHigh', threshold: '>= 0.10' },
  { alert: 'PrompterEnsureVersionSlow', threshold: '>= 3' },
  { alert: 'PrompterRedisDown', threshold: '== 0', for: '2m' },
  { alert: 'PrompterOpenAIFingerprintMissing', threshold: '> 0.20' },
  { alert: 'PrompterProviderErrorRateHigh', severity: 'warning' },
  { alert: 'PrompterModelVersionChanged', severity: 'info' },
  { alert: 'PrompterTargetDown' },
];

describe('alert rules (ops/prometheus/prompter-alerts.yml)', () => {
  let emitted: Set<string>;
  before(async () => {
    emitted = prometheusSeriesNames(await emittedFamilies());
  });

  it('use only metrics Prompter emits (and the scrape series up)', () => {
    for (const rule of rules) {
      const names = promqlMetricNames(rule.expr);
      assert.ok(names.length > 0, rule.alert);
      for (const name of names) {
        assert.ok(emitted.has(name) || SCRAPE_SERIES.has(name), `${rule.alert}: ${name}`);
      }
    }
  });

  it("contain the seed's rollout alerts with their thresholds and durations", () => {
    assert.deepEqual(rules.map((rule) => rule.alert).sort(), EXPECTED.map((e) => e.alert).sort());
    for (const expected of EXPECTED) {
      const rule = rules.find((candidate) => candidate.alert === expected.alert);
      assert.ok(rule !== undefined, expected.alert);
      if (expected.threshold !== undefined)
        assert.ok(rule.expr.includes(expected.threshold), rule.alert);
      if (expected.for !== undefined) assert.equal(rule.for, expected.for, rule.alert);
      if (expected.severity !== undefined) assert.equal(rule.labels.severity, expected.severity);
    }
  });

  it("page (critical) only on Prompter's own faults: a provider's 502 is not one", () => {
    const http5xx = rules.find((rule) => rule.alert === 'PrompterHttp5xxRatioHigh');
    assert.ok(http5xx !== undefined);
    assert.match(http5xx.expr, /status=~"5\.\.", status!="502"/);
    for (const rule of rules.filter((candidate) => candidate.labels.severity === 'critical')) {
      assert.doesNotMatch(rule.expr, /prompter_provider_|status="502"/, rule.alert);
    }
  });

  it('give every alert a severity, a summary, a description and an existing runbook', () => {
    for (const rule of rules) {
      assert.ok(['critical', 'warning', 'info'].includes(rule.labels.severity ?? ''), rule.alert);
      assert.equal(typeof rule.annotations.summary, 'string', rule.alert);
      assert.equal(typeof rule.annotations.description, 'string', rule.alert);
      assert.equal(rule.annotations.runbook_url, `docs/runbooks/${rule.alert}.md`);
      const runbook = `docs/runbooks/${rule.alert}.md`;
      assert.ok(existsSync(new URL(runbook, root)), runbook);
    }
  });
});
