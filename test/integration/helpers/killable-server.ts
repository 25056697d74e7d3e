/**
 * A WebTransport server meant to be SIGKILLed by a test: run as a child process (see
 * killable-process.ts), it listens on 127.0.0.1, prints one JSON line `{"port":N}` on stdout and
 * serves until killed. Killing it mid-transfer is a peer that vanishes: no CONNECTION_CLOSE, no
 * stream reset, its packets just stop. Paths:
 *   /echo      bidi streams echoed chunk by chunk (they stay open until the peer's FIN),
 *              uni streams drained, datagrams echoed;
 *   /sink      bidi and uni streams drained, nothing sent back;
 *   /reliable  ReliableDatagrams: every reliable datagram received and acknowledged.
 * Configuration comes as one JSON argument: { port, certPem, keyPem }.
 */
import { WebTransportServer, type WebTransportSession, type WebTransportReceiveStream, type WebTransportStream } from '../../../src/index.js';
import { ReliableDatagrams } from '../../../src/datagram/index.js';

export interface KillableServerConfig {
  /** 0 picks a free port. */
  port: number;
  certPem: string;
  keyPem: string;
}

async function drain(stream: WebTransportReceiveStream | WebTransportStream): Promise<void> {
  for await (const _ of stream.readIter({ chunkSize: 64 * 1024 })) { /* discarded */ }
}

async function echo(stream: WebTransportStream): Promise<void> {
  for await (const chunk of stream.readIter({ chunkSize: 64 * 1024 })) await stream.write(chunk);
  await stream.close();
}

function serve(session: WebTransportSession): void {
  const ignore = (): undefined => undefined;
  if (session.path === '/reliable') {
    const reliable = new ReliableDatagrams(session);
    void (async () => {
      for await (const _ of reliable) { /* received and acknowledged */ }
    })().catch(ignore);
  } else if (session.path === '/echo') {
    void (async () => {
      for await (const d of session.datagrams) {
        try { session.datagrams.send(d); } catch { /* queue full: a datagram may be lost */ }
      }
    })().catch(ignore);
  }
  void (async () => {
    for await (const stream of session.incomingBidirectionalStreams) {
      void (session.path === '/echo' ? echo(stream) : drain(stream)).catch(ignore);
    }
  })().catch(ignore);
  void (async () => {
    for await (const stream of session.incomingUnidirectionalStreams) void drain(stream).catch(ignore);
  })().catch(ignore);
}

async function main(): Promise<void> {
  const config = JSON.parse(process.argv[2] ?? '{}') as KillableServerConfig;
  const server = await WebTransportServer.listen({ host: '127.0.0.1', port: config.port, cert: config.certPem, key: config.keyPem });
  process.stdout.write(`${JSON.stringify({ port: server.address.port })}\n`);
  for await (const request of server) serve(request.accept());
}

// `node --test dist/test/` also runs every file under a test directory: without its JSON argument
// this is not a spawned child but that sweep, so there is nothing to do.
if (process.argv[2] === undefined) process.exit(0);
main().catch((error: unknown) => {
  process.stderr.write(`killable-server: ${String((error as Error)?.stack ?? error)}\n`);
  process.exit(1);
});
