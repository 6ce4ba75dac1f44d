// The parts of the ops files the checks read. Parsed files are cast to these shapes; the tests
// then assert the fields are really there.

export interface GrafanaTarget {
  readonly refId: string;
  readonly expr: string;
  readonly datasource: unknown;
}

export interface GrafanaPanel {
  readonly id: number;
  readonly type: string;
  readonly title: string;
  readonly gridPos: {
    readonly h: number;
    readonly w: number;
    readonly x: number;
    readonly y: number;
  };
  readonly datasource?: unknown;
  readonly fieldConfig: { readonly defaults: { readonly unit?: string } };
  /** Absent on `row` panels. */
  readonly targets?: readonly GrafanaTarget[];
}

export interface GrafanaVariable {
  readonly type: string;
  readonly name: string;
  readonly query?: unknown;
  readonly includeAll?: boolean;
  readonly allValue?: string;
  readonly definition?: string;
}

export interface GrafanaDashboard {
  readonly title: string;
  readonly uid: string;
  readonly schemaVersion: number;
  readonly panels: readonly GrafanaPanel[];
  readonly templating: { readonly list: readonly GrafanaVariable[] };
  readonly annotations: {
    readonly list: ReadonlyArray<{ readonly name: string; readonly expr?: string }>;
  };
}

export interface DatadogQuery {
  readonly data_source: string;
  readonly name: string;
  readonly query: string;
}

export interface DatadogFormula {
  readonly formula: string;
  readonly number_format?: { readonly unit?: { readonly unit_name?: string } };
}

export interface DatadogWidget {
  readonly definition: {
    readonly type: string;
    readonly title: string;
    readonly widgets?: readonly DatadogWidget[];
    readonly requests: ReadonlyArray<{
      readonly queries: readonly DatadogQuery[];
      readonly formulas: readonly DatadogFormula[];
    }>;
  };
}

export interface DatadogDashboard {
  readonly title: string;
  readonly layout_type: string;
  readonly template_variables: ReadonlyArray<{ readonly name: string; readonly prefix: string }>;
  readonly widgets: readonly DatadogWidget[];
}

export interface DatadogAgentConfig {
  readonly init_config: unknown;
  readonly instances: ReadonlyArray<{
    readonly openmetrics_endpoint: string;
    readonly namespace: string;
    readonly metrics: readonly string[];
    readonly prometheus_url?: string;
    readonly histogram_buckets_as_distributions?: boolean;
  }>;
}

export interface AlertRule {
  readonly alert: string;
  readonly expr: string;
  readonly for?: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly annotations: Readonly<Record<string, string>>;
}

export interface AlertRulesFile {
  readonly groups: ReadonlyArray<{ readonly name: string; readonly rules: readonly AlertRule[] }>;
}
