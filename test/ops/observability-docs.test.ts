// The operator docs against the code: every metric, Datadog name and alert is documented, and the
// rollout checklist only uses `prompter` commands that exist.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { before, describe, it } from 'node:test';
import { parse } from 'yaml';
import {
  datadogMetricNames,
  emittedFamilies,
  isPrompterFamily,
  type MetricFamily,
} from './metric-names.ts';
import type { AlertRulesFile } from './ops-file-shapes.ts';

const root = new URL('../../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), 'utf8');
const observability = read('docs/observability.md');
const rollout = read('docs/rollout.md');
const alerts = (parse(read('ops/prometheus/prompter-alerts.yml')) as AlertRulesFile).groups.flatMap(
  (group) => group.rules.map((rule) => rule.alert),
);

describe('docs/observability.md', () => {
  let families: MetricFamily[];
  before(async () => {
    families = (await emittedFamilies()).filter((family) => isPrompterFamily(family.name));
  });

  it('documents every Prompter metric', () => {
    for (const { name } of families) assert.ok(observability.includes(`\`${name}\``), name);
  });

  it('gives the Datadog name of every Prompter metric', () => {
    for (const family of families) {
      // The first name is the whole name for counters and gauges, `….bucket` for histograms.
      const [datadogName] = datadogMetricNames([family], 'prompter');
      assert.ok(observability.includes(`\`${datadogName}\``), `${family.name} → ${datadogName}`);
    }
  });

  it('lists every alert, and every alert has a runbook page', () => {
    const runbooks = readdirSync(new URL('docs/runbooks/', root));
    for (const alert of alerts) {
      assert.ok(observability.includes(`\`${alert}\``), alert);
      assert.ok(runbooks.includes(`${alert}.md`), `docs/runbooks/${alert}.md`);
    }
  });

  it('mentions METRICS_TOKEN, METRICS_SERVICE and METRICS_ENV', () => {
    for (const variable of ['METRICS_TOKEN', 'METRICS_SERVICE', 'METRICS_ENV']) {
      assert.ok(observability.includes(variable), variable);
    }
  });
});

describe('docs/rollout.md', () => {
  it('uses only prompter commands and migrate directions that exist', () => {
    const commandsDirectory = new URL('src/cli/commands/', root);
    const sources = readdirSync(commandsDirectory)
      .map((file) => readFileSync(new URL(file, commandsDirectory), 'utf8'))
      .join('\n');
    const registered = new Set([...sources.matchAll(/\.command\('([\w-]+)'\)/g)].map((m) => m[1]));
    const used = [...rollout.matchAll(/npx prompter ([\w-]+)(?: ([\w-]+))?/g)];
    assert.ok(used.length > 0);
    for (const [, command, argument] of used) {
      assert.ok(registered.has(command), `npx prompter ${command}`);
      if (command === 'migrate') assert.ok(['up', 'down', 'status'].includes(argument ?? 'up'));
    }
    assert.match(rollout, /npm run bench/);
    assert.match(rollout, /curl -fsS \$PROMPTER\/health/);
    assert.match(rollout, /\$PROMPTER\/metrics/);
  });

  it('names the alert of every threshold it asks to watch', () => {
    for (const alert of alerts.filter((name) => name !== 'PrompterTargetDown')) {
      if (['PrompterProviderErrorRateHigh', 'PrompterModelVersionChanged'].includes(alert))
        continue;
      assert.ok(rollout.includes(alert), alert);
    }
  });
});
