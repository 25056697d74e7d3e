/**
 * Mutual TLS through the config: client certfile/keyfile, server verifyMode + caCerts, and the
 * verified client certificate on the session request. Real loopback UDP.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestPki, type TestPki } from '../../src/testing/test-pki.js';
import { WebTransportClient } from '../../src/api/client.js';
import { WebTransportServer } from '../../src/api/server.js';
import type { ServerConfigOptions, VerifyMode } from '../../src/api/config.js';
import type { SessionRequest } from '../../src/api/session-request.js';
import { CertificateError, HandshakeError } from '../../src/api/errors.js';

let serverPki: TestPki;
let clientPki: TestPki;
let strangerPki: TestPki;
let dir: string;

interface Harness {
  server: WebTransportServer;
  requests: SessionRequest[];
  handshakeErrors: HandshakeError[];
  url: string;
}

async function startServer(verifyMode: VerifyMode, extra: ServerConfigOptions = {}): Promise<Harness> {
  const handshakeErrors: HandshakeError[] = [];
  const server = await WebTransportServer.listen({
    host: '127.0.0.1', port: 0, certificateChain: serverPki.chain, signingKey: serverPki.signingKey,
    config: { verifyMode, caCerts: clientPki.caPem, ...extra },
    onHandshakeError: (e) => handshakeErrors.push(e),
  });
  const requests: SessionRequest[] = [];
  void (async () => {
    for await (const request of server) {
      requests.push(request);
      request.accept();
    }
  })();
  return { server, requests, handshakeErrors, url: `https://localhost:${server.address.port}/mtls` };
}

function clientWith(pki: TestPki | undefined): WebTransportClient {
  return new WebTransportClient({
    config: { connectTimeoutMs: 5_000, ...(pki !== undefined ? { certfile: pki.leafPem, keyfile: pki.keyPem } : {}) },
  });
}

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((r) => setTimeout(r, 10));
}

describe('mutual TLS from the config', () => {
  before(async () => {
    serverPki = await createTestPki({ keyType: 'ec-p256', hostnames: ['localhost', '127.0.0.1'] });
    clientPki = await createTestPki({ keyType: 'ec-p256', hostnames: ['client.test'] });
    strangerPki = await createTestPki({ keyType: 'ec-p256', hostnames: ['client.test'] });
    dir = await mkdtemp(join(tmpdir(), 'tswt-mtls-'));
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  test('CERT_REQUIRED + a valid client certificate: the session opens and exposes the verified certificate', async () => {
    const h = await startServer('CERT_REQUIRED');
    const client = clientWith(clientPki);
    try {
      const session = await client.connect(h.url, { ca: serverPki.caPem });
      await until(() => h.requests.length > 0);
      const request = h.requests[0]!;
      assert.ok(request.peerCertificate !== undefined);
      assert.deepEqual(new Uint8Array(request.peerCertificate.raw), clientPki.leafDer);
      assert.equal(request.peerCertificateChain.length, 1);
      assert.match(request.peerCertificate.subjectAltName ?? '', /client\.test/);
      await session.close();
    } finally {
      await client.close();
      await h.server.close({ timeoutMs: 200 });
    }
  });

  test('CERT_REQUIRED + certfile/keyfile as file paths and caCerts as a path work the same', async () => {
    const caPath = join(dir, 'client-ca.pem');
    const certPath = join(dir, 'client.pem');
    const keyPath = join(dir, 'client.key');
    await writeFile(caPath, clientPki.caPem);
    await writeFile(certPath, clientPki.leafPem);
    await writeFile(keyPath, clientPki.keyPem);
    const h = await startServer('CERT_REQUIRED', { caCerts: caPath });
    const client = new WebTransportClient({ config: { certfile: certPath, keyfile: keyPath, connectTimeoutMs: 5_000 } });
    try {
      const session = await client.connect(h.url, { ca: serverPki.caPem });
      await until(() => h.requests.length > 0);
      assert.ok(h.requests[0]!.peerCertificate !== undefined);
      await session.close();
    } finally {
      await client.close();
      await h.server.close({ timeoutMs: 200 });
    }
  });

  test('CERT_REQUIRED + no client certificate: both sides fail with TLS alert 116 certificate_required', async () => {
    const h = await startServer('CERT_REQUIRED');
    const client = clientWith(undefined);
    try {
      await assert.rejects(client.connect(h.url, { ca: serverPki.caPem }), (e: unknown) => {
        assert.ok(e instanceof HandshakeError, String(e));
        assert.equal(e.alert, 116);
        assert.equal(e.remote, true);
        return true;
      });
      await until(() => h.handshakeErrors.length > 0);
      assert.equal(h.handshakeErrors.length, 1);
      assert.equal(h.handshakeErrors[0]!.alert, 116);
      assert.equal(h.handshakeErrors[0]!.remote, false);
      assert.equal(h.requests.length, 0);
      assert.equal(h.server.stats()['handshakesFailed'], 1);
    } finally {
      await client.close();
      await h.server.close({ timeoutMs: 200 });
    }
  });

  test('CERT_REQUIRED + a certificate from another CA is refused (CertificateError on both sides)', async () => {
    const h = await startServer('CERT_REQUIRED');
    const client = clientWith(strangerPki);
    try {
      await assert.rejects(client.connect(h.url, { ca: serverPki.caPem }), (e: unknown) => e instanceof CertificateError && e.remote);
      await until(() => h.handshakeErrors.length > 0);
      assert.ok(h.handshakeErrors[0] instanceof CertificateError);
      assert.equal(h.requests.length, 0);
    } finally {
      await client.close();
      await h.server.close({ timeoutMs: 200 });
    }
  });

  test('CERT_OPTIONAL + no client certificate: the session opens without a peer certificate', async () => {
    const h = await startServer('CERT_OPTIONAL');
    const client = clientWith(undefined);
    try {
      const session = await client.connect(h.url, { ca: serverPki.caPem });
      await until(() => h.requests.length > 0);
      assert.equal(h.requests[0]!.peerCertificate, undefined);
      assert.equal(h.requests[0]!.peerCertificateChain.length, 0);
      await session.close();
    } finally {
      await client.close();
      await h.server.close({ timeoutMs: 200 });
    }
  });

  test('CERT_OPTIONAL: a valid certificate is exposed, one from another CA is refused', async () => {
    const h = await startServer('CERT_OPTIONAL');
    const good = clientWith(clientPki);
    const bad = clientWith(strangerPki);
    try {
      const session = await good.connect(h.url, { ca: serverPki.caPem });
      await until(() => h.requests.length > 0);
      assert.deepEqual(new Uint8Array(h.requests[0]!.peerCertificate!.raw), clientPki.leafDer);
      await session.close();
      await assert.rejects(bad.connect(h.url, { ca: serverPki.caPem }));
      await until(() => h.handshakeErrors.length > 0);
      assert.ok(h.handshakeErrors[0] instanceof CertificateError);
      assert.equal(h.requests.length, 1);
    } finally {
      await good.close();
      await bad.close();
      await h.server.close({ timeoutMs: 200 });
    }
  });

  test('CERT_NONE (the server default) does not ask: a configured client certificate is not sent', async () => {
    const h = await startServer('CERT_NONE');
    const client = clientWith(clientPki);
    try {
      const session = await client.connect(h.url, { ca: serverPki.caPem });
      await until(() => h.requests.length > 0);
      assert.equal(h.requests[0]!.peerCertificate, undefined);
      await session.close();
    } finally {
      await client.close();
      await h.server.close({ timeoutMs: 200 });
    }
  });
});
