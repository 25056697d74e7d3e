/**
 * `tswebtransport proxy`: a CONNECT-UDP proxy (RFC 9298) on HTTP/3 with a fresh self-signed
 * certificate. Loopback targets only unless --allow-any; optional Basic auth with --user/--password.
 */
import { parseArgs } from 'node:util';
import { generateSelfSignedCertificate } from '../api/tls-credentials.js';
import { ConnectUdpProxy, isLoopbackAddress } from '../proxy/index.js';

export const PROXY_USAGE = `usage: tswebtransport proxy [--host 127.0.0.1] [--port 4433] [--user U --password P] [--allow-any] [--idle-timeout MS] [--quiet]
  Starts a CONNECT-UDP proxy (RFC 9298, HTTP/3 over UDP --port) with a new self-signed certificate
  and prints its URL and certificate SHA-256. Only loopback targets are relayed unless --allow-any.`;

export interface ProxyArgs {
  host: string;
  port: number;
  user: string | undefined;
  password: string | undefined;
  allowAny: boolean;
  idleTimeoutMs: number;
  quiet: boolean;
}

export function parseProxyArgs(argv: string[]): ProxyArgs {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      host: { type: 'string', default: '127.0.0.1' },
      port: { type: 'string', default: '4433' },
      user: { type: 'string' },
      password: { type: 'string' },
      'allow-any': { type: 'boolean', default: false },
      'idle-timeout': { type: 'string', default: '60000' },
      quiet: { type: 'boolean', default: false },
    },
  });
  const port = Number(values.port);
  if (!/^\d+$/.test(values.port) || port > 65535) throw new Error(`invalid --port ${values.port}`);
  const idle = Number(values['idle-timeout']);
  if (!Number.isInteger(idle) || idle < 1) throw new Error(`invalid --idle-timeout ${values['idle-timeout']}`);
  if ((values.user === undefined) !== (values.password === undefined)) throw new Error('--user and --password go together');
  return {
    host: values.host, port, user: values.user, password: values.password,
    allowAny: values['allow-any'], idleTimeoutMs: idle, quiet: values.quiet,
  };
}

/** Starts the proxy; `print` gets the banner and (unless quiet) one line per request. */
export async function startProxy(args: ProxyArgs, print: (line: string) => void = console.log): Promise<ConnectUdpProxy> {
  const cert = await generateSelfSignedCertificate({ hostnames: [...new Set(['localhost', '127.0.0.1', '::1', args.host])], days: 14 });
  const proxy = await ConnectUdpProxy.listen({
    host: args.host, port: args.port, certificateChain: cert.chain, signingKey: cert.signingKey,
    idleTimeoutMs: args.idleTimeoutMs,
    allowTarget: args.allowAny ? () => true : (address) => isLoopbackAddress(address),
    ...(args.user !== undefined ? { credentials: { username: args.user, password: args.password! } } : {}),
    ...(args.quiet ? {} : {
      onRequest: (info: { status: number; target: string | undefined; reason?: string }) =>
        print(`[proxy] ${info.status} ${info.target ?? '-'}${info.reason ? ` (${info.reason})` : ''}`),
    }),
  });
  print(`CONNECT-UDP proxy: ${proxy.url}  (template /.well-known/masque/udp/{target_host}/{target_port}/)`);
  print(`certificate SHA-256: ${cert.sha256Hex}`);
  print(`targets: ${args.allowAny ? 'any' : 'loopback only'}${args.user !== undefined ? '; Basic auth required' : ''}`);
  return proxy;
}

/** The command: runs until SIGINT/SIGTERM; returns the exit status. */
export async function runProxy(argv: string[]): Promise<number> {
  let args: ProxyArgs;
  try {
    args = parseProxyArgs(argv);
  } catch (error) {
    console.error(`${(error as Error).message}\n${PROXY_USAGE}`);
    return 2;
  }
  let proxy: ConnectUdpProxy;
  try {
    proxy = await startProxy(args);
  } catch (error) {
    console.error(`tswebtransport proxy: ${(error as Error).message}`);
    return 1;
  }
  await new Promise<void>((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      void proxy.close().finally(resolve);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  return 0;
}
