// ops/datadog/ checked as files: the dashboard's structure, and every metric it queries is a name
// the Agent's OpenMetrics check submits from our /metrics under the agent config next to it.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { before, describe, it } from 'node:test';
import { parse } from 'yaml';
import {
  datadogFamilyName,
  datadogMetricNames,
  datadogQueryMetricNames,
  emittedFamilies,
  isPrompterFamily,
  type MetricFamily,
} from './metric-names.ts';
import type { DatadogAgentConfig, DatadogDashboard, DatadogWidget } from './ops-file-shapes.ts';

const read = (path: string) =>
  readFileSync(new URL(`../../ops/datadog/${path}`, import.meta.url), 'utf8');
const dashboard = JSON.parse(read('prompter-dashboard.json')) as DatadogDashboard;
const agentConfig = parse(read('conf.d/openmetrics.d/conf.yaml')) as DatadogAgentConfig;
const instance = agentConfig.instances[0]!;

function leafWidgets(widgets: readonly DatadogWidget[]): DatadogWidget[] {
  return widgets.flatMap((widget) =>
    widget.definition.type === 'group' ? leafWidgets(widget.definition.widgets ?? []) : [widget],
  );
}
const widgets = leafWidgets(dashboard.widgets);
const queries: Array<{ where: string; query: string }> = widgets.flatMap((widget) =>
  widget.definition.requests.flatMap((request) =>
    request.queries.map((query) => ({ where: widget.definition.title, query: query.query })),
  ),
);

describe('Datadog agent config (ops/datadog/conf.d/openmetrics.d/conf.yaml)', () => {
  let families: MetricFamily[];
  before(async () => {
    families = (await emittedFamilies()).filter((family) => isPrompterFamily(family.name));
  });

  it('scrapes /metrics in latest mode under the prompter namespace', () => {
    assert.ok('init_config' in agentConfig);
    assert.equal(agentConfig.instances.length, 1);
    assert.match(instance.openmetrics_endpoint, /^https?:\/\/[^/]+\/metrics$/);
    assert.equal(instance.namespace, 'prompter');
    assert.equal(instance.prometheus_url, undefined, 'legacy mode');
    assert.equal(instance.histogram_buckets_as_distributions, false);
  });

  it("lists exactly Prompter's families, as the check names them (counters without _total)", () => {
    assert.deepEqual([...instance.metrics].sort(), families.map(datadogFamilyName).sort());
  });
});

describe('Datadog dashboard (ops/datadog/prompter-dashboard.json)', () => {
  let submitted: Set<string>;
  before(async () => {
    const families = (await emittedFamilies()).filter((family) =>
      instance.metrics.includes(datadogFamilyName(family)),
    );
    submitted = datadogMetricNames(families, instance.namespace);
  });

  it('queries only names the OpenMetrics check submits from our /metrics', () => {
    assert.ok(queries.length >= 20);
    for (const { where, query } of queries) {
      const names = datadogQueryMetricNames(query);
      assert.ok(names.length > 0, `${where}: no metric in ${query}`);
      for (const name of names)
        assert.ok(submitted.has(name), `${where}: ${name} is not submitted`);
    }
  });

  it('is an ordered dashboard of widgets with definition.requests[].queries', () => {
    assert.equal(typeof dashboard.title, 'string');
    assert.equal(dashboard.layout_type, 'ordered');
    for (const widget of widgets) {
      const { definition } = widget;
      assert.ok(['timeseries', 'query_value'].includes(definition.type), definition.type);
      assert.equal(typeof definition.title, 'string');
      assert.ok(definition.requests.length > 0, definition.title);
      for (const request of definition.requests) {
        assert.ok(request.queries.length > 0, definition.title);
        const names = new Set(request.queries.map((query) => query.name));
        for (const query of request.queries) {
          assert.equal(query.data_source, 'metrics', definition.title);
          assert.match(query.name, /^q\d+$/);
        }
        assert.ok(request.formulas.length > 0, definition.title);
        for (const formula of request.formulas) {
          for (const reference of formula.formula.match(/\bq\d+\b/g) ?? []) {
            assert.ok(names.has(reference), `${definition.title}: ${reference} is undefined`);
          }
        }
      }
    }
  });

  it('states percentages on a 0–100 scale where the unit is percent', () => {
    for (const widget of widgets) {
      for (const request of widget.definition.requests) {
        for (const formula of request.formulas) {
          if (formula.number_format?.unit?.unit_name === 'percent') {
            assert.match(formula.formula, /^100 \* /, widget.definition.title);
          }
        }
      }
    }
  });

  it('uses every template variable it declares and declares every one it uses', () => {
    const declared = dashboard.template_variables.map((variable) => variable.name);
    const used = new Set(
      queries.flatMap(({ query }) => [...query.matchAll(/\$(\w+)/g)].map((m) => m[1])),
    );
    assert.deepEqual([...used].sort(), [...declared].sort());
    for (const variable of dashboard.template_variables) {
      assert.equal(variable.prefix, variable.name, 'a variable filters the tag of its name');
    }
  });
});
