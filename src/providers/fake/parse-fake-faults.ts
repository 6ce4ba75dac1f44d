/** The failures the fake providers can simulate (see README.md for the switch). */
export const fakeFaultKinds = [
  'rate_limit',
  'server_error',
  'timeout',
  'malformed',
  'bad_request',
] as const;

export type FakeFaultKind = (typeof fakeFaultKinds)[number];

/** Which fake operations the random faults apply to; in-band triggers always apply. */
export type FakeFaultScope = 'call' | 'probe' | 'both';

/** `PROMPTER_FAKE_FAULTS`, parsed: per-kind failure rates, their sum at most 1. */
export interface FakeFaults {
  readonly rates: Readonly<Record<FakeFaultKind, number>>;
  /** Seeds the random draws so a run of faults is reproducible; null draws from Math.random. */
  readonly seed: number | null;
  readonly scope: FakeFaultScope;
}

export const noFakeFaults: FakeFaults = Object.freeze({
  rates: Object.freeze({
    rate_limit: 0,
    server_error: 0,
    timeout: 0,
    malformed: 0,
    bad_request: 0,
  }),
  seed: null,
  scope: 'both',
});

/**
 * Parses the fault switch, e.g. `rate_limit=0.1,server_error=0.05,seed=42,scope=call`. Called at
 * start-up; throws an Error naming the bad entry, which the caller prefixes with the variable name
 * (as loadConfig does). Null or blank means no faults.
 */
export function parseFakeFaults(raw: string | null): FakeFaults {
  if (raw === null || raw.trim() === '') return noFakeFaults;
  const rates: Record<FakeFaultKind, number> = { ...noFakeFaults.rates };
  let seed: number | null = null;
  let scope: FakeFaultScope = 'both';
  const seen = new Set<string>();

  for (const entry of raw.split(',')) {
    const match = /^\s*([a-z_]+)\s*=\s*(\S+)\s*$/.exec(entry);
    if (match === null) {
      throw new Error(`expected "kind=rate" entries separated by commas, got "${entry}"`);
    }
    const [, name = '', value = ''] = match;
    if (seen.has(name)) throw new Error(`"${name}" is given twice`);
    seen.add(name);

    if (name === 'seed') {
      if (!/^\d{1,9}$/.test(value)) {
        throw new Error(`seed must be a whole number from 0 to 999999999, got "${value}"`);
      }
      seed = Number(value);
    } else if (name === 'scope') {
      if (value !== 'call' && value !== 'probe' && value !== 'both') {
        throw new Error(`scope must be call, probe or both, got "${value}"`);
      }
      scope = value;
    } else if (isFakeFaultKind(name)) {
      rates[name] = parseRate(name, value);
    } else {
      throw new Error(
        `unknown entry "${name}" (expected ${fakeFaultKinds.join(', ')}, seed or scope)`,
      );
    }
  }

  const total = fakeFaultKinds.reduce((sum, kind) => sum + rates[kind], 0);
  if (total > 1 + 1e-9) {
    throw new Error(`the fault rates add up to ${total}, more than 1`);
  }
  return Object.freeze({ rates: Object.freeze(rates), seed, scope });
}

export function isFakeFaultKind(name: string): name is FakeFaultKind {
  return (fakeFaultKinds as readonly string[]).includes(name);
}

function parseRate(kind: FakeFaultKind, value: string): number {
  const rate = /^(\d+(\.\d*)?|\.\d+)$/.test(value) ? Number(value) : Number.NaN;
  if (!(rate >= 0 && rate <= 1)) {
    throw new Error(`the rate of ${kind} must be a number from 0 to 1, got "${value}"`);
  }
  return rate;
}
