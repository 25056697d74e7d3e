/**
 * A deliberately unreliable server for the reconnect demo: it answers one "ping" per session,
 * then closes the session (as a restarting server would), and refuses every third connection
 * attempt with 503 so the client's backoff shows.
 */
import { generateSelfSignedCertificate, MiddlewareRejectedError } from 'tswebtransport';
import { ServerApp } from 'tswebtransport/app';

export async function startFlakyServer({ host = '127.0.0.1', port = 0, sessionLifetimeMs = 300 } = {}) {
  const cert = await generateSelfSignedCertificate({ hostnames: ['localhost', host] });
  let attempts = 0;
  const app = new ServerApp()
    .use(async (_ctx, next) => {
      if (++attempts % 3 === 0) throw new MiddlewareRejectedError('busy, try again', { status: 503 });
      await next();
    })
    .route('/ping', async (session) => {
      for await (const stream of session.incomingBidirectionalStreams) {
        await stream.readAll();
        await stream.write('pong', { endStream: true });
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, sessionLifetimeMs));
      await session.close({ code: 1, reason: 'server restarting' });
    });
  const server = await app.listen({ host, port, cert: cert.certPem, key: cert.keyPem, config: { readTimeoutMs: null, writeTimeoutMs: null } });
  return {
    url: `https://${host}:${server.address.port}/ping`,
    certHashHex: cert.sha256Hex,
    close: () => app.close({ timeoutMs: 200 }),
  };
}
