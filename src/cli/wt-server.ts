/**
 * `server --mode wt`: our WebTransport server with the WPT-style handlers (wt-handlers.ts) that
 * ../shared/interop/chromium/wt-client.mjs drives. Prints {"listening":...,"mode":"wt"} first,
 * then one JSON line per session event on stderr.
 */
import { readFileSync } from 'node:fs';
import { WebTransportServer } from '../api/server.js';
import { formatHostPort } from '../runtime/socket-address.js';
import type { InteropDeps } from './interop-deps.js';
import type { ServerArgs } from './interop-args.js';
import { WtHandlers } from './wt-handlers.js';

export async function runWtServer(args: ServerArgs, deps: InteropDeps): Promise<number> {
  const credentials = await deps.loadCredentials({ cert: readFileSync(args.cert, 'utf8'), key: readFileSync(args.key, 'utf8') });
  const keyLog = args.keylog ? deps.createKeyLogWriter(args.keylog) : undefined;
  const server = await WebTransportServer.listen({
    host: args.listen.address,
    port: args.listen.port,
    certificateChain: credentials.chain,
    signingKey: credentials.signingKey,
    retry: args.retry,
    ...(keyLog ? { keyLog } : {}),
  });
  process.stdout.write(`${JSON.stringify({ listening: formatHostPort(server.address), mode: 'wt' })}\n`);
  const handlers = new WtHandlers({ log: (line) => process.stderr.write(`${JSON.stringify({ wt: line })}\n`) });
  const stop = (): void => { void server.close({ timeoutMs: 500 }); };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  await handlers.serve(server);
  await server.close();
  return 0;
}
