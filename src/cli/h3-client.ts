/**
 * `client --mode h3 <url>...`: fetches every URL concurrently on ONE HTTP/3 connection, writes
 * the bodies to --out, prints one JSON line (status, bytes, sha256 per URL) and succeeds only
 * when every request got 200 with a complete body (content-length honoured when present).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { Http3Client, type Http3Response } from '../api/http3/index.js';
import { CipherSuiteId } from '../proto/crypto/cipher-suites.js';
import type { InteropDeps } from './interop-deps.js';
import type { ClientArgs } from './interop-args.js';

export interface UrlResult {
  url: string;
  status: number | undefined;
  bytes: number;
  sha256: string | undefined;
  complete: boolean;
  file?: string;
  error?: string;
}

/** Origin shared by every URL (one connection), and each URL's path with query. */
export function splitUrls(urls: readonly string[]): { hostname: string; port: number; authority: string; paths: string[] } {
  if (urls.length === 0) throw new Error('no URL given');
  const parsed = urls.map((u) => new URL(u));
  const first = parsed[0]!;
  if (first.protocol !== 'https:') throw new Error(`${first.href}: only https:// URLs go over HTTP/3`);
  for (const u of parsed) {
    if (u.host !== first.host || u.protocol !== first.protocol) throw new Error(`${u.href}: every URL must share the origin ${first.origin} (one connection)`);
  }
  const hostname = first.hostname.startsWith('[') ? first.hostname.slice(1, -1) : first.hostname;
  return { hostname, port: first.port === '' ? 443 : Number(first.port), authority: first.host, paths: parsed.map((u) => `${u.pathname}${u.search}`) };
}

/** A file name per path, unique within the run: /1M -> 1M, / -> index.html, repeats get .N. */
export function outputNames(paths: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return paths.map((p) => {
    const clean = p.split('?')[0]!;
    const base = basename(clean) || 'index.html';
    const safe = base.replace(/[^A-Za-z0-9._-]/g, '_').replace(/^\.+/, '_');
    const n = seen.get(safe) ?? 0;
    seen.set(safe, n + 1);
    return n === 0 ? safe : `${safe}.${n}`;
  });
}

async function fetchOne(client: Http3Client, url: string, path: string, authority: string, outFile: string | undefined): Promise<UrlResult> {
  const result: UrlResult = { url, status: undefined, bytes: 0, sha256: undefined, complete: false };
  try {
    const res: Http3Response = await client.request({ path, authority, headers: { 'user-agent': 'tswebtransport-interop' } });
    result.status = res.status;
    const hash = createHash('sha256');
    const chunks: Uint8Array[] = [];
    for await (const chunk of res.body) {
      hash.update(chunk);
      if (outFile !== undefined) chunks.push(chunk);
      result.bytes += chunk.length;
    }
    result.sha256 = hash.digest('hex');
    const declared = res.header('content-length');
    result.complete = declared === undefined || Number(declared) === result.bytes;
    if (!result.complete) result.error = `content-length ${declared} but ${result.bytes} bytes`;
    if (outFile !== undefined) {
      writeFileSync(outFile, Buffer.concat(chunks));
      result.file = outFile;
    }
  } catch (error) {
    result.error = (error as Error).message ?? String(error);
  }
  return result;
}

export async function runH3Client(args: ClientArgs, deps: InteropDeps): Promise<number> {
  const started = performance.now();
  const report: Record<string, unknown> = { ok: false, mode: 'h3' };
  let client: Http3Client | undefined;
  const timeout = AbortSignal.timeout(args.timeoutSeconds * 1000);
  try {
    const { hostname, authority, paths } = splitUrls(args.urls);
    const verifier = args.insecure ? null : deps.createCertificateVerifier({ ...(args.ca ? { ca: [readFileSync(args.ca, 'utf8')] } : {}), rejectUnauthorized: true });
    const keyLog = args.keylog ? deps.createKeyLogWriter(args.keylog) : undefined;
    const target = args.connect; // the first URL's host:port unless --connect redirects (e.g. to a proxy)
    client = await Http3Client.connect({
      host: target.address,
      port: target.port,
      serverName: args.sni ?? hostname,
      ...(verifier === null ? { insecure: true } : { verifier }),
      ...(args.chacha20 ? { cipherSuites: [CipherSuiteId.TLS_CHACHA20_POLY1305_SHA256] } : {}),
      ...(keyLog ? { keyLog } : {}),
      signal: timeout,
    });
    report.handshakeMs = Math.round((performance.now() - started) * 100) / 100;
    report.alpn = client.host.proto.alpn;
    if (args.out !== undefined) mkdirSync(args.out, { recursive: true });
    const names = outputNames(paths);
    const all = Promise.all(paths.map((p, i) => fetchOne(client!, args.urls[i]!, p, authority, args.out === undefined ? undefined : join(args.out, names[i]!))));
    const results = await Promise.race([all, new Promise<never>((_, reject) => {
      if (timeout.aborted) reject(timeout.reason);
      timeout.addEventListener('abort', () => reject(timeout.reason), { once: true });
    })]);
    report.results = results;
    report.requests = results.length;
    report.okCount = results.filter((r) => r.status === 200 && r.complete).length;
    report.totalBytes = results.reduce((n, r) => n + r.bytes, 0);
    report.ok = report.okCount === results.length;
    const stats = client.host.proto.stats();
    report.stats = { rttMs: stats.smoothedRttMicros / 1000, packetsSent: stats.packetsSent, packetsLost: stats.packetsLost, bytesReceived: stats.bytesReceived };
    report.elapsedMs = Math.round(performance.now() - started);
  } catch (error) {
    report.ok = false;
    report.error = (error as Error).message ?? String(error);
  }
  process.stdout.write(`${JSON.stringify(report)}\n`);
  if (client) await client.close({ timeoutMs: 1000 });
  return report.ok === true ? 0 : 1;
}
