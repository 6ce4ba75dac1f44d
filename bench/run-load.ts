import autocannon from 'autocannon';

export interface LoadScenario {
  readonly baseUrl: string;
  readonly path: string;
  readonly connections: number;
  readonly durationSeconds: number;
  /**
   * JSON request bodies: a list every connection cycles through, built once (cheapest for the
   * load generator, which shares the CPU with the server), or a function called per request for
   * bodies that must never repeat.
   */
  readonly bodies: readonly string[] | (() => string);
}

export interface LoadSummary {
  readonly requestsPerSecond: number;
  readonly latencyP50Ms: number;
  readonly latencyP975Ms: number;
  readonly latencyP99Ms: number;
  readonly totalRequests: number;
  readonly non2xx: number;
  /** Connection errors, timeouts included. */
  readonly errors: number;
  readonly timeouts: number;
  /** Responses per HTTP status, e.g. `{ "200": 41234 }`. */
  readonly statusCounts: Readonly<Record<string, number>>;
}

/** Sends POST requests with a JSON body from `bodies` for `durationSeconds` and summarises them. */
export async function runLoad(scenario: LoadScenario): Promise<LoadSummary> {
  const statusCounts: Record<string, number> = {};
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: scenario.baseUrl,
        connections: scenario.connections,
        duration: scenario.durationSeconds,
        requests: toRequests(scenario),
      },
      (error: unknown, finished) => {
        if (error)
          reject(error instanceof Error ? error : new Error('autocannon failed', { cause: error }));
        else resolve(finished);
      },
    );
    instance.on('response', (_client, statusCode) => {
      statusCounts[statusCode] = (statusCounts[statusCode] ?? 0) + 1;
    });
  });
  return {
    requestsPerSecond: result.requests.average,
    latencyP50Ms: result.latency.p50,
    latencyP975Ms: result.latency.p97_5,
    latencyP99Ms: result.latency.p99,
    totalRequests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    statusCounts,
  };
}

function toRequests(scenario: LoadScenario): autocannon.Request[] {
  const request = {
    method: 'POST',
    path: scenario.path,
    headers: { 'content-type': 'application/json' },
  } as const;
  const bodies = scenario.bodies;
  if (typeof bodies === 'function') {
    return [{ ...request, setupRequest: (built) => ({ ...built, body: bodies() }) }];
  }
  return bodies.map((body) => ({ ...request, body }));
}
