// Sends one hostile request into the whole app and checks what every answer must satisfy: never
// a 5xx; an error is JSON with `detail`; a rejected request (and any read) wrote nothing. Problems
// are collected, not thrown, so one run lists every route and input that misbehaves.
import { sql } from 'kysely';
import type { LightMyRequestResponse } from 'fastify';
import type { TestApp } from './build-test-app.ts';

/** A status, any 4xx (`rejected`), or anything but a 5xx (legitimate input may succeed). */
export type Expectation = number | 'rejected' | 'not-5xx';

export interface HostileRequest {
  /** Names the case without ids, so SQLite and PostgreSQL answers can be compared by label. */
  readonly label: string;
  readonly method: string;
  readonly url: string;
  readonly payload?: string | Buffer;
  /** Merged over the probe's own headers; a null value removes a header. */
  readonly headers?: Readonly<Record<string, string | null>>;
  readonly expect: Expectation;
  /** Reads and check-duplicate: nothing may be written even when they succeed. */
  readonly neverWrites?: boolean;
}

export interface HostileProbe {
  send(request: HostileRequest): Promise<LightMyRequestResponse>;
  /** One line per broken promise, naming the case. */
  readonly failures: string[];
  /** label → status, for comparing dialects. */
  readonly statuses: Map<string, number>;
  /** How many requests were sent. */
  count(): number;
}

export function createHostileProbe(
  testApp: TestApp,
  headers: Readonly<Record<string, string>> = {},
): HostileProbe {
  const failures: string[] = [];
  const statuses = new Map<string, number>();
  let sent = 0;
  return {
    failures,
    statuses,
    count: () => sent,
    async send(request) {
      const before = await writeSignature(testApp);
      const merged: Record<string, string> = { ...headers };
      for (const [name, value] of Object.entries(request.headers ?? {})) {
        if (value === null) delete merged[name];
        else merged[name] = value;
      }
      const response = await testApp.app.inject({
        method: request.method as 'GET',
        url: request.url,
        headers: merged,
        ...(request.payload === undefined ? {} : { payload: request.payload }),
      });
      sent += 1;
      statuses.set(request.label, response.statusCode);
      const problems = checkAnswer(request.expect, response);
      if (response.statusCode >= 400 || request.neverWrites === true) {
        const after = await writeSignature(testApp);
        if (after !== before) problems.push(`wrote although it must not: ${before} → ${after}`);
      }
      for (const problem of problems) {
        failures.push(`${request.method} ${request.label}: ${problem}`);
      }
      return response;
    },
  };
}

function checkAnswer(expect: Expectation, response: LightMyRequestResponse): string[] {
  const status = response.statusCode;
  const excerpt = response.body.slice(0, 240);
  const problems: string[] = [];
  if (status >= 500) problems.push(`answered ${status}: ${excerpt}`);
  else if (typeof expect === 'number' && status !== expect) {
    problems.push(`answered ${status}, expected ${expect}: ${excerpt}`);
  } else if (expect === 'rejected' && (status < 400 || status >= 500)) {
    problems.push(`answered ${status}, expected a 4xx: ${excerpt}`);
  }
  if (status >= 400 && !isDetailBody(response)) {
    problems.push(`error body is not JSON {"detail": …}: ${excerpt}`);
  }
  return problems;
}

function isDetailBody(response: LightMyRequestResponse): boolean {
  if (!String(response.headers['content-type'] ?? '').startsWith('application/json')) return false;
  try {
    const body: unknown = JSON.parse(response.body);
    return typeof body === 'object' && body !== null && 'detail' in body;
  } catch {
    return false;
  }
}

/**
 * Everything a request could have written, in one round trip: row counts of every table, soft
 * deletes, revocations, and the newest version sighting (ensure-version's only write on reuse).
 * `api_keys.last_used_at` is left out: authenticating a request records it by design.
 */
export async function writeSignature(testApp: TestApp): Promise<string> {
  const { rows } = await sql<Record<string, unknown>>`
    select
      (select count(*) from prompt_templates) as templates,
      (select count(*) from prompt_templates where deleted_at is not null) as deleted_templates,
      (select count(*) from prompt_versions) as versions,
      (select max(last_seen_at) from prompt_versions) as last_seen,
      (select count(*) from prompt_results) as results,
      (select count(*) from api_keys) as api_keys,
      (select count(*) from api_keys where revoked_at is not null) as revoked_keys,
      (select count(*) from audit_log) as audit_entries
  `.execute(testApp.database.db);
  return Object.entries(rows[0] ?? {})
    .map(([name, value]) => `${name}=${String(value)}`)
    .join(' ');
}
