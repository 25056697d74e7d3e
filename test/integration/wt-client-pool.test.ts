/**
 * Connection reuse in WebTransportClient: sessions opened one after another share one QUIC
 * connection, and closing the last one never cuts off another session's close capsule.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { WebTransportClient, WebTransportServer } from '../../src/index.js';
import { WtHandlers } from '../../src/cli/wt-handlers.js';
import { createTestPki } from '../../src/testing/test-pki.js';

describe('WebTransportClient connection pooling', () => {
  let server: WebTransportServer;
  let handlers: WtHandlers;
  let caPem: string;

  before(async () => {
    const pki = await createTestPki({ keyType: 'ec-p256', hostnames: ['localhost', '127.0.0.1'] });
    caPem = pki.caPem;
    server = await WebTransportServer.listen({ host: '127.0.0.1', port: 0, certificateChain: pki.chain, signingKey: pki.signingKey });
    handlers = new WtHandlers();
    void handlers.serve(server);
  });

  after(async () => {
    await server?.close({ timeoutMs: 500 });
  });

  test('a close code sent right after another session closed on the same connection reaches the server', async () => {
    const client = new WebTransportClient();
    try {
      const base = `https://127.0.0.1:${server.address.port}`;
      for (let round = 0; round < 3; round++) {
        const first = await client.connect(`${base}/echo`, { ca: [caPem] });
        await first.close({ code: 0, reason: '' });
        const token = `pool-${round}`;
        const second = await client.connect(`${base}/client-close?token=${token}`, { ca: [caPem] });
        assert.equal(client.connectionCount, 1, 'the second session reused the connection');
        await second.close({ code: 4242, reason: 'client-bye' });
        let record;
        for (let i = 0; i < 100 && record === undefined; i++) {
          record = handlers.record(token);
          if (record === undefined) await new Promise((r) => setTimeout(r, 20));
        }
        assert.deepEqual(record, { 'session-close-info': { abruptly: false, close_info: { code: 4242, reason: 'client-bye' } } });
      }
    } finally {
      await client.close();
    }
  });
});
