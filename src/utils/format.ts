/**
 * Byte and time helpers for logs and ids (pywebtransport utils: format_bytes, format_duration,
 * calculate_checksum, generate_*_id, ensure_bytes/ensure_str, chunked_read).
 */
import { createHash, randomBytes } from 'node:crypto';

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

/** Hashes whose output is the same everywhere (0.5.1 refused the "non-guaranteed" ones too). */
export const CHECKSUM_ALGORITHMS = Object.freeze(['sha1', 'sha224', 'sha256', 'sha384', 'sha512'] as const);
export type ChecksumAlgorithm = (typeof CHECKSUM_ALGORITHMS)[number];

/** UTF-8 for strings; views of other buffers without copying. */
export function ensureBytes(data: string | Uint8Array | ArrayBuffer | ArrayBufferView): Uint8Array {
  if (typeof data === 'string') return encoder.encode(data);
  if (data instanceof Uint8Array) return data;
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  throw new TypeError(`expected a string or bytes, got ${typeof data}`);
}

/** Strings as they are; bytes decoded as strict UTF-8 (TypeError when they are not UTF-8). */
export function ensureString(data: string | Uint8Array): string {
  if (typeof data === 'string') return data;
  if (!(data instanceof Uint8Array)) throw new TypeError(`expected a string or bytes, got ${typeof data}`);
  try {
    return decoder.decode(data);
  } catch (cause) {
    throw new TypeError('bytes are not valid UTF-8', { cause });
  }
}

/** `data` cut into views of at most `chunkSize` bytes (no copies). */
export function chunkBytes(data: Uint8Array, chunkSize = 8192): Uint8Array[] {
  if (!Number.isInteger(chunkSize) || chunkSize < 1) throw new RangeError(`chunkSize must be a positive integer, got ${chunkSize}`);
  const out: Uint8Array[] = [];
  for (let i = 0; i < data.length; i += chunkSize) out.push(data.subarray(i, i + chunkSize));
  return out;
}

/** Log-friendly preview: printable ASCII as is, other bytes as \xNN, cut after `maxLength` bytes. */
export function formatBytes(data: Uint8Array, maxLength = 100): string {
  let out = '';
  const shown = Math.min(data.length, Math.max(0, maxLength));
  for (let i = 0; i < shown; i++) {
    const b = data[i]!;
    out += b >= 0x20 && b < 0x7f && b !== 0x5c ? String.fromCharCode(b) : `\\x${b.toString(16).padStart(2, '0')}`;
  }
  return shown < data.length ? `${out}... (${data.length} bytes)` : out;
}

/** "850.0ms", "12.3s", "2m3.0s", "1h2m3.0s" (the input is milliseconds). */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`duration must be a non-negative number, got ${ms}`);
  if (ms < 1000) return `${ms.toFixed(1)}ms`;
  const seconds = ms / 1000;
  if (seconds < 60) return `${seconds.toFixed(1)}s`;
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = (seconds % 60).toFixed(1);
  return h > 0 ? `${h}h${m}m${s}s` : `${m}m${s}s`;
}

/** Hex digest of `data` (strings as UTF-8). */
export function calculateChecksum(data: string | Uint8Array, algorithm: ChecksumAlgorithm = 'sha256'): string {
  if (!(CHECKSUM_ALGORITHMS as readonly string[]).includes(algorithm)) throw new RangeError(`unsupported checksum algorithm: ${String(algorithm)}`);
  return createHash(algorithm).update(ensureBytes(data)).digest('hex');
}

/** Random URL-safe ids: 12, 8 and 16 random bytes, as in pywebtransport. */
export const generateConnectionId = (): string => randomBytes(12).toString('base64url');
export const generateRequestId = (): string => randomBytes(8).toString('base64url');
export const generateSessionId = (): string => randomBytes(16).toString('base64url');
