/**
 * CONNECT-UDP (RFC 9298) over real loopback UDP: WebTransportClient with `proxy` -> our
 * ConnectUdpProxy -> our WebTransportServer (streams and datagrams end to end inside the tunnel),
 * refusals (403 target, 407 auth, 400 path) as typed errors, a killed tunnel closing the session,
 * and a raw tunnel from ConnectUdpClient to a node:dgram echo with bytes intact (datagrams and the
 * DATAGRAM-capsule fallback for payloads too large for a QUIC DATAGRAM).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { createSocket, type Socket } from 'node:dgram';
import { createTestPki } from '../../src/testing/test-pki.js';
import { WebTransportClient } from '../../src/api/client.js';
import { WebTransportServer } from '../../src/api/server.js';
import type { WebTransportSession } from '../../src/api/session.js';
import { ConnectUdpClient, ProxyConnectError, type ConnectUdpTunnel, type ProxyOptions } from '../../src/api/proxy/index.js';
import { ConnectUdpProxy, isLoopbackAddress } from '../../src/proxy/index.js';

type TestPki = Awaited<ReturnType<typeof createTestPki>>;

const text = (b: Uint8Array): string => new TextDecoder().decode(b);
const AUTH = { 'proxy-authorization': `Basic ${Buffer.from('alice:secret').toString('base64')}` };

function within<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return Promise.race([p, new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(`${what}: no result within ${ms} ms`)), ms); })])
    .finally(() => clearTimeout(timer));
}

async function echo(session: WebTransportSession): Promise<void> {
  void (async () => {
    for await (const stream of session.incomingBidirectionalStreams) {
      void (async () => {
        for await (const chunk of stream) await stream.write(chunk);
        await stream.close();
      })().catch(() => {});
    }
  })().catch(() => {});
  void (async () => {
    for await (const stream of session.incomingUnidirectionalStreams) {
      void (async () => {
        const data = await stream.readAll();
        const out = await session.createUnidirectionalStream();
        await out.write(data, { endStream: true });
      })().catch(() => {});
    }
  })().catch(() => {});
  void (async () => {
    for await (const d of session.datagrams) session.datagrams.trySend(d);
  })().catch(() => {});
}

/** Sends each payload until it came back (datagrams may be lost, never corrupted). */
async function roundTrip(send: (p: Uint8Array) => void, received: Uint8Array[], payloads: Uint8Array[]): Promise<void> {
  const key = (b: Uint8Array): string => Buffer.from(b).toString('hex');
  const want = new Set(payloads.map(key));
  for (let round = 0; round < 40 && want.size > 0; round++) {
    for (const p of payloads) if (want.has(key(p))) send(p);
    await new Promise((r) => setTimeout(r, 50));
    for (const r of received.splice(0)) {
      assert.ok(payloads.some((p) => key(p) === key(r)), 'a payload came back altered');
      want.delete(key(r));
    }
  }
  assert.equal(want.size, 0, `${want.size} payloads never came back`);
}

