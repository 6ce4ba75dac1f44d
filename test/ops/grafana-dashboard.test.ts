// ops/grafana/prompter-dashboard.json checked as a file: structure, variables, units, and every
// metric it queries is one Prompter emits. (Grafana itself does not run here.)
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { before, describe, it } from 'node:test';
import { emittedFamilies, prometheusSeriesNames, promqlMetricNames } from './metric-names.ts';
import type { GrafanaDashboard } from './ops-file-shapes.ts';

const dashboard = JSON.parse(
  readFileSync(new URL('../../ops/grafana/prompter-dashboard.json', import.meta.url), 'utf8'),
) as GrafanaDashboard;
const panels = dashboard.panels;
const queryPanels = panels
  .filter((panel) => panel.type !== 'row')
  .map((panel) => ({ ...panel, targets: panel.targets ?? [] }));
const variables = dashboard.templating.list;
const annotationQueries = dashboard.annotations.list.flatMap((annotation) =>
  annotation.expr === undefined ? [] : [{ name: annotation.name, expr: annotation.expr }],
);
const expressions: Array<{ where: string; expr: string }> = [
  ...queryPanels.flatMap((panel) =>
    panel.targets.map((target) => ({ where: panel.title, expr: target.expr })),
  ),
  ...annotationQueries.map((annotation) => ({ where: annotation.name, expr: annotation.expr })),
];

describe('Grafana dashboard (ops/grafana/prompter-dashboard.json)', () => {
  let emitted: Set<string>;
  before(async () => {
    emitted = prometheusSeriesNames(await emittedFamilies());
  });

  it('queries only metrics Prompter emits', () => {
    for (const { where, expr } of expressions) {
      const names = promqlMetricNames(expr);
      assert.ok(names.length > 0, `${where}: no metric in ${expr}`);
      for (const name of names) assert.ok(emitted.has(name), `${where}: ${name} is not emitted`);
    }
  });

  it('has a title, a uid and a schema version', () => {
    assert.equal(typeof dashboard.title, 'string');
    assert.match(dashboard.uid, /^[\w-]{1,40}$/);
    assert.equal(typeof dashboard.schemaVersion, 'number');
  });

  it('gives every panel a unique id and a grid position inside 24 columns', () => {
    const ids = panels.map((panel) => panel.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const panel of panels) {
      const { h, w, x, y } = panel.gridPos;
      for (const value of [h, w, x, y]) assert.equal(typeof value, 'number', panel.title);
      assert.ok(x >= 0 && w > 0 && x + w <= 24, `${panel.title} fits the grid`);
    }
  });

  it('gives every query panel the datasource variable, a unit and targets with unique refIds', () => {
    assert.ok(queryPanels.length >= 20);
    for (const panel of queryPanels) {
      assert.deepEqual(panel.datasource, { type: 'prometheus', uid: '${datasource}' }, panel.title);
      assert.equal(typeof panel.fieldConfig.defaults.unit, 'string', `${panel.title} unit`);
      assert.ok(panel.targets.length > 0, panel.title);
      const refIds = panel.targets.map((target) => target.refId);
      assert.equal(new Set(refIds).size, refIds.length, panel.title);
      for (const target of panel.targets) {
        assert.equal(typeof target.expr, 'string', panel.title);
        assert.deepEqual(target.datasource, panel.datasource, panel.title);
      }
    }
  });

  it('shows ratios as 0–1 fractions with the percentunit unit (never ×100)', () => {
    const ratioPanels = queryPanels.filter((panel) => /ratio|missing/i.test(panel.title));
    assert.ok(ratioPanels.length >= 4);
    for (const panel of ratioPanels) {
      assert.equal(panel.fieldConfig.defaults.unit, 'percentunit', panel.title);
      for (const target of panel.targets) assert.doesNotMatch(target.expr, /\b100\b/, panel.title);
    }
  });

  it('guards every division so a ratio reads 0, not NaN, without traffic', () => {
    for (const { where, expr } of expressions) {
      if (!expr.includes(' / ')) continue;
      assert.match(expr.split(' / ')[1]!, /^clamp_min\(/, `${where}: ${expr}`);
    }
  });

  it('uses seconds for latency and bytes for memory', () => {
    for (const panel of queryPanels) {
      const exprs = panel.targets.map((target) => target.expr).join(' ');
      if (/histogram_quantile|eventloop_lag/.test(exprs)) {
        assert.equal(panel.fieldConfig.defaults.unit, 's', panel.title);
      }
      if (/_bytes\b/.test(exprs)) assert.equal(panel.fieldConfig.defaults.unit, 'bytes');
    }
  });

  it('has the datasource variable and query variables with an All option', () => {
    assert.deepEqual(
      variables.map((variable) => variable.name),
      ['datasource', 'service', 'env', 'provider'],
    );
    assert.equal(variables[0]?.type, 'datasource');
    assert.equal(variables[0]?.query, 'prometheus');
    for (const variable of variables.filter((candidate) => candidate.type === 'query')) {
      assert.equal(variable.includeAll, true, `${variable.name} includeAll`);
      assert.equal(variable.allValue, '.*', `${variable.name} allValue`);
      assert.match(variable.definition ?? '', /^label_values\(/);
    }
  });

  it('uses every variable it declares and declares every variable it uses', () => {
    const text = JSON.stringify({ panels, annotations: dashboard.annotations });
    const declared = new Set(variables.map((variable) => variable.name));
    for (const name of declared) {
      assert.ok(text.includes(`$${name}`) || text.includes(`\${${name}}`), `${name} is unused`);
    }
    for (const match of text.matchAll(/\$\{?([A-Za-z_]\w*)/g)) {
      const name = match[1]!;
      if (!name.startsWith('__')) assert.ok(declared.has(name), `$${name} is not declared`);
    }
  });

  it('has the new panels: drift, provider latency and errors, tokens', () => {
    const titles = queryPanels.map((panel) => panel.title).join(' | ');
    for (const title of [/drift/i, /provider latency/i, /provider error/i, /tokens/i]) {
      assert.match(titles, title);
    }
  });
});
