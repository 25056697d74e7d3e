/**
 * PMTU discovery over real loopback UDP: a 5 MB echo moves in packets larger than 1452 bytes once
 * probes show the loopback path carries them, and both ends see the same validated size.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { QuicEndpoint } from '../../src/runtime/quic-endpoint.js';
import type { QuicConnection } from '../../src/runtime/quic-connection.js';
import { serveEcho } from '../../src/cli/echo-server.js';
import { createTestPki } from '../../src/testing/test-pki.js';
import { createCertificateVerifier } from '../../src/crypto/node-cert-verifier.js';

async function readAll(stream: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  for await (const c of stream) chunks.push(c);
  return Buffer.concat(chunks);
}

describe('PMTU discovery over loopback UDP', () => {
  let server: QuicEndpoint;
  let client: QuicConnection;

  before(async () => {
    const pki = await createTestPki({ keyType: 'ec-p256', hostnames: ['localhost', '127.0.0.1'] });
    server = await QuicEndpoint.listen({
      host: '127.0.0.1', port: 0, alpnProtocols: ['echo'], certificateChain: pki.chain, signingKey: pki.signingKey,
    });
    void serveEcho(server);
    client = await QuicEndpoint.connect({
      host: '127.0.0.1', port: server.address.port, serverName: 'localhost', alpnProtocols: ['echo'],
      verifier: createCertificateVerifier({ ca: [pki.caPem] }), signal: AbortSignal.timeout(5000),
    });
  });

  after(async () => {
    await client?.[Symbol.asyncDispose]();
    await server?.close({ timeoutMs: 500 });
  });

  test('a 5 MB echo reaches packets larger than 1452 bytes', async () => {
    const payload = randomBytes(5 * 1024 * 1024);
    const stream = await client.openBidirectionalStream();
    const echoed = readAll(stream);
    for (let i = 0; i < payload.length; i += 256 * 1024) await stream.write(payload.subarray(i, i + 256 * 1024));
    await stream.end();
    assert.ok((await echoed).equals(payload), 'echo intact');
    const stats = client.stats();
    assert.ok(stats.maxPacketSize > 1452, `client packet size ${stats.maxPacketSize}`);
    // Far fewer datagrams than 1452-byte packets would need for 5 MB each way.
    assert.ok(stats.datagramsSent < (5 * 1024 * 1024) / 1452, `datagrams sent ${stats.datagramsSent}`);
  });
});
