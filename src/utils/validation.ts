/**
 * Value checks and small data helpers (pywebtransport utils: validate_*, is_ipv4/ipv6_address,
 * normalize_headers, merge_configs, resolve_address). Validators throw RangeError/TypeError.
 */
import { lookup } from 'node:dns/promises';
import { isIPv4, isIPv6 } from 'node:net';
import { ConfigurationError } from '../index.js';

const MAX_ERROR_CODE = 0xffff_ffff;
const MAX_STREAM_ID = 2n ** 62n - 1n;

export const isIPv4Address = (host: string): boolean => isIPv4(host);
export const isIPv6Address = (host: string): boolean => isIPv6(host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host);

/** A UDP port a server or client can name: 1..65535. */
export function validatePort(port: unknown): number {
  if (typeof port !== 'number' || !Number.isInteger(port)) throw new TypeError(`port must be an integer, got ${String(port)}`);
  if (port < 1 || port > 65_535) throw new RangeError(`port must be 1..65535, got ${port}`);
  return port;
}

/** A WebTransport application error code: 0..2^32-1. */
export function validateErrorCode(code: unknown): number {
  if (typeof code !== 'number' || !Number.isInteger(code)) throw new TypeError(`error code must be an integer, got ${String(code)}`);
  if (code < 0 || code > MAX_ERROR_CODE) throw new RangeError(`error code must be 0..2^32-1, got ${code}`);
  return code;
}

/** A QUIC stream id: 0..2^62-1 (number or bigint). */
export function validateStreamId(id: unknown): number | bigint {
  if (typeof id === 'number' ? !Number.isInteger(id) : typeof id !== 'bigint') throw new TypeError(`stream id must be an integer, got ${String(id)}`);
  const big = BigInt(id as number | bigint);
  if (big < 0n || big > MAX_STREAM_ID) throw new RangeError(`stream id must be 0..2^62-1, got ${big}`);
  return id as number | bigint;
}

/** `{ host, port }` with a non-empty host and a valid port. */
export function validateAddress(address: unknown): { host: string; port: number } {
  if (typeof address !== 'object' || address === null) throw new TypeError('address must be an object { host, port }');
  const { host, port } = address as { host?: unknown; port?: unknown };
  if (typeof host !== 'string' || host.length === 0) throw new TypeError('address host must be a non-empty string');
  return { host, port: validatePort(port) };
}

/** Header names lower-cased, values as strings (later duplicates win). */
export function normalizeHeaders(headers: Readonly<Record<string, unknown>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) out[name.toLowerCase()] = String(value);
  return out;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;

/** Deep merge of plain objects: `override` wins, nested plain objects merge, the inputs stay untouched. */
export function mergeConfigs<T extends Record<string, unknown>>(base: T, override: Readonly<Record<string, unknown>>): T {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(override)) {
    if (key === '__proto__' || key === 'constructor' || key === 'prototype') continue;
    const current = out[key];
    out[key] = isPlainObject(current) && isPlainObject(value) ? mergeConfigs(current, value) : value;
  }
  return out as T;
}

/** The first address `host` resolves to; ConfigurationError when it does not resolve. */
export async function resolveAddress(host: string, port: number, options: { family?: 0 | 4 | 6 } = {}): Promise<{ address: string; family: 4 | 6; port: number }> {
  validatePort(port);
  try {
    const r = await lookup(host, { family: options.family ?? 0 });
    return { address: r.address, family: r.family === 6 ? 6 : 4, port };
  } catch (cause) {
    throw new ConfigurationError(`cannot resolve ${host}`, { configKey: 'host', configValue: host, cause });
  }
}
