// A local stand-in for a model provider's HTTP API, for adapter tests (STYLE point 14): a real
// node:http server on 127.0.0.1 and an ephemeral port. Tests queue canned responses per path and
// read back every request it received; nothing here knows any provider.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface CannedResponse {
  /** Defaults to 200. */
  readonly status?: number;
  readonly headers?: Readonly<Record<string, string>>;
  /** Sent as JSON (with `content-type: application/json` unless `headers` names one). */
  readonly body?: unknown;
  /** Sent verbatim instead of `body`, for bodies that are not valid JSON. */
  readonly rawBody?: string;
  /** Wait this long before answering, to trip a client's timeout. */
  readonly delayMs?: number;
  /** Read the request and never answer, as a hung provider does (the socket stays open). */
  readonly neverAnswer?: boolean;
}

export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  /** Lower-cased names, as node:http gives them; repeated headers joined with ", ". */
  readonly headers: Readonly<Record<string, string>>;
  readonly rawBody: string;
  /** The body parsed as JSON; null when it is empty or not JSON. */
  readonly body: unknown;
}

export interface FakeProviderServer {
  /** `http://127.0.0.1:<port>`, without a trailing slash. */
  readonly baseUrl: string;
  /** Every request received, in order of arrival. */
  readonly requests: readonly RecordedRequest[];
  /** Queues responses for a path (no query string); each request takes the next one. */
  respondTo(path: string, ...responses: CannedResponse[]): void;
  close(): Promise<void>;
}

export async function startFakeProviderServer(): Promise<FakeProviderServer> {
  const queues = new Map<string, CannedResponse[]>();
  const requests: RecordedRequest[] = [];
  const pendingTimers = new Set<NodeJS.Timeout>();

  const server = createServer((request, response) => {
    void readBody(request).then((rawBody) => {
      const url = new URL(request.url ?? '/', 'http://127.0.0.1');
      requests.push({
        method: request.method ?? 'GET',
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        headers: flattenHeaders(request),
        rawBody,
        body: parseJsonOrNull(rawBody),
      });
      const canned = queues.get(url.pathname)?.shift() ?? nothingQueued(request.method, url);
      if (canned.neverAnswer === true) return;
      const send = (): void => {
        pendingTimers.delete(timer);
        writeCanned(response, canned);
      };
      const timer = setTimeout(send, canned.delayMs ?? 0);
      pendingTimers.add(timer);
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    respondTo(path, ...responses) {
      queues.set(path, [...(queues.get(path) ?? []), ...responses]);
    },
    async close() {
      for (const timer of pendingTimers) clearTimeout(timer);
      pendingTimers.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      );
    },
  };
}

function writeCanned(response: ServerResponse, canned: CannedResponse): void {
  // The client may have given up (a timeout test) and closed the socket already.
  if (response.destroyed || response.writableEnded) return;
  const payload = canned.rawBody ?? (canned.body === undefined ? '' : JSON.stringify(canned.body));
  const headers: Record<string, string> = { ...canned.headers };
  const named = Object.keys(headers).map((name) => name.toLowerCase());
  if (
    canned.rawBody === undefined &&
    canned.body !== undefined &&
    !named.includes('content-type')
  ) {
    headers['content-type'] = 'application/json';
  }
  response.writeHead(canned.status ?? 200, headers);
  response.end(payload);
}

function nothingQueued(method: string | undefined, url: URL): CannedResponse {
  const message = `fake provider server: nothing queued for ${method ?? 'GET'} ${url.pathname}`;
  return { status: 404, body: { error: { message } } };
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function flattenHeaders(request: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

function parseJsonOrNull(text: string): unknown {
  if (text === '') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}
