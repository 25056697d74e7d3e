/** Command line of the interop endpoint: `server|client --mode echo|h3 ...`, parsed into typed settings. */
import { parseArgs } from 'node:util';
import { parseHostPort } from '../runtime/socket-address.js';
import type { SocketAddress } from '../runtime/proto-types.js';

/** Modes are open-ended: h3 and wt modes are added later beside echo. */
export const INTEROP_MODES = ['echo', 'h3', 'wt'] as const;
export type InteropMode = (typeof INTEROP_MODES)[number];

export interface ServerArgs {
  role: 'server';
  mode: InteropMode;
  alpn: string[];
  listen: SocketAddress;
  cert: string;
  key: string;
  retry: boolean;
  keylog: string | undefined;
  /** h3 mode: the web root served (absent when not given). */
  www?: string;
}

export interface ClientArgs {
  role: 'client';
  mode: InteropMode;
  alpn: string[];
  connect: SocketAddress;
  ca: string | undefined;
  insecure: boolean;
  sni: string | undefined;
  bytes: number;
  streams: number;
  uni: number;
  datagrams: number;
  chacha20: boolean;
  timeoutSeconds: number;
  keylog: string | undefined;
  /** h3 mode: the URLs to fetch (one origin) and where to write the bodies; wt mode: the session URL. */
  urls: string[];
  out: string | undefined;
  /** wt mode: trust exactly this leaf certificate SHA-256 (hex), as serverCertificateHashes does. */
  certHash?: string;
}

export type InteropArgs = ServerArgs | ClientArgs;

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export const USAGE = `usage:
  tswebtransport-interop server --mode echo --alpn <alpn> --listen <host>:<port> --cert <pem> --key <pem> [--retry] [--keylog FILE]
  tswebtransport-interop client --mode echo --alpn <alpn> --connect <host>:<port> [--ca <pem> | --insecure] [--sni <name>]
                                [--bytes N] [--streams K] [--uni U] [--datagrams D] [--chacha20] [--timeout S] [--keylog FILE]
  tswebtransport-interop server --mode h3 --listen <host>:<port> --cert <pem> --key <pem> [--www <dir>] [--retry] [--keylog FILE]
  tswebtransport-interop client --mode h3 [--ca <pem> | --insecure] [--out <dir>] [--connect <host>:<port>] [--sni <name>]
                                [--chacha20] [--timeout S] [--keylog FILE] <https-url> [<https-url> ...]
  tswebtransport-interop server --mode wt --listen <host>:<port> --cert <pem> --key <pem> [--retry] [--keylog FILE]
  tswebtransport-interop client --mode wt [--ca <pem> | --insecure | --cert-hash <hex>] [--bytes N] [--streams K] [--uni U]
                                [--datagrams D] [--timeout S] [--keylog FILE] <https-url of the echo endpoint>
  h3 and wt modes use ALPN h3; h3 URLs share one origin and are fetched concurrently on one connection.
  IPv6 addresses are written [::1]:4433; --alpn may be repeated or comma-separated.`;

