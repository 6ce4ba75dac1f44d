import {
  fakeFaultKinds,
  isFakeFaultKind,
  type FakeFaultKind,
  type FakeFaults,
} from './parse-fake-faults.ts';

export interface FakeFault {
  readonly kind: FakeFaultKind;
  /** The simulated HTTP status; null when no response arrived (a timeout). */
  readonly status: number | null;
}

export interface FakeFaultQuery {
  readonly operation: 'call' | 'probe';
  readonly model: string;
  /** The rendered prompt of a call; probes have none. */
  readonly prompt: string | null;
  readonly faults: FakeFaults;
  readonly random: () => number;
}

const promptTrigger = /\[\[fake-fault:([a-z_]+)\]\]/g;
const probeTrigger = 'fake-fault-probe';

/**
 * Decides whether one fake operation fails, and how. In-band triggers are deterministic and win:
 * a prompt containing `[[fake-fault:<kind>]]` fails its call that way, and a model id containing
 * `fake-fault-probe` fails its probe with a server error. Otherwise one random draw is compared
 * with the configured rates (kinds in a fixed order, so a seed reproduces the same faults); no
 * draw is taken when no rate applies to the operation.
 */
export function chooseFakeFault(query: FakeFaultQuery): FakeFault | null {
  if (query.operation === 'call' && query.prompt !== null) {
    for (const match of query.prompt.matchAll(promptTrigger)) {
      const kind = match[1] ?? '';
      if (isFakeFaultKind(kind)) return { kind, status: statusOf(kind, 0) };
    }
  }
  if (query.operation === 'probe' && query.model.includes(probeTrigger)) {
    return { kind: 'server_error', status: 500 };
  }

  const { rates, scope } = query.faults;
  if (scope !== 'both' && scope !== query.operation) return null;
  if (fakeFaultKinds.every((kind) => rates[kind] === 0)) return null;

  const draw = query.random();
  let floor = 0;
  for (const kind of fakeFaultKinds) {
    const ceiling = floor + rates[kind];
    if (draw < ceiling) return { kind, status: statusOf(kind, (draw - floor) / rates[kind]) };
    floor = ceiling;
  }
  return null;
}

/** `position` (0–1) within the kind's band splits server errors evenly between 500 and 503. */
function statusOf(kind: FakeFaultKind, position: number): number | null {
  switch (kind) {
    case 'rate_limit':
      return 429;
    case 'server_error':
      return position < 0.5 ? 500 : 503;
    case 'timeout':
      return null;
    case 'malformed':
      return 200;
    case 'bad_request':
      return 400;
  }
}
