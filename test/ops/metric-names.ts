// What Prompter emits, and which metric names a dashboard or rule uses, for the ops checks.
import { createPrometheusMetrics } from '../../src/metrics/prometheus-metrics.ts';

export interface MetricFamily {
  readonly name: string;
  readonly type: string;
}

/** Every family a fresh Prompter registry exposes, Node process metrics included. */
export async function emittedFamilies(): Promise<MetricFamily[]> {
  const { registry } = createPrometheusMetrics({ service: 'prompter-api', env: 'test' });
  const families = await registry.getMetricsAsJSON();
  return families.map((family) => ({ name: family.name, type: String(family.type) }));
}

/** Prompter's own families (`prompter_*`, `starlette_*`): the ones dashboards and rules are about. */
export function isPrompterFamily(name: string): boolean {
  return name.startsWith('prompter_') || name.startsWith('starlette_');
}

/** The series names a query can select: histograms as `_bucket`, `_sum`, `_count`. */
export function prometheusSeriesNames(families: readonly MetricFamily[]): Set<string> {
  return new Set(
    families.flatMap(({ name, type }) =>
      type === 'histogram' || type === 'summary'
        ? [`${name}_bucket`, `${name}_sum`, `${name}_count`, name]
        : [name],
    ),
  );
}

/**
 * The family name as Datadog's OpenMetrics check sees it (its parser strips a counter's `_total`);
 * this is the name its `metrics:` setting lists.
 */
export function datadogFamilyName({ name, type }: MetricFamily): string {
  return type === 'counter' ? name.replace(/_total$/, '') : name;
}

/**
 * The names the OpenMetrics check (latest mode, default histogram options) submits:
 * `<namespace>.<family>` + `.count` for counters, `.bucket`/`.sum`/`.count` for histograms, nothing
 * for gauges.
 */
export function datadogMetricNames(
  families: readonly MetricFamily[],
  namespace: string,
): Set<string> {
  return new Set(
    families.flatMap((family) => {
      const base = `${namespace}.${datadogFamilyName(family)}`;
      if (family.type === 'counter') return [`${base}.count`];
      if (family.type === 'histogram') return [`${base}.bucket`, `${base}.sum`, `${base}.count`];
      return [base];
    }),
  );
}

const PROMQL_KEYWORDS = new Set([
  'and',
  'or',
  'unless',
  'by',
  'without',
  'on',
  'ignoring',
  'group_left',
  'group_right',
  'bool',
  'offset',
  'inf',
  'nan',
]);

/**
 * The metric names a PromQL expression selects. Strings, label matchers, ranges and grouping
 * clauses are cut first; what remains that is not a function call, keyword or number is a metric.
 */
export function promqlMetricNames(expression: string): string[] {
  const text = expression
    .replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`[^`]*`/g, '""')
    .replace(/\{[^{}]*\}/g, ' ')
    .replace(/\[[^\]]*\]/g, ' ')
    .replace(/\b(?:by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, ' ');
  const names = new Set<string>();
  for (const match of text.matchAll(/[A-Za-z_:][A-Za-z0-9_:]*/g)) {
    const word = match[0];
    const before = text[match.index - 1] ?? ' ';
    if (/[0-9.]/.test(before)) continue; // the exponent or unit of a number or duration
    if (/^\s*\(/.test(text.slice(match.index + word.length))) continue; // a function call
    if (PROMQL_KEYWORDS.has(word.toLowerCase())) continue;
    names.add(word);
  }
  return [...names];
}

/** The metric names of a Datadog metrics query: `sum:prompter.x.count{…}` → `prompter.x.count`. */
export function datadogQueryMetricNames(query: string): string[] {
  return [...query.matchAll(/\b(?:sum|avg|min|max|count):([A-Za-z0-9_.]+)\{/g)].map(
    (match) => match[1]!,
  );
}