export function parseInteropArgs(argv: string[]): InteropArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        mode: { type: 'string', default: 'echo' },
        alpn: { type: 'string', multiple: true },
        listen: { type: 'string' },
        cert: { type: 'string' },
        key: { type: 'string' },
        retry: { type: 'boolean', default: false },
        keylog: { type: 'string' },
        connect: { type: 'string' },
        ca: { type: 'string' },
        insecure: { type: 'boolean', default: false },
        sni: { type: 'string' },
        bytes: { type: 'string', default: '1024' },
        streams: { type: 'string', default: '1' },
        uni: { type: 'string', default: '0' },
        datagrams: { type: 'string', default: '0' },
        chacha20: { type: 'boolean', default: false },
        timeout: { type: 'string', default: '10' },
        www: { type: 'string' },
        out: { type: 'string' },
        'cert-hash': { type: 'string' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  const role = positionals[0];
  const mode = values.mode as string;
  const wt = mode === 'wt';
  const h3 = mode === 'h3' || wt;
  const urls = positionals.slice(1);
  if (role !== 'server' && role !== 'client') throw new UsageError('expected exactly one command: server or client');
  if (urls.length > 0 && !(h3 && role === 'client')) throw new UsageError('unexpected arguments (URLs are for client --mode h3|wt)');
  if (!(INTEROP_MODES as readonly string[]).includes(mode)) throw new UsageError(`unknown --mode ${mode} (supported: ${INTEROP_MODES.join(', ')})`);
  const alpn = (values.alpn ?? (h3 ? ['h3'] : [])).flatMap((a) => a.split(',')).map((a) => a.trim()).filter((a) => a.length > 0);
  if (alpn.length === 0) throw new UsageError('--alpn is required');
  if (h3 && (alpn.length !== 1 || alpn[0] !== 'h3')) throw new UsageError(`--mode ${mode} uses ALPN h3 only`);
  const keylog = values.keylog;
  if (role === 'server') {
    if (!values.listen) throw new UsageError('server needs --listen <host>:<port>');
    if (!values.cert || !values.key) throw new UsageError('server needs --cert and --key');
    return {
      role, mode: mode as InteropMode, alpn, listen: address(values.listen), cert: values.cert, key: values.key, retry: values.retry === true, keylog,
      ...(values.www !== undefined ? { www: values.www } : {}),
    };
  }
  if (h3 && urls.length === 0) throw new UsageError(`client --mode ${mode} needs ${wt ? 'the' : 'at least one'} https:// URL`);
  if (wt && urls.length !== 1) throw new UsageError('client --mode wt takes exactly one https:// URL');
  const certHash = values['cert-hash'];
  if (certHash !== undefined && !wt) throw new UsageError('--cert-hash is for client --mode wt');
  if (certHash !== undefined && !/^(?:[0-9a-fA-F]{2}:?){32}$/.test(certHash)) throw new UsageError('--cert-hash must be a SHA-256 in hex (64 digits, colons allowed)');
  if (certHash !== undefined && (values.ca || values.insecure)) throw new UsageError('--cert-hash excludes --ca and --insecure');
  const connectText = values.connect ?? (h3 ? urlHostPort(urls[0]!) : undefined);
  if (!connectText) throw new UsageError('client needs --connect <host>:<port>');
  if (values.ca && values.insecure) throw new UsageError('--ca and --insecure exclude each other');
  return {
    role, mode: mode as InteropMode, alpn, connect: address(connectText),
    ca: values.ca, insecure: values.insecure === true, sni: values.sni,
    bytes: count('bytes', values.bytes as string), streams: count('streams', values.streams as string),
    uni: count('uni', values.uni as string), datagrams: count('datagrams', values.datagrams as string),
    chacha20: values.chacha20 === true, timeoutSeconds: positive('timeout', values.timeout as string), keylog,
    urls, out: values.out,
    ...(certHash !== undefined ? { certHash: certHash.replace(/:/g, '').toLowerCase() } : {}),
  };
}

/** "https://localhost:4433/x" -> "localhost:4433" (default port 443). */
function urlHostPort(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new UsageError(`bad URL ${text}`);
  }
  if (url.protocol !== 'https:') throw new UsageError(`${text}: only https:// URLs`);
  return `${url.hostname}:${url.port === '' ? '443' : url.port}`;
}

function address(text: string): SocketAddress {
  try {
    return parseHostPort(text);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

function count(name: string, text: string): number {
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(Number(text))) throw new UsageError(`--${name} must be a non-negative integer`);
  return Number(text);
}

function positive(name: string, text: string): number {
  const v = Number(text);
  if (!Number.isFinite(v) || v <= 0) throw new UsageError(`--${name} must be a positive number`);
  return v;
}
