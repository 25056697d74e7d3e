/**
 * Parity rows 24, 25 and 29 over real loopback UDP, for session APIs the other suites do not
 * reach: ready/isReady/state, the merged incomingStreams() iterator (bidi and uni together), and
 * session diagnoseIssues() (a datagram backlog is reported, a healthy session has none).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  WebTransportClient, WebTransportServer, WebTransportStream, generateSelfSignedCertificate,
  type WebTransportConnectOptions, type WebTransportSession,
} from '../../src/index.js';

const text = (b: Uint8Array): string => new TextDecoder().decode(b);

describe('parity: session lifecycle, incomingStreams() and diagnostics', () => {
  let server: WebTransportServer;
  let client: WebTransportClient;
  let connectOptions: WebTransportConnectOptions;
  const serverSessions: WebTransportSession[] = [];
  let nextSession: ((s: WebTransportSession) => void) | undefined;

  before(async () => {
    const cert = await generateSelfSignedCertificate({ hostnames: ['127.0.0.1'] });
    server = await WebTransportServer.listen({ host: '127.0.0.1', port: 0, certificateChain: cert.chain, signingKey: cert.signingKey });
    connectOptions = { serverCertificateHashes: [{ algorithm: 'sha-256', value: cert.sha256 }] };
    void (async () => {
      for await (const request of server) {
        const session = request.accept();
        serverSessions.push(session);
        nextSession?.(session);
      }
    })();
    client = new WebTransportClient();
  });

  after(async () => {
    await client.close();
    await server.close();
  });

  const accepted = (): Promise<WebTransportSession> => new Promise((resolve) => { nextSession = resolve; });

  test('ready resolves, isReady and state follow the lifecycle', async () => {
    const serverSide = accepted();
    const session = await client.connect(`${server.url}/x`, connectOptions);
    await session.ready;
    assert.equal(session.isReady, true);
    assert.equal(session.state, 'connected');
    assert.equal(session.path, '/x');
    const remote = await serverSide;
    await session.close({ code: 7, reason: 'bye' });
    assert.equal(session.isClosed, true);
    assert.equal(session.state, 'closed');
    const info = await remote.closed;
    assert.equal(info.code, 7);
    assert.equal(info.reason, 'bye');
  });

  test('incomingStreams() yields both peer bidi and uni streams', async () => {
    const serverSide = accepted();
    const session = await client.connect(`${server.url}/streams`, connectOptions);
    const remote = await serverSide;
    const bidi = await session.createBidirectionalStream();
    await bidi.write('first', { endStream: true });
    const uni = await session.createUnidirectionalStream();
    await uni.write('second', { endStream: true });
    const got: string[] = [];
    for await (const stream of remote.incomingStreams()) {
      const kind = stream instanceof WebTransportStream ? 'bidi' : 'uni';
      got.push(`${kind}:${text(await stream.readAll())}`);
      if (stream instanceof WebTransportStream) await stream.write('reply', { endStream: true });
      if (got.length === 2) break;
    }
    assert.deepEqual(got.sort(), ['bidi:first', 'uni:second']);
    assert.equal(text(await bidi.readAll()), 'reply');
    await session.close();
  });

  test('diagnoseIssues: nothing on a healthy session, a datagram backlog is reported', async () => {
    const serverSide = accepted();
    const session = await client.connect(`${server.url}/diag`, connectOptions);
    const remote = await serverSide;
    assert.deepEqual(session.diagnoseIssues(), []);
    const deadline = Date.now() + 5000;
    while (remote.datagrams.receiveBufferSize <= 100 && Date.now() < deadline) {
      for (let i = 0; i < 50; i++) session.datagrams.trySend('x');
      await new Promise((r) => setTimeout(r, 5));
    }
    assert.ok(remote.diagnoseIssues().some((issue) => issue.includes('datagrams waiting to be read')), String(remote.diagnoseIssues()));
    await session.close();
  });
});
