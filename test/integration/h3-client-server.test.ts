/**
 * Our HTTP/3 client against our HTTP/3 server over real loopback UDP: GET, a 1 MB POST echo,
 * 300 concurrent requests on one connection (more than the QUIC stream limit of 100), 404,
 * trailers, a handler error (500), and graceful close with GOAWAY from either side.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { Http3Client, Http3Server, type Http3RequestHandler } from '../../src/api/http3/index.js';
import { createTestPki } from '../../src/testing/test-pki.js';
import { createCertificateVerifier } from '../../src/crypto/node-cert-verifier.js';

type TestPki = Awaited<ReturnType<typeof createTestPki>>;

/** Deterministic bytes for /bytes/N so the client can check them. */
function pattern(n: number): Uint8Array {
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) out[i] = (i * 7 + 3) & 0xff;
  return out;
}

const handler: Http3RequestHandler = async (req, res) => {
  if (req.method === 'GET' && req.path.startsWith('/bytes/')) {
    const n = Number(req.path.slice(7));
    res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': n });
    const body = pattern(n);
    for (let at = 0; at < n; at += 64 * 1024) await res.write(body.subarray(at, Math.min(n, at + 64 * 1024)));
    await res.end();
  } else if (req.method === 'POST' && req.path === '/echo') {
    res.writeHead(200, { 'content-type': req.header('content-type') ?? 'application/octet-stream' });
    for await (const chunk of req.body) await res.write(chunk);
    await res.end();
  } else if (req.path === '/trailers') {
    res.writeHead(200);
    await res.write('with trailers');
    await res.end({ 'x-checksum': 'abc' });
  } else if (req.path === '/throw') {
    throw new Error('handler failure');
  } else if (req.path.startsWith('/slow/')) {
    await new Promise((r) => setTimeout(r, Number(req.path.slice(6))));
    res.writeHead(200);
    await res.end();
  } else {
    res.writeHead(404, { 'content-type': 'text/plain' });
    await res.write('not found');
    await res.end();
  }
};

describe('HTTP/3 client <-> server over loopback', () => {
  let pki: TestPki;
  let server: Http3Server;
  let client: Http3Client;
  const handlerErrors: unknown[] = [];

  before(async () => {
    pki = await createTestPki({ keyType: 'ec-p256', hostnames: ['localhost', '127.0.0.1'] });
    server = await Http3Server.listen({
      host: '127.0.0.1', port: 0, certificateChain: pki.chain, signingKey: pki.signingKey, handler,
      onError: (e) => handlerErrors.push(e),
    });
    client = await Http3Client.connect({
      host: '127.0.0.1', port: server.address.port, serverName: 'localhost',
      verifier: createCertificateVerifier({ ca: [pki.caPem] })!, signal: AbortSignal.timeout(5000),
    });
  });

  after(async () => {
    await client?.close({ timeoutMs: 500 });
    await server?.close({ timeoutMs: 500 });
  });

  test('GET returns status, headers and a 100 kB body', async () => {
    const res = await client.request({ path: '/bytes/100000' });
    assert.equal(res.status, 200);
    assert.equal(res.header('content-type'), 'application/octet-stream');
    assert.equal(res.header('content-length'), '100000');
    const body = await res.bytes();
    assert.deepEqual(Buffer.from(body), Buffer.from(pattern(100_000)));
  });

  test('POST /echo streams 1 MB back byte for byte', async () => {
    const payload = randomBytes(1024 * 1024);
    const res = await client.request({ method: 'POST', path: '/echo', headers: { 'content-type': 'x/test' }, body: payload });
    assert.equal(res.status, 200);
    assert.equal(res.header('content-type'), 'x/test');
    const got = Buffer.from(await res.arrayBuffer());
    assert.equal(got.length, payload.length);
    assert.equal(createHash('sha256').update(got).digest('hex'), createHash('sha256').update(payload).digest('hex'));
  });

  test('POST with a streamed (async iterable) body', async () => {
    async function* parts(): AsyncGenerator<Uint8Array> {
      for (let i = 0; i < 10; i++) yield new TextEncoder().encode(`part ${i};`);
    }
    const res = await client.request({ method: 'POST', path: '/echo', body: parts() });
    assert.equal(await res.text(), Array.from({ length: 10 }, (_, i) => `part ${i};`).join(''));
  });

  test('300 concurrent requests multiplexed on one connection', async () => {
    const sizes = Array.from({ length: 300 }, (_, i) => 100 + i * 13);
    const results = await Promise.all(sizes.map(async (n) => {
      const res = await client.request({ path: `/bytes/${n}` });
      return { status: res.status, body: await res.bytes() };
    }));
    const ids = new Set<number>();
    results.forEach((r, i) => {
      assert.equal(r.status, 200);
      assert.deepEqual(Buffer.from(r.body), Buffer.from(pattern(sizes[i]!)), `body of request ${i}`);
    });
    for (const r of results) ids.add(r.body.length);
    assert.equal(ids.size, 300);
  });

  test('unknown path gives 404 with a body', async () => {
    const res = await client.request({ path: '/nope' });
    assert.equal(res.status, 404);
    assert.equal(await res.text(), 'not found');
  });

  test('trailers reach the client after the body', async () => {
    const res = await client.request({ path: '/trailers' });
    assert.equal(await res.text(), 'with trailers');
    assert.deepEqual(res.trailers, [['x-checksum', 'abc']]);
  });

  test('a throwing handler answers 500 and the connection stays usable', async () => {
    const res = await client.request({ path: '/throw' });
    assert.equal(res.status, 500);
    assert.equal((await res.bytes()).length, 0);
    assert.equal(handlerErrors.length, 1);
    const again = await client.request({ path: '/bytes/10' });
    assert.equal(again.status, 200);
    assert.equal((await again.bytes()).length, 10);
  });
});

