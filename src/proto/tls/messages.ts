/**
 * Handshake message framing (RFC 8446 §4: type u8 + length u24) and reassembly of the
 * in-order byte stream QUIC delivers per encryption level (RFC 9001 §4.1.3).
 */
import { AlertDescription, TlsAlertError } from './alerts.js';

export const HandshakeType = {
  client_hello: 1,
  server_hello: 2,
  new_session_ticket: 4,
  end_of_early_data: 5,
  encrypted_extensions: 8,
  certificate: 11,
  certificate_request: 13,
  certificate_verify: 15,
  finished: 20,
  key_update: 24,
  message_hash: 254,
} as const;
export type HandshakeType = (typeof HandshakeType)[keyof typeof HandshakeType];

/** Largest handshake message we accept (certificate chains included). */
export const MAX_HANDSHAKE_MESSAGE = 64 * 1024;

/** Wraps a message body in its 4-byte handshake header. */
export function frameHandshake(type: number, body: Uint8Array): Uint8Array {
  if (body.length >= 1 << 24) throw new RangeError('handshake message too long');
  const out = new Uint8Array(4 + body.length);
  out[0] = type;
  out[1] = body.length >>> 16;
  out[2] = body.length >>> 8;
  out[3] = body.length;
  out.set(body, 4);
  return out;
}

export interface HandshakeMessage {
  readonly type: number;
  /** The body (after the 4-byte header). */
  readonly body: Uint8Array;
  /** Header and body, as hashed into the transcript. */
  readonly raw: Uint8Array;
}

/**
 * Splits a byte stream into whole handshake messages. Only one incomplete message is ever
 * buffered, and its declared size is capped, so memory stays bounded whatever the peer sends.
 * Returned messages own their bytes (they may be retained; the caller's buffer may be reused).
 */
/** Shared by every idle reassembler: never written to. */
const NOTHING_PENDING = new Uint8Array(0);

export class HandshakeReassembler {
  private pending: Uint8Array = NOTHING_PENDING;
  private readonly maxMessage: number;

  constructor(maxMessage = MAX_HANDSHAKE_MESSAGE) {
    this.maxMessage = maxMessage;
  }

  /** Bytes buffered that do not form a whole message yet. */
  get buffered(): number {
    return this.pending.length;
  }

  /** Adds bytes and returns the complete messages they finish, in order. */
  push(data: Uint8Array): HandshakeMessage[] {
    let buf: Uint8Array;
    if (this.pending.length === 0) {
      buf = data;
    } else {
      buf = new Uint8Array(this.pending.length + data.length);
      buf.set(this.pending);
      buf.set(data, this.pending.length);
    }
    const out: HandshakeMessage[] = [];
    let pos = 0;
    while (buf.length - pos >= 4) {
      const len = (buf[pos + 1]! << 16) | (buf[pos + 2]! << 8) | buf[pos + 3]!;
      if (len > this.maxMessage) {
        throw new TlsAlertError(AlertDescription.illegal_parameter, `handshake message of ${len} bytes exceeds ${this.maxMessage}`);
      }
      if (buf.length - pos < 4 + len) break;
      const raw = buf.slice(pos, pos + 4 + len);
      out.push({ type: raw[0]!, body: raw.subarray(4), raw });
      pos += 4 + len;
    }
    // At most one partial message (maxMessage + 4 bytes, checked above) stays buffered.
    this.pending = pos === buf.length ? NOTHING_PENDING : buf.slice(pos);
    return out;
  }
}
