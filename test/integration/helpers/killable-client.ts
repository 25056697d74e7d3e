/**
 * A WebTransport client meant to be SIGKILLed by a test: run as a child process (see
 * killable-process.ts), it opens one session to `url`, one bidirectional stream, and keeps
 * writing to it; after the first write it prints `{"writing":true}` on stdout. Killed, it is a
 * client that vanishes mid-transfer. Configuration comes as one JSON argument: { url, caPem }.
 */
import { WebTransportClient } from '../../../src/index.js';

export interface KillableClientConfig {
  url: string;
  caPem: string;
}

async function main(): Promise<void> {
  const config = JSON.parse(process.argv[2] ?? '{}') as KillableClientConfig;
  const client = new WebTransportClient();
  const session = await client.connect(config.url, { ca: config.caPem, timeoutMs: 5000 });
  const stream = await session.createBidirectionalStream();
  await stream.write('hello\n');
  process.stdout.write(`${JSON.stringify({ writing: true })}\n`);
  for (let i = 0; ; i++) {
    await stream.write(`line ${i}\n`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

// `node --test dist/test/` also runs every file under a test directory: without its JSON argument
// this is not a spawned child but that sweep, so there is nothing to do.
if (process.argv[2] === undefined) process.exit(0);
main().catch((error: unknown) => {
  process.stderr.write(`killable-client: ${String((error as Error)?.stack ?? error)}\n`);
  process.exit(1);
});