describe('HTTP/3 graceful close with GOAWAY', () => {
  let pki: TestPki;
  before(async () => {
    pki = await createTestPki({ keyType: 'ec-p256', hostnames: ['localhost', '127.0.0.1'] });
  });

  test('server close: GOAWAY reaches the client, the request in flight completes, new ones are refused', async () => {
    const server = await Http3Server.listen({ host: '127.0.0.1', port: 0, certificateChain: pki.chain, signingKey: pki.signingKey, handler });
    const client = await Http3Client.connect({ host: '127.0.0.1', port: server.address.port, serverName: 'localhost', insecure: true });
    try {
      const slow = client.request({ path: '/slow/300' });
      await new Promise((r) => setTimeout(r, 100)); // the request is on the server now
      const closing = server.close({ timeoutMs: 3000 });
      const goaway = await client.whenGoaway();
      assert.equal(goaway, 4, 'GOAWAY id = one past the last request stream (0) the server accepted');
      const res = await slow;
      assert.equal(res.status, 200, 'the request in progress was served before the close');
      await assert.rejects(client.request({ path: '/bytes/1' }), /GOAWAY/);
      await closing;
      const info = await client.closed;
      assert.equal(info.code, 0x100n, 'closed with H3_NO_ERROR');
      assert.equal(info.remote, true);
    } finally {
      await client.close({ timeoutMs: 100 });
      await server.close();
    }
  });

  test('client close: GOAWAY then H3_NO_ERROR; the server sees the connection go', async () => {
    const server = await Http3Server.listen({ host: '127.0.0.1', port: 0, certificateChain: pki.chain, signingKey: pki.signingKey, handler });
    const client = await Http3Client.connect({ host: '127.0.0.1', port: server.address.port, serverName: 'localhost', insecure: true });
    try {
      const res = await client.request({ path: '/bytes/5' });
      assert.equal((await res.bytes()).length, 5);
      assert.equal(server.connectionCount, 1);
      await client.close({ timeoutMs: 1000 });
      const info = await client.closed;
      assert.equal(info.code, 0x100n);
      assert.equal(info.remote, false);
      for (let i = 0; i < 50 && server.connectionCount > 0; i++) await new Promise((r) => setTimeout(r, 20));
      assert.equal(server.connectionCount, 0, 'the server dropped the connection after the client closed it');
    } finally {
      await server.close();
    }
  });
});
