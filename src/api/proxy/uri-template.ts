/**
 * The CONNECT-UDP URI template (RFC 9298 §2): a URI Template (RFC 6570) with the variables
 * `target_host` and `target_port`. We expand the forms proxies use in practice: simple `{var}`
 * and the query forms `{?a,b}` / `{&a,b}`. Values are percent-encoded except unreserved
 * characters, so an IPv6 literal's colons become %3A (RFC 9298 §2). The proxy side matches a
 * received :path against the same template and decodes the target back.
 */
import { ProxyProtocolError } from './errors.js';

/** The well-known default (RFC 9298 §3). */
export const DEFAULT_CONNECT_UDP_TEMPLATE = '/.well-known/masque/udp/{target_host}/{target_port}/';

const VARIABLES = ['target_host', 'target_port'] as const;
type Variable = (typeof VARIABLES)[number];

/** One piece of a parsed template: literal text or an expression. */
type Part = { literal: string } | { operator: '' | '?' | '&'; names: Variable[] };

/** A parsed template split into its URI parts; `path` holds the path and query. */
export interface ConnectUdpTemplate {
  /** 'https' unless the template is a full URI with another scheme. */
  readonly scheme: string;
  /** Authority of a full-URI template; undefined for a path template (the proxy URL's is used). */
  readonly authority: string | undefined;
  readonly parts: readonly Part[];
}

function templateError(message: string): ProxyProtocolError {
  return new ProxyProtocolError(`bad CONNECT-UDP URI template: ${message}`);
}

/** Accepts a full URI template (`https://proxy.example/masque{?target_host,target_port}`) or a path template. */
export function parseConnectUdpTemplate(template: string): ConnectUdpTemplate {
  let scheme = 'https';
  let authority: string | undefined;
  let rest = template;
  const m = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\/([^/{?#]+)/.exec(template);
  if (m) {
    scheme = m[1]!.toLowerCase();
    authority = m[2]!;
    rest = template.slice(m[0].length);
  }
  if (!rest.startsWith('/')) throw templateError(`the path must start with "/": ${template}`);
  const parts: Part[] = [];
  const seen = new Set<string>();
  let i = 0;
  while (i < rest.length) {
    const open = rest.indexOf('{', i);
    if (open < 0) {
      parts.push({ literal: rest.slice(i) });
      break;
    }
    if (open > i) parts.push({ literal: rest.slice(i, open) });
    const close = rest.indexOf('}', open);
    if (close < 0) throw templateError(`unclosed expression in ${template}`);
    let body = rest.slice(open + 1, close);
    let operator: '' | '?' | '&' = '';
    if (body.startsWith('?') || body.startsWith('&')) {
      operator = body[0] as '?' | '&';
      body = body.slice(1);
    }
    const names = body.split(',');
    for (const name of names) {
      if (!(VARIABLES as readonly string[]).includes(name)) throw templateError(`unsupported expression {${rest.slice(open + 1, close)}}`);
      if (seen.has(name)) throw templateError(`variable ${name} appears twice`);
      seen.add(name);
    }
    if (operator === '' && names.length !== 1) throw templateError('simple expressions take one variable');
    parts.push({ operator, names: names as Variable[] });
    i = close + 1;
  }
  for (const v of VARIABLES) if (!seen.has(v)) throw templateError(`the template must contain {${v}}`);
  return { scheme, authority, parts };
}

function encodeValue(value: string): string {
  // encodeURIComponent leaves !'()* alone; RFC 6570 simple expansion encodes them too.
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** The :path (with query) for one target. IPv6 hosts are given without brackets. */
export function expandConnectUdpTemplate(template: string | ConnectUdpTemplate, host: string, port: number): string {
  const t = typeof template === 'string' ? parseConnectUdpTemplate(template) : template;
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new RangeError(`target port ${port} out of range`);
  const bare = host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
  if (bare === '') throw new RangeError('empty target host');
  const values: Record<Variable, string> = { target_host: bare, target_port: String(port) };
  let out = '';
  for (const p of t.parts) {
    if ('literal' in p) {
      out += p.literal;
      continue;
    }
    if (p.operator === '') {
      out += encodeValue(values[p.names[0]!]);
      continue;
    }
    out += p.operator + p.names.map((n) => `${n}=${encodeValue(values[n])}`).join('&');
  }
  return out;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    throw new ProxyProtocolError(`bad percent-encoding in "${text}"`);
  }
}

/**
 * Proxy side: the target a request :path names, per the template. Throws ProxyProtocolError
 * (status 400) when the path does not match or the host/port are invalid.
 */
export function matchConnectUdpPath(template: string | ConnectUdpTemplate, path: string): { host: string; port: number } {
  const t = typeof template === 'string' ? parseConnectUdpTemplate(template) : template;
  if (path.length > 4096) throw new ProxyProtocolError('request path too long');
  let pattern = '^';
  const order: Array<{ names: Variable[]; query: boolean }> = [];
  for (const p of t.parts) {
    if ('literal' in p) {
      pattern += escapeRegExp(p.literal);
    } else if (p.operator === '') {
      pattern += '([^/?#&]*)';
      order.push({ names: p.names, query: false });
    } else {
      // Query forms: capture the parameters and read them by name (order may differ).
      pattern += `${escapeRegExp(p.operator)}([^#]*)`;
      order.push({ names: p.names, query: true });
    }
  }
  const m = new RegExp(`${pattern}$`).exec(path);
  if (!m) throw new ProxyProtocolError(`the path ${JSON.stringify(path.slice(0, 200))} does not match the CONNECT-UDP template`);
  const found: Partial<Record<Variable, string>> = {};
  order.forEach((o, index) => {
    const captured = m[index + 1]!;
    if (!o.query) {
      found[o.names[0]!] = decode(captured);
      return;
    }
    for (const pair of captured.split('&')) {
      const eq = pair.indexOf('=');
      const name = decode(eq < 0 ? pair : pair.slice(0, eq));
      if ((o.names as string[]).includes(name)) found[name as Variable] = decode(eq < 0 ? '' : pair.slice(eq + 1));
    }
  });
  return validateTarget(found.target_host, found.target_port);
}

function validateTarget(host: string | undefined, portText: string | undefined): { host: string; port: number } {
  if (host === undefined || host === '' || host.length > 255) throw new ProxyProtocolError('missing or oversized target_host');
  // A hostname or an IP literal (IPv6 without brackets): no separators, spaces or controls.
  if (!/^[A-Za-z0-9._:%-]+$/.test(host)) throw new ProxyProtocolError(`invalid target_host ${JSON.stringify(host.slice(0, 64))}`);
  if (portText === undefined || !/^[0-9]{1,5}$/.test(portText)) throw new ProxyProtocolError('missing or invalid target_port');
  const port = Number(portText);
  if (port < 1 || port > 65535) throw new ProxyProtocolError(`target_port ${port} out of range`);
  return { host, port };
}