describe('CONNECT-UDP proxy over loopback', () => {
  let pki: TestPki;
  let server: WebTransportServer;
  let proxy: ConnectUdpProxy;
  let udpEcho: Socket;
  let udpEchoPort: number;
  let proxyOptions: ProxyOptions;
  const answered: number[] = [];

  before(async () => {
    pki = await createTestPki({ keyType: 'ec-p256', hostnames: ['localhost', '127.0.0.1'] });
    server = await WebTransportServer.listen({ host: '127.0.0.1', port: 0, certificateChain: pki.chain, signingKey: pki.signingKey });
    void (async () => {
      for await (const request of server) void echo(request.accept());
    })();
    udpEcho = createSocket('udp4');
    udpEcho.on('message', (msg, rinfo) => udpEcho.send(msg, rinfo.port, rinfo.address));
    await new Promise<void>((resolve) => udpEcho.bind(0, '127.0.0.1', resolve));
    udpEchoPort = udpEcho.address().port;
    proxy = await ConnectUdpProxy.listen({
      host: '127.0.0.1', port: 0, certificateChain: pki.chain, signingKey: pki.signingKey,
      credentials: { username: 'alice', password: 'secret' },
      // Loopback only (the default), and only the two services of this test.
      allowTarget: (address, port) => isLoopbackAddress(address) && (port === server.address.port || port === udpEchoPort),
      onRequest: (info) => answered.push(info.status),
    });
    proxyOptions = { url: proxy.url, ca: pki.caPem, headers: AUTH, connectTimeoutMs: 5000 };
  });

  after(async () => {
    await proxy?.close();
    await server?.close({ timeoutMs: 200 });
    udpEcho?.close();
  });

  test('a WebTransport session runs end to end through the tunnel: streams, datagrams, close', async () => {
    const client = new WebTransportClient({ proxy: proxyOptions });
    try {
      const opened = proxy.stats.tunnelsOpened;
      const session = await client.connect(`https://localhost:${server.address.port}/echo`, { ca: pki.caPem, timeoutMs: 10_000 });
      assert.equal(proxy.stats.tunnelsOpened, opened + 1, 'the session went through the proxy');

      const bidi = await session.createBidirectionalStream();
      const big = randomBytes(200 * 1024);
      const [back] = await Promise.all([bidi.readAll(), bidi.writeAll(big, { chunkSize: 16 * 1024 })]);
      assert.deepEqual(Buffer.from(back), big);

      const uni = await session.createUnidirectionalStream();
      await uni.write('hello over uni', { endStream: true });
      const incoming = await session.incomingUnidirectionalStreams[Symbol.asyncIterator]().next();
      assert.equal(text(await incoming.value!.readAll()), 'hello over uni');

      assert.ok(session.datagrams.maxDatagramSize > 1000, `maxDatagramSize ${session.datagrams.maxDatagramSize}`);
      const got: Uint8Array[] = [];
      void (async () => { for await (const d of session.datagrams) got.push(d); })().catch(() => {});
      const payloads = [0, 1, 2, 3].map((i) => new TextEncoder().encode(`datagram ${i}`));
      payloads.push(randomBytes(session.datagrams.maxDatagramSize));
      await roundTrip((p) => session.datagrams.trySend(p), got, payloads);

      const relay = proxy.relays.at(-1)!;
      assert.ok(relay.stats.toTarget > 0 && relay.stats.fromTarget > 0, 'packets were relayed both ways');
      await session.close({ code: 5, reason: 'done' });
      const info = await within(session.closed, 5000, 'session close');
      assert.equal(info.code, 5);
    } finally {
      await client.close();
    }
  });

  test('a target the proxy does not allow is refused with 403 as ProxyConnectError', async () => {
    const client = new WebTransportClient({ proxy: proxyOptions });
    try {
      await assert.rejects(client.connect(`https://127.0.0.1:${udpEchoPort + 1 === server.address.port ? udpEchoPort + 2 : udpEchoPort + 1}/echo`, { ca: pki.caPem, timeoutMs: 5000 }),
        (e: unknown) => e instanceof ProxyConnectError && e.status === 403 && /destination_ip_prohibited/.test(e.headers.find(([n]) => n === 'proxy-status')?.[1] ?? ''));
    } finally {
      await client.close();
    }
  });

  test('wrong proxy credentials are refused with 407 as ProxyConnectError', async () => {
    const client = new WebTransportClient({ proxy: { ...proxyOptions, headers: { 'proxy-authorization': 'Basic bm9ib2R5Om5v' } } });
    try {
      await assert.rejects(client.connect(`https://localhost:${server.address.port}/echo`, { ca: pki.caPem, timeoutMs: 5000 }),
        (e: unknown) => e instanceof ProxyConnectError && e.status === 407 && e.headers.some(([n]) => n === 'proxy-authenticate'));
    } finally {
      await client.close();
    }
  });

  test('the proxy certificate is verified by default', async () => {
    const client = new WebTransportClient({ proxy: { url: proxy.url, headers: AUTH, connectTimeoutMs: 5000 } });
    try {
      await assert.rejects(client.connect(`https://localhost:${server.address.port}/echo`, { ca: pki.caPem, timeoutMs: 5000 }),
        (e: unknown) => e instanceof Error && e.name === 'ProxyError' && /certificate|closed/i.test(e.message));
    } finally {
      await client.close();
    }
  });

  test('killing the tunnel closes the client session without a hang', async () => {
    const client = new WebTransportClient({ proxy: proxyOptions });
    try {
      const session = await client.connect(`https://localhost:${server.address.port}/echo`, { ca: pki.caPem, timeoutMs: 10_000 });
      const relay = proxy.relays.at(-1)!;
      relay.close();
      const info = await within(session.closed, 5000, 'session close after the tunnel died');
      assert.ok(info !== undefined);
      assert.notEqual(session.state, 'connected');
    } finally {
      await client.close();
    }
  });

  describe('raw tunnels from ConnectUdpClient to a node:dgram echo', () => {
    let proxyClient: ConnectUdpClient;

    before(async () => {
      proxyClient = await ConnectUdpClient.connect(proxyOptions);
    });

    after(async () => {
      await proxyClient?.close();
    });

    const collect = (tunnel: ConnectUdpTunnel): Uint8Array[] => {
      const got: Uint8Array[] = [];
      tunnel.onDatagram((p) => got.push(p.slice()));
      return got;
    };

    test('bytes come back intact, as datagrams and as DATAGRAM capsules when too large', async () => {
      const tunnel = await proxyClient.openTunnel('127.0.0.1', udpEchoPort);
      const got = collect(tunnel);
      const small = [new Uint8Array(0), new Uint8Array([0, 1, 2, 255]), randomBytes(1000)];
      await roundTrip((p) => tunnel.send(p), got, small);
      assert.ok(tunnel.stats.datagramsSent > 0 && tunnel.stats.datagramsReceived > 0);
      // Above the QUIC DATAGRAM room: the capsule fallback carries it both ways.
      const large = [randomBytes(tunnel.maxDatagramPayload + 100), randomBytes(4000)];
      await roundTrip((p) => tunnel.send(p), got, large);
      assert.ok(tunnel.stats.capsulesSent > 0 && tunnel.stats.capsulesReceived > 0, JSON.stringify(tunnel.stats));
      tunnel.close();
      const info = await tunnel.closed;
      assert.equal(info.remote, false);
    });

    test('a target name is resolved by the proxy', async () => {
      const tunnel = await proxyClient.openTunnel('localhost', udpEchoPort);
      const got = collect(tunnel);
      await roundTrip((p) => tunnel.send(p), got, [new TextEncoder().encode('by name')]);
      tunnel.close();
    });

    test('an IPv6 target (::1) goes through percent-encoded', async (t) => {
      const echo6 = createSocket('udp6');
      echo6.on('message', (msg, rinfo) => echo6.send(msg, rinfo.port, rinfo.address));
      echo6.on('error', () => {});
      try {
        await new Promise<void>((resolve, reject) => {
          echo6.once('error', reject);
          echo6.bind(udpEchoPort, '::1', resolve);
        });
      } catch {
        echo6.close();
        t.skip('no IPv6 loopback here (or its port is taken)');
        return;
      }
      try {
        const tunnel = await proxyClient.openTunnel('::1', udpEchoPort);
        const got = collect(tunnel);
        await roundTrip((p) => tunnel.send(p), got, [new TextEncoder().encode('over ::1')]);
        tunnel.close();
      } finally {
        echo6.close();
      }
    });

    test('several tunnels share one proxy connection', async () => {
      const tunnels = await Promise.all([1, 2, 3].map(() => proxyClient.openTunnel('127.0.0.1', udpEchoPort)));
      assert.ok(proxyClient.tunnelCount >= 3);
      await Promise.all(tunnels.map(async (t, i) => {
        const got = collect(t);
        await roundTrip((p) => t.send(p), got, [new TextEncoder().encode(`tunnel ${i}`)]);
        t.close();
      }));
    });

    test('a path that does not match the template is answered 400', async () => {
      const other = await ConnectUdpClient.connect({ ...proxyOptions, template: '/not-masque/{target_host}/{target_port}' });
      try {
        await assert.rejects(other.openTunnel('127.0.0.1', udpEchoPort), (e: unknown) => e instanceof ProxyConnectError && e.status === 400);
      } finally {
        await other.close();
      }
    });

    test('the proxy closing the tunnel is seen by the client', async () => {
      const tunnel = await proxyClient.openTunnel('127.0.0.1', udpEchoPort);
      proxy.relays.at(-1)!.close();
      const info = await within(tunnel.closed, 5000, 'tunnel close');
      assert.equal(info.remote, true);
    });
  });

  test('every refusal was answered with its status', () => {
    for (const status of [200, 400, 403, 407]) assert.ok(answered.includes(status), `status ${status} seen: ${answered.join(',')}`);
  });
});
