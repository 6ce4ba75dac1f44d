// Reads Prometheus text format 0.0.4 as tests need it: families with their TYPE and every sample.
// Label values here never contain escaped quotes or commas, which keeps the parser small.

export interface ExpositionSample {
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly value: number;
}

export interface Exposition {
  /** Family name → type (`counter`, `gauge`, `histogram`, …) from the `# TYPE` lines. */
  readonly types: ReadonlyMap<string, string>;
  readonly helps: ReadonlyMap<string, string>;
  readonly samples: readonly ExpositionSample[];
}

const SAMPLE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s+(\S+)$/;
const LABEL = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g;

export function parsePrometheusExposition(text: string): Exposition {
  const types = new Map<string, string>();
  const helps = new Map<string, string>();
  const samples: ExpositionSample[] = [];
  for (const line of text.split('\n')) {
    if (line.startsWith('# TYPE ')) {
      const [name, type] = line.slice('# TYPE '.length).split(' ');
      if (name !== undefined && type !== undefined) types.set(name, type);
    } else if (line.startsWith('# HELP ')) {
      const rest = line.slice('# HELP '.length);
      const space = rest.indexOf(' ');
      helps.set(rest.slice(0, space), rest.slice(space + 1));
    } else if (line !== '' && !line.startsWith('#')) {
      const match = SAMPLE.exec(line);
      if (match === null) throw new Error(`Unparseable exposition line: ${line}`);
      const labels: Record<string, string> = {};
      for (const label of (match[2] ?? '').matchAll(LABEL)) labels[label[1]!] = label[2]!;
      samples.push({ name: match[1]!, labels, value: Number(match[3]) });
    }
  }
  return { types, helps, samples };
}

/** A stable key for one series: `name{a="1",b="2"}` with labels sorted. */
export function seriesKey(sample: Pick<ExpositionSample, 'name' | 'labels'>): string {
  const labels = Object.entries(sample.labels)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, value]) => `${name}="${value}"`)
    .join(',');
  return `${sample.name}{${labels}}`;
}
