/**
 * WebTransport URL helpers (pywebtransport utils.parse_webtransport_url / build_webtransport_url /
 * validate_url). Parsing uses the WHATWG URL parser, so IPv6 literals, percent-encoding and
 * default ports behave exactly as in browsers.
 */
import { ConfigurationError } from '../index.js';

const SCHEMES = new Set(['https:', 'wss:']);
const DEFAULT_PORT = 443;

export interface WebTransportUrlParts {
  /** Host name or IP literal, without IPv6 brackets. */
  readonly host: string;
  readonly port: number;
  /** Path plus `?query` and `#fragment`, as sent in the CONNECT request's :path. */
  readonly path: string;
}

function invalid(url: unknown, reason: string): ConfigurationError {
  return new ConfigurationError(`invalid WebTransport URL: ${reason}`, { configKey: 'url', configValue: url });
}

/** Splits an https:// or wss:// URL into host, port (default 443) and path; ConfigurationError otherwise. */
export function parseWebTransportUrl(url: string): WebTransportUrlParts {
  if (typeof url !== 'string') throw invalid(url, 'not a string');
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch (cause) {
    throw new ConfigurationError(`invalid WebTransport URL: cannot parse ${JSON.stringify(url)}`, { configKey: 'url', configValue: url, cause });
  }
  if (!SCHEMES.has(parsed.protocol)) throw invalid(url, `scheme must be https or wss, not ${parsed.protocol.slice(0, -1)}`);
  if (parsed.hostname === '') throw invalid(url, 'a host is required');
  const host = parsed.hostname.startsWith('[') ? parsed.hostname.slice(1, -1) : parsed.hostname;
  const port = parsed.port === '' ? DEFAULT_PORT : Number(parsed.port);
  return Object.freeze({ host, port, path: `${parsed.pathname}${parsed.search}${parsed.hash}` });
}

/** True when parseWebTransportUrl would accept `url`. */
export function isValidWebTransportUrl(url: unknown): boolean {
  if (typeof url !== 'string') return false;
  try {
    parseWebTransportUrl(url);
    return true;
  } catch {
    return false;
  }
}

export interface BuildUrlOptions {
  readonly host: string;
  readonly port?: number;
  readonly path?: string;
  /** https (default) or http, as pywebtransport; WebTransport itself always needs https. */
  readonly secure?: boolean;
  readonly query?: Readonly<Record<string, string | number | boolean>>;
}

/** Builds a URL: IPv6 hosts are bracketed, port 443 (secure) / 80 is omitted, query values encoded. */
export function buildWebTransportUrl({ host, port, path = '/', secure = true, query }: BuildUrlOptions): string {
  if (typeof host !== 'string' || host === '') throw invalid(host, 'a host is required');
  if (port !== undefined && (!Number.isInteger(port) || port < 1 || port > 65_535)) throw invalid(port, 'port must be 1..65535');
  const scheme = secure ? 'https' : 'http';
  const hostPart = host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
  const defaultPort = secure ? DEFAULT_PORT : 80;
  const portPart = port === undefined || port === defaultPort ? '' : `:${port}`;
  const pathPart = path.startsWith('/') ? path : `/${path}`;
  let url = `${scheme}://${hostPart}${portPart}${pathPart}`;
  if (query !== undefined) {
    const search = new URLSearchParams(Object.entries(query).map(([k, v]): [string, string] => [k, String(v)])).toString();
    if (search !== '') url += `${pathPart.includes('?') ? '&' : '?'}${search}`;
  }
  return url;
}

/**
 * Serialises an Origin header value the way browsers do ("scheme://host[:port]", lower-case, no
 * default port); undefined for anything that is not an http(s) origin (including "null").
 */
export function normalizeOriginValue(origin: string): string | undefined {
  try {
    const url = new URL(origin);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
    return url.origin;
  } catch {
    return undefined;
  }
}

/**
 * Origin allow-list check. Entries are exact origins, `*` (any origin), or a wildcard subdomain
 * such as `https://*.example.com` (which matches sub-domains, not example.com itself).
 */
export function isOriginAllowed(origin: string | undefined, allowed: readonly string[]): boolean {
  if (allowed.includes('*')) return true;
  if (origin === undefined) return false;
  const normalized = normalizeOriginValue(origin);
  if (normalized === undefined) return false;
  const { protocol, host } = new URL(normalized);
  for (const entry of allowed) {
    const star = entry.indexOf('://*.');
    if (star < 0) {
      if (normalizeOriginValue(entry) === normalized) return true;
      continue;
    }
    const entryScheme = `${entry.slice(0, star).toLowerCase()}:`;
    const suffix = entry.slice(star + 4).toLowerCase();
    if (entryScheme === protocol && host.endsWith(suffix) && host.length > suffix.length) return true;
  }
  return false;
}
