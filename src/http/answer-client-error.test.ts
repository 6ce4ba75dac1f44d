// Real: the whole app on SQLite, listening on a loopback port; requests are raw bytes on a socket
// (net.connect), because the cases below are ones no HTTP client library will send.
import assert from 'node:assert/strict';
import net from 'node:net';
import { after, before, describe, it } from 'node:test';
import { buildTestApp, type TestApp } from '../../test/helpers/build-test-app.ts';
import { sqliteDialect } from '../../test/helpers/test-databases.ts';

interface RawResponse {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: string;
}

describe('HTTP framing errors answer {"detail": …}', () => {
  let testApp: TestApp;
  let port: number;

  before(async () => {
    testApp = await buildTestApp(sqliteDialect);
    await testApp.app.listen({ host: '127.0.0.1', port: 0 });
    port = (testApp.app.server.address() as net.AddressInfo).port;
  });
  after(() => testApp.close());

  /** Sends `request` as it is and reads the first response until the server closes or 2 s pass. */
  function send(request: string): Promise<RawResponse> {
    return new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      const socket = net.connect(port, '127.0.0.1', () => socket.write(request));
      const finish = () => {
        clearTimeout(timer);
        socket.destroy();
        const text = Buffer.concat(chunks).toString('utf8');
        const end = text.indexOf('\r\n\r\n');
        if (end < 0) return reject(new Error(`no response: ${JSON.stringify(text)}`));
        const [statusLine = '', ...lines] = text.slice(0, end).split('\r\n');
        const headers: Record<string, string> = {};
        for (const line of lines) {
          const colon = line.indexOf(':');
          headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
        }
        let body = text.slice(end + 4);
        const length = headers['content-length'];
        if (length !== undefined) body = Buffer.from(body).subarray(0, Number(length)).toString();
        resolve({ status: Number(statusLine.split(' ')[1]), headers, body });
      };
      const timer = setTimeout(finish, 2000);
      socket.on('data', (chunk: Buffer) => chunks.push(chunk));
      socket.on('close', finish);
      socket.on('error', () => undefined);
    });
  }

  function assertDetail(response: RawResponse, status: number, code: string): void {
    assert.equal(response.status, status, response.body);
    assert.match(response.headers['content-type'] ?? '', /^application\/json/);
    const parsed = JSON.parse(response.body) as { detail: { code: string; message: string } };
    assert.deepEqual(Object.keys(parsed), ['detail']);
    assert.equal(parsed.detail.code, code);
    assert.equal(typeof parsed.detail.message, 'string');
  }

  it('a URL past the header size limit is a 431', async () => {
    const response = await send(`GET /health?${'a'.repeat(20_000)} HTTP/1.1\r\nHost: x\r\n\r\n`);
    assertDetail(response, 431, 'HEADERS_TOO_LARGE');
  });

  it('headers past the size limit are a 431', async () => {
    const response = await send(
      `GET /health HTTP/1.1\r\nHost: x\r\nX-Big: ${'b'.repeat(20_000)}\r\n\r\n`,
    );
    assertDetail(response, 431, 'HEADERS_TOO_LARGE');
  });

  it('Content-Length beside Transfer-Encoding is a 400', async () => {
    const response = await send(
      'POST /api/prompt-templates HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n' +
        'Content-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n',
    );
    assertDetail(response, 400, 'BAD_REQUEST');
    assert.match(response.body, /Transfer-Encoding/);
  });

  it('a duplicate Content-Length is a 400', async () => {
    const response = await send(
      'POST /api/prompt-templates HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n' +
        'Content-Length: 2\r\nContent-Length: 3\r\n\r\n{}',
    );
    assertDetail(response, 400, 'BAD_REQUEST');
    assert.match(response.body, /Content-Length/);
  });

  it('bytes that are not HTTP are a 400', async () => {
    assertDetail(await send('HELLO THERE\r\n\r\n'), 400, 'BAD_REQUEST');
  });

  it('an HTTP/1.1 request without Host is a 400 with the security headers; HTTP/1.0 needs none', async () => {
    const response = await send('GET /health HTTP/1.1\r\nConnection: close\r\n\r\n');
    assertDetail(response, 400, 'BAD_REQUEST');
    assert.match(response.body, /Host/);
    assert.equal(response.headers['x-content-type-options'], 'nosniff');
    assert.ok(response.headers['content-security-policy'], 'helmet ran first');
    const old = await send('GET /health HTTP/1.0\r\n\r\n');
    assert.equal(old.status, 200, old.body);
  });

  it('a well-framed request on the same server still works', async () => {
    const response = await send('GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    assert.equal(response.status, 200);
    assert.equal(JSON.parse(response.body).status, 'ok');
  });
});

describe('bodies Prompter cannot read are a 415', () => {
  let testApp: TestApp;
  before(async () => {
    testApp = await buildTestApp(sqliteDialect);
  });
  after(() => testApp.close());

  const post = (headers: Record<string, string>, payload: string | Buffer) =>
    testApp.app.inject({
      method: 'POST',
      url: '/api/prompt-templates/check-duplicate',
      headers,
      payload,
    });

  it('a Content-Encoding the server does not decode', async () => {
    for (const encoding of ['gzip', 'br', 'deflate', 'x-custom']) {
      const response = await post(
        { 'content-type': 'application/json', 'content-encoding': encoding },
        '{}',
      );
      assert.equal(response.statusCode, 415, `${encoding}: ${response.body}`);
      assert.equal(response.json().detail.code, 'UNSUPPORTED_MEDIA_TYPE');
      assert.match(response.json().detail.message, /Content-Encoding/);
    }
  });

  it('a charset other than UTF-8', async () => {
    for (const charset of ['latin1', 'utf-16', '"iso-8859-1"']) {
      const response = await post(
        { 'content-type': `application/json; charset=${charset}` },
        Buffer.from('{"workspace_id":"caf\u00e9"}', 'latin1'),
      );
      assert.equal(response.statusCode, 415, `${charset}: ${response.body}`);
      assert.match(response.json().detail.message, /UTF-8/);
    }
  });

  it('UTF-8 (any spelling) and identity still parse', async () => {
    for (const headers of <Record<string, string>[]>[
      { 'content-type': 'application/json; charset=UTF-8' },
      { 'content-type': 'application/json;charset="utf8"' },
      { 'content-type': 'application/json', 'content-encoding': 'identity' },
    ]) {
      const response = await post(headers, '{"workspace_id":"w"}');
      assert.equal(response.statusCode, 422, response.body);
      assert.deepEqual(response.json().detail[0].loc.slice(0, 1), ['body']);
    }
  });
});
