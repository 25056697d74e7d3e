/**
 * Errors of the HTTP/3 client and server. Codes are HTTP/3 error codes (RFC 9114 §8.1) as the
 * peer sent them (stream reset, connection close) or as we used them.
 */
import { h3ErrorName } from '../../proto/h3/errors.js';

/** One request stream failed: the peer reset or stopped it, or we aborted it for a protocol error. */
export class Http3StreamError extends Error {
  readonly code: number;
  readonly kind: 'reset' | 'stopped' | 'protocol' | 'aborted';
  constructor(kind: Http3StreamError['kind'], code: number, detail = '') {
    super(`HTTP/3 stream ${kind} with ${h3ErrorName(code)} (0x${code.toString(16)})${detail ? `: ${detail}` : ''}`);
    this.name = 'Http3StreamError';
    this.kind = kind;
    this.code = code;
  }
}

/** The connection is gone (closed by either side, idle timeout...) or refused the request. */
export class Http3ConnectionError extends Error {
  readonly code: number;
  readonly remote: boolean;
  constructor(message: string, code = 0, remote = false) {
    super(message);
    this.name = 'Http3ConnectionError';
    this.code = code;
    this.remote = remote;
  }
}

/** Converts a 62-bit wire code to a number (codes beyond 2^53 keep their low bits' meaning lost). */
export function codeNumber(code: bigint): number {
  return code <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(code) : Number.MAX_SAFE_INTEGER;
}
