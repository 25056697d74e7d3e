/**
 * ServerCluster over real loopback: this file is both the test (main thread) and the worker
 * script (worker threads), so every member runs a real WebTransportServer on its own port.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { isMainThread } from 'node:worker_threads';
import { createTestPki } from '../../src/testing/test-pki.js';
import { ServerError, WebTransportClient, WebTransportServer } from '../../src/index.js';
import { ServerCluster, isClusterWorker, runClusterWorker } from '../../src/app/index.js';

interface WorkerConfig {
  cert: string;
  key: string;
  /** Members with this index throw instead of listening. */
  failIndex?: number;
}

if (!isMainThread) {
  runClusterWorker<WorkerConfig>(async ({ index, host, port, data }) => {
    if (index === data.failIndex) throw new Error(`member ${index} refuses to start`);
    const server = await WebTransportServer.listen({ host, port, cert: data.cert, key: data.key });
    void (async () => {
      for await (const request of server) {
        const session = request.accept();
        void (async () => {
          for await (const stream of session.incomingBidirectionalStreams) {
            await stream.readAll();
            await stream.write(`member ${index}`, { endStream: true });
          }
        })().catch(() => {});
      }
    })();
    return server;
  });
} else {
  const script = new URL(import.meta.url);

  describe('ServerCluster', () => {
    let pki: Awaited<ReturnType<typeof createTestPki>>;
    let client: WebTransportClient;
    const ask = async (port: number): Promise<string> => {
      const session = await client.connect(`https://localhost:${port}/`, { ca: pki.caPem, timeoutMs: 5000 });
      const stream = await session.createBidirectionalStream();
      await stream.write('who?', { endStream: true });
      const answer = new TextDecoder().decode(await stream.readAll());
      await session.close();
      return answer;
    };

    before(async () => {
      pki = await createTestPki({ keyType: 'ec-p256', hostnames: ['localhost', '127.0.0.1'] });
      client = new WebTransportClient();
    });
    after(async () => {
      await client.close();
    });

    test('runs one server per worker on distinct ports, aggregates stats, adds and removes members', async () => {
      assert.equal(isClusterWorker(), false);
      const cluster = new ServerCluster({ script, workers: 2, host: '127.0.0.1', workerData: { cert: pki.leafPem, key: pki.keyPem } satisfies WorkerConfig });
      await cluster.start();
      try {
        assert.equal(cluster.isRunning, true);
        assert.equal(cluster.serverCount, 2);
        const [a, b] = cluster.servers;
        assert.notEqual(a!.port, b!.port);
        assert.deepEqual([a!.index, b!.index, a!.host], [0, 1, '127.0.0.1']);
        assert.equal(await ask(a!.port), 'member 0');
        assert.equal(await ask(b!.port), 'member 1');
        assert.equal(await ask(b!.port), 'member 1');
        const stats = await cluster.stats();
        assert.equal(stats.serverCount, 2);
        assert.equal(stats.totals['sessionsAccepted'], 3);
        assert.equal(stats.totals['connectionsAccepted'], 2, 'the client reuses one connection per member');
        assert.equal(stats.totals['uptimeMs'], undefined);
        assert.deepEqual(stats.servers.map((s) => [s.index, s.stats['sessionsAccepted']]), [[0, 1], [1, 2]]);

        const c = await cluster.addServer();
        assert.equal(c.index, 2);
        assert.equal(await ask(c.port), 'member 2');
        assert.equal(await cluster.removeServer(a!.port, { timeoutMs: 100 }), true);
        assert.equal(await cluster.removeServer(a!.port), false);
        assert.deepEqual(cluster.servers.map((m) => m.index), [1, 2]);
        assert.equal((await cluster.stats()).serverCount, 2);
      } finally {
        await cluster.stop({ timeoutMs: 100 });
      }
      assert.equal(cluster.isRunning, false);
      assert.equal(cluster.serverCount, 0);
      assert.deepEqual(await cluster.stats(), { serverCount: 0, totals: {}, servers: [] });
    });

    test('a member failing to start stops the others and rejects start()', async () => {
      const cluster = new ServerCluster({
        script, workers: 3, host: '127.0.0.1',
        workerData: { cert: pki.leafPem, key: pki.keyPem, failIndex: 1 } satisfies WorkerConfig,
      });
      await assert.rejects(cluster.start(), (e: unknown) => e instanceof ServerError && /member 1 refuses to start/.test(e.message));
      assert.equal(cluster.isRunning, false);
      assert.equal(cluster.serverCount, 0);
    });

    test('rejects bad options and running outside a worker', () => {
      assert.throws(() => new ServerCluster({ script, workers: 0 }), ServerError);
      assert.throws(() => runClusterWorker(() => { throw new Error('unreachable'); }), ServerError);
    });
  });
}
