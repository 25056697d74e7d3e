/** Handshake scenarios on the simulated network: clean, lossy first flights, Retry, failures. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createScenario, closeInfo, hasEvent } from '../helpers/scenario.js';
import { TransportErrorCode } from '../../../src/proto/quic/errors.js';
import { createTestPki } from '../../../src/testing/test-pki.js';
import { createCertificateVerifier } from '../../../src/crypto/node-cert-verifier.js';

describe('QUIC handshake on the simulated network', () => {
  test('completes with ALPN, on both sides, and confirms (HANDSHAKE_DONE)', async () => {
    const s = await createScenario({ seed: 11, alpn: ['test', 'h3'] });
    const { client, server } = s.handshake();
    assert.equal(client.alpn, 'test');
    assert.equal(server.alpn, 'test');
    assert.equal(client.state, 'established');
    assert.equal(server.state, 'established');
    // Drive a little more: HANDSHAKE_DONE reaches the client and old keys are dropped.
    s.pair.advance(200);
    assert.ok(!hasEvent(s.events('client', client), 'closed'));
  });

  test('survives losing the first client Initial and the first server flight', async () => {
    const s = await createScenario({ seed: 12, connect: false });
    let clientDropped = 0;
    let serverDropped = 0;
    s.pair.clientToServer.dropWhere(() => clientDropped++ < 1);
    s.pair.serverToClient.dropWhere(() => serverDropped++ < 2);
    s.connect();
    const { client, server } = s.handshake({ maxTimeMs: 20_000 });
    assert.equal(client.state, 'established');
    assert.equal(server.state, 'established');
    assert.ok(s.pair.clientToServer.stats.droppedFilter >= 1);
  });

  test('works with a server Retry (address validation)', async () => {
    const s = await createScenario({ seed: 13, retry: true });
    const { client, server } = s.handshake();
    assert.equal(client.state, 'established');
    assert.equal(server.state, 'established');
    assert.equal(client.stats().retries, 1);
  });

  test('refuses a server whose ALPN does not match: CRYPTO_ERROR no_application_protocol', async () => {
    const s = await createScenario({ seed: 14, connect: false });
    const conn = s.connect({ alpnProtocols: ['nope'] });
    s.pair.drive(() => hasEvent(s.events('client', conn), 'closed'), { maxTimeMs: 10_000 });
    const info = closeInfo(s.events('client', conn))!;
    assert.equal(info.code, BigInt(TransportErrorCode.CRYPTO_ERROR_BASE + 120));
    assert.equal(info.remote, true);
  });

  test('refuses a certificate for another host (verification is on by default)', async () => {
    const s = await createScenario({ seed: 15, connect: false });
    const conn = s.connect({ serverName: 'example.com' });
    s.pair.drive(() => hasEvent(s.events('client', conn), 'closed'), { maxTimeMs: 10_000 });
    const info = closeInfo(s.events('client', conn))!;
    assert.equal(info.remote, false);
    assert.ok(info.code >= 0x100n && info.code <= 0x1ffn, `expected a CRYPTO_ERROR, got ${info.code}`);
  });

  test('times out when the server never answers', async () => {
    const s = await createScenario({ seed: 16, connect: false, clientTransport: { handshakeTimeoutMs: 3_000 } });
    s.pair.clientToServer.dropWhere(() => true);
    const conn = s.connect();
    s.pair.drive(() => hasEvent(s.events('client', conn), 'closed'), { maxTimeMs: 10_000 });
    const info = closeInfo(s.events('client', conn))!;
    assert.ok(info.kind === 'handshakeTimeout' || info.kind === 'idleTimeout');
  });

  test('closes an idle connection after max_idle_timeout', async () => {
    const s = await createScenario({ seed: 17, clientTransport: { maxIdleTimeoutMs: 2_000 }, serverTransport: { maxIdleTimeoutMs: 2_000 } });
    const { client } = s.handshake();
    s.pair.drive(() => hasEvent(s.events('client', client), 'closed'), { maxTimeMs: 10_000 });
    assert.equal(closeInfo(s.events('client', client))!.kind, 'idleTimeout');
  });

  test('mutual TLS: the server requests and verifies a client certificate', async () => {
    const clientPki = await createTestPki({ keyType: 'ec-p256', hostnames: ['client.test'] });
    const pki = await createTestPki({ keyType: 'ec-p256', hostnames: ['localhost'] });
    const m = await createScenario({
      seed: 19, connect: false, pki,
      serverConfig: {
        tls: {
          certificateChain: pki.chain, signingKey: pki.signingKey, alpnProtocols: ['test'],
          requestClientCertificate: true,
          clientCertificateVerifier: createCertificateVerifier({ ca: [clientPki.caDer] })!,
        },
      },
    });
    m.connect({ clientCertificate: { chain: clientPki.chain, key: clientPki.signingKey } });
    const { server } = m.handshake();
    assert.equal(server.peerCertificates.length >= 1, true);
    assert.deepEqual(Buffer.from(server.peerCertificates[0]!), Buffer.from(clientPki.leafDer));

    // Without a certificate the server refuses the client (certificate_required, alert 116).
    const r = await createScenario({
      seed: 20, connect: false, pki,
      serverConfig: {
        tls: {
          certificateChain: pki.chain, signingKey: pki.signingKey, alpnProtocols: ['test'],
          requestClientCertificate: true,
          clientCertificateVerifier: createCertificateVerifier({ ca: [clientPki.caDer] })!,
        },
      },
    });
    const conn = r.connect();
    r.pair.drive(() => hasEvent(r.events('client', conn), 'closed'), { maxTimeMs: 10_000 });
    assert.equal(closeInfo(r.events('client', conn))!.code, BigInt(TransportErrorCode.CRYPTO_ERROR_BASE + 116));
  });

  test('a client closing the moment its handshake completes still lets the server complete and read the close', async () => {
    const s = await createScenario({ seed: 21, connect: false });
    const previous = s.pair.onEvent;
    s.pair.onEvent = (side, ev, pair) => {
      previous?.(side, ev, pair);
      // Close before the client's Finished has been transmitted (events drain before transmits).
      if (side === 'client' && ev.type === 'connection' && ev.event.type === 'handshakeCompleted') {
        ev.connection.close(pair.now(), 77n, 'bye early');
      }
    };
    s.connect();
    s.pair.drive(() => {
      const server = s.serverConnection;
      return server !== undefined && hasEvent(s.events('server', server), 'closed');
    }, { maxTimeMs: 10_000 });
    const serverEvents = s.events('server', s.serverConnection!);
    assert.ok(hasEvent(serverEvents, 'handshakeCompleted'), 'the server completed its handshake');
    const info = closeInfo(serverEvents)!;
    assert.equal(info.code, 77n);
    assert.equal(info.reason, 'bye early');
    assert.equal(info.remote, true);
  });

  test('an application close reaches the peer with its code and reason', async () => {
    const s = await createScenario({ seed: 18 });
    const { client, server } = s.handshake();
    client.close(s.pair.now(), 42n, 'bye');
    s.pair.flush();
    s.pair.drive(() => hasEvent(s.events('server', server), 'closed'), { maxTimeMs: 5_000 });
    const info = closeInfo(s.events('server', server))!;
    assert.equal(info.code, 42n);
    assert.equal(info.reason, 'bye');
    assert.equal(info.application, true);
    assert.equal(info.remote, true);
  });
});
