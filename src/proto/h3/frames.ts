/**
 * HTTP/3 frames (RFC 9114 §7): type codepoints, the per-stream-kind permission table, encoders,
 * and H3FrameReader, an incremental reader fed with stream bytes in arbitrary chunks.
 *
 * DATA payloads are streamed as views of the fed chunks (never buffered whole); HEADERS,
 * PUSH_PROMISE, SETTINGS and the one-varint control frames are buffered up to a size limit.
 */
import { ByteReader, ByteWriter, TruncatedInputError, varintSize, writeVarintAt } from '../util/bytes.js';
import type { RandomSource } from '../util/random.js';
import { H3Error, H3ErrorCode, randomReservedH3Code } from './errors.js';
import { decodeSettingsPayload, encodeSettingsPayload } from './settings.js';
import type { H3Settings, H3SettingsInput } from './settings.js';

export const H3FrameType = {
  DATA: 0x00,
  HEADERS: 0x01,
  CANCEL_PUSH: 0x03,
  SETTINGS: 0x04,
  PUSH_PROMISE: 0x05,
  GOAWAY: 0x07,
  MAX_PUSH_ID: 0x0d,
  /** WebTransport stream signal (WT_STREAM / WEBTRANSPORT_STREAM): no length field, not a real frame. */
  WEBTRANSPORT_STREAM: 0x41,
  /** RFC 9218 §7.2: control stream only; we do not act on priorities, so they are skipped. */
  PRIORITY_UPDATE_REQUEST: 0xf0700,
  PRIORITY_UPDATE_PUSH: 0xf0701,
} as const;

/** HTTP/2 frame types reserved in HTTP/3: receipt is H3_FRAME_UNEXPECTED (RFC 9114 §7.2.8). */
export const H2ReservedFrameType = {
  PRIORITY: 0x02,
  PING: 0x06,
  WINDOW_UPDATE: 0x08,
  CONTINUATION: 0x09,
} as const;

/** The three stream kinds that carry HTTP/3 frames (RFC 9114 §7, Table 1). */
export type H3StreamKind = 'control' | 'request' | 'push';

export function isH2ReservedFrameType(type: number): boolean {
  return type === 0x02 || type === 0x06 || type === 0x08 || type === 0x09;
}

/**
 * Whether a frame type may be received on a stream kind (RFC 9114 Table 1, RFC 9218 §7.2).
 * Unknown and reserved types are allowed everywhere (they are skipped). The WebTransport signal
 * is only valid at the start of a request stream, which H3FrameReader checks itself.
 * Sequence rules (SETTINGS first and once, HEADERS before DATA, ...) belong to the connection.
 */
export function isFrameAllowed(kind: H3StreamKind, type: number): boolean {
  switch (type) {
    case H3FrameType.DATA:
    case H3FrameType.HEADERS:
      return kind !== 'control';
    case H3FrameType.PUSH_PROMISE:
    case H3FrameType.WEBTRANSPORT_STREAM:
      return kind === 'request';
    case H3FrameType.CANCEL_PUSH:
    case H3FrameType.SETTINGS:
    case H3FrameType.GOAWAY:
    case H3FrameType.MAX_PUSH_ID:
    case H3FrameType.PRIORITY_UPDATE_REQUEST:
    case H3FrameType.PRIORITY_UPDATE_PUSH:
      return kind === 'control';
    default:
      return !isH2ReservedFrameType(type);
  }
}

/** Throws H3Error(H3_FRAME_UNEXPECTED) when `type` may not appear on `kind`. */
export function checkFrameAllowed(kind: H3StreamKind, type: number): void {
  if (!isFrameAllowed(kind, type)) {
    throw new H3Error(H3ErrorCode.H3_FRAME_UNEXPECTED, `frame 0x${type.toString(16)} not allowed on a ${kind} stream`);
  }
}

// ---------------------------------------------------------------------------------------------
// Encoders

export function frameHeaderSize(type: number, length: number): number {
  return varintSize(type) + varintSize(length);
}

/** Writes a frame header (type, length) at buf[offset]; returns the offset after it. */
export function writeFrameHeader(buf: Uint8Array, offset: number, type: number, length: number): number {
  return writeVarintAt(buf, writeVarintAt(buf, offset, type), length);
}

/** Just the frame header: lets a DATA body go out as its own chunk with no copy. */
export function encodeFrameHeader(type: number, length: number): Uint8Array {
  const out = new Uint8Array(frameHeaderSize(type, length));
  writeFrameHeader(out, 0, type, length);
  return out;
}

export function encodeFrame(type: number, payload: Uint8Array): Uint8Array {
  const out = new Uint8Array(frameHeaderSize(type, payload.length) + payload.length);
  out.set(payload, writeFrameHeader(out, 0, type, payload.length));
  return out;
}

export function encodeDataFrameHeader(length: number): Uint8Array {
  return encodeFrameHeader(H3FrameType.DATA, length);
}

export function encodeDataFrame(data: Uint8Array): Uint8Array {
  return encodeFrame(H3FrameType.DATA, data);
}

export function encodeHeadersFrame(fieldSection: Uint8Array): Uint8Array {
  return encodeFrame(H3FrameType.HEADERS, fieldSection);
}

export function encodePushPromiseFrame(pushId: number, fieldSection: Uint8Array): Uint8Array {
  return encodeFrame(H3FrameType.PUSH_PROMISE, new ByteWriter(8 + fieldSection.length).varint(pushId).bytes(fieldSection).finish());
}

export function encodeSettingsFrame(settings: H3SettingsInput): Uint8Array {
  return encodeFrame(H3FrameType.SETTINGS, encodeSettingsPayload(settings));
}

function encodeVarintFrame(type: number, v: number | bigint): Uint8Array {
  return encodeFrame(type, new ByteWriter(8).varint(v).finish());
}

/** GOAWAY carries a client bidi stream id (from a server) or a push id (from a client). */
export function encodeGoawayFrame(id: number | bigint): Uint8Array {
  return encodeVarintFrame(H3FrameType.GOAWAY, id);
}

export function encodeCancelPushFrame(pushId: number | bigint): Uint8Array {
  return encodeVarintFrame(H3FrameType.CANCEL_PUSH, pushId);
}

export function encodeMaxPushIdFrame(pushId: number | bigint): Uint8Array {
  return encodeVarintFrame(H3FrameType.MAX_PUSH_ID, pushId);
}

/** A reserved-type frame with 0..maxPayload random bytes (RFC 9114 §7.2.8 GREASE). */
export function encodeGreaseFrame(rng: RandomSource, maxPayload = 8): Uint8Array {
  const type = randomReservedH3Code(rng);
  const len = rng.fill(new Uint8Array(1))[0]! % (maxPayload + 1);
  return encodeFrame(type, rng.fill(new Uint8Array(len)));
}

// ---------------------------------------------------------------------------------------------
// Incremental input

/** Decodes a varint of `len` bytes at b[p]; values above 2^53 come back rounded (callers bound them). */
function decodeVarintAt(b: Uint8Array, p: number, len: number): number {
  let v = b[p]! & 0x3f;
  for (let i = 1; i < len; i++) v = v * 256 + b[p + i]!;
  return v;
}

/** For a varint split across chunks: decoded at once, so one buffer serves every queue. */
const VARINT_SCRATCH = new Uint8Array(8);

/**
 * A FIFO of received chunks read without copying. Shared by the frame, capsule and stream-header
 * readers. Chunks are referenced, not copied: callers must not reuse a pushed buffer while it is
 * still queued.
 */
export class ByteQueue {
  private readonly chunks: Uint8Array[] = [];
  /** Read offset into chunks[0]. */
  private off = 0;
  private avail = 0;

  get length(): number {
    return this.avail;
  }

  /** Bytes readable as one view from the front chunk. */
  get contiguous(): number {
    const c = this.chunks[0];
    return c === undefined ? 0 : c.length - this.off;
  }

  push(chunk: Uint8Array): void {
    if (chunk.length === 0) return;
    this.chunks.push(chunk);
    this.avail += chunk.length;
  }

  /** Size of the varint at the front (from its first byte), or 0 when the queue is empty. */
  peekVarintSize(): number {
    const c = this.chunks[0];
    return c === undefined ? 0 : 1 << (c[this.off]! >> 6);
  }

  /**
   * Consumes and returns the varint at the front, or -1 (consuming nothing) when incomplete.
   * Values above 2^53 are rounded: callers treat anything above MAX_SAFE_INTEGER as too large.
   */
  readVarint(): number {
    const c = this.chunks[0];
    if (c === undefined) return -1;
    const len = 1 << (c[this.off]! >> 6);
    if (len > this.avail) return -1;
    if (this.off + len <= c.length) {
      const v = decodeVarintAt(c, this.off, len);
      this.skip(len);
      return v;
    }
    this.copyTo(VARINT_SCRATCH, 0, len);
    return decodeVarintAt(VARINT_SCRATCH, 0, len);
  }

  /** Consumes up to `max` bytes from the front chunk and returns them as a view (no copy). */
  take(max: number): Uint8Array {
    const c = this.chunks[0];
    if (c === undefined || max <= 0) return EMPTY;
    const n = Math.min(max, c.length - this.off);
    const out = c.subarray(this.off, this.off + n);
    this.advance(c, n);
    return out;
  }

  /** Consumes exactly n bytes (n <= length) into dst[at..]. */
  copyTo(dst: Uint8Array, at: number, n: number): void {
    while (n > 0) {
      const c = this.chunks[0]!;
      const k = Math.min(n, c.length - this.off);
      dst.set(c.subarray(this.off, this.off + k), at);
      at += k;
      n -= k;
      this.advance(c, k);
    }
  }

  /** Drops n bytes (n <= length). */
  skip(n: number): void {
    while (n > 0) {
      const c = this.chunks[0]!;
      const k = Math.min(n, c.length - this.off);
      n -= k;
      this.advance(c, k);
    }
  }

  clear(): void {
    this.chunks.length = 0;
    this.off = 0;
    this.avail = 0;
  }

  private advance(c: Uint8Array, n: number): void {
    this.avail -= n;
    this.off += n;
    if (this.off === c.length) {
      this.chunks.shift();
      this.off = 0;
    }
  }
}

const EMPTY = new Uint8Array(0);

// ---------------------------------------------------------------------------------------------
// Reader

/** What H3FrameReader.next() yields. Views (`data`, `fieldSection`) point into the fed chunks. */
export type H3Frame =
  /** A piece of a DATA frame payload; `frameEnd` on the last piece (an empty DATA frame yields one empty piece). */
  | { readonly type: 'DATA'; readonly data: Uint8Array; readonly frameEnd: boolean }
  | { readonly type: 'HEADERS'; readonly fieldSection: Uint8Array }
  | { readonly type: 'PUSH_PROMISE'; readonly pushId: number; readonly fieldSection: Uint8Array }
  | { readonly type: 'SETTINGS'; readonly settings: H3Settings }
  | { readonly type: 'CANCEL_PUSH'; readonly pushId: number }
  | { readonly type: 'GOAWAY'; readonly id: number }
  | { readonly type: 'MAX_PUSH_ID'; readonly pushId: number }
  /**
   * An unknown, reserved or ignored frame, announced at its start; its payload is skipped unbuffered.
   * Types above 2^53 are approximate (they are unknown anyway).
   */
  | { readonly type: 'UNKNOWN'; readonly frameType: number; readonly length: number }
  /** The WebTransport signal 0x41 + session id; every later byte of the stream comes as RAW. */
  | { readonly type: 'WEBTRANSPORT_STREAM'; readonly sessionId: number }
  | { readonly type: 'RAW'; readonly data: Uint8Array };

export interface H3FrameReaderOptions {
  readonly kind: H3StreamKind;
  /** Largest HEADERS / PUSH_PROMISE payload buffered (H3_EXCESSIVE_LOAD above). Default 64 KiB. */
  readonly maxFieldSectionBytes?: number;
  /** Largest SETTINGS payload buffered (H3_EXCESSIVE_LOAD above). Default 4 KiB. */
  readonly maxSettingsBytes?: number;
  /** Accept the 0x41 WebTransport signal on this request stream. Default true. */
  readonly allowWebTransportStream?: boolean;
}

const S_TYPE = 0;
const S_LENGTH = 1;
const S_DATA = 2;
const S_BUFFER = 3;
const S_SKIP = 4;
const S_WT_SESSION = 5;
const S_RAW = 6;

/**
 * Incremental HTTP/3 frame reader for one stream (after any uni-stream type prefix).
 * Usage: `push(chunk)`, then call `next()` until it returns undefined; `finish()` on a clean FIN.
 * Throws H3Error: H3_FRAME_UNEXPECTED (frame not allowed on this stream kind), H3_FRAME_ERROR
 * (malformed or truncated frame), H3_EXCESSIVE_LOAD (buffered frame above its limit),
 * H3_SETTINGS_ERROR (invalid SETTINGS), H3_ID_ERROR (bad WebTransport session id).
 */
export class H3FrameReader {
  readonly kind: H3StreamKind;
  private readonly maxFieldSection: number;
  private readonly maxSettings: number;
  private readonly allowWt: boolean;
  private readonly q = new ByteQueue();
  private state = S_TYPE;
  private frameType = 0;
  private remaining = 0;
  private buf: Uint8Array | undefined;
  private filled = 0;
  /**
   * HEADERS, DATA or PUSH_PROMISE seen: the WebTransport signal must not follow them. WT16 §4.3 wants
   * it at offset 0; like quiche for draft-02 we still accept it after skipped (GREASE) frames.
   */
  private sawMessageFrame = false;

  constructor(options: H3FrameReaderOptions) {
    this.kind = options.kind;
    this.maxFieldSection = options.maxFieldSectionBytes ?? 64 * 1024;
    this.maxSettings = options.maxSettingsBytes ?? 4 * 1024;
    this.allowWt = options.allowWebTransportStream ?? true;
  }

  push(chunk: Uint8Array): void {
    this.q.push(chunk);
  }

  /** True between frames (a clean FIN here is fine). */
  get atFrameBoundary(): boolean {
    return (this.state === S_TYPE && this.q.length === 0) || this.state === S_RAW;
  }

  /** Bytes received but not yet returned. */
  get buffered(): number {
    return this.q.length + this.filled;
  }

  /** Call on a clean end of stream, after next() returned undefined. */
  finish(): void {
    if (!this.atFrameBoundary) throw new H3Error(H3ErrorCode.H3_FRAME_ERROR, 'stream ended inside a frame');
  }

  next(): H3Frame | undefined {
    const q = this.q;
    for (;;) {
      switch (this.state) {
        case S_TYPE: {
          const t = q.readVarint();
          if (t < 0) return undefined;
          this.frameType = t;
          if (t === H3FrameType.WEBTRANSPORT_STREAM) {
            if (this.kind !== 'request' || !this.allowWt || this.sawMessageFrame) {
              throw new H3Error(H3ErrorCode.H3_FRAME_ERROR, 'WebTransport stream signal not at the start of a request stream');
            }
            this.state = S_WT_SESSION;
            continue;
          }
          checkFrameAllowed(this.kind, t);
          this.state = S_LENGTH;
          continue;
        }
        case S_LENGTH: {
          const len = q.readVarint();
          if (len < 0) return undefined;
          const f = this.startPayload(len);
          if (f !== undefined) return f;
          continue;
        }
        case S_DATA: {
          if (q.length === 0) return undefined;
          const data = q.take(this.remaining);
          this.remaining -= data.length;
          const frameEnd = this.remaining === 0;
          if (frameEnd) this.state = S_TYPE;
          return { type: 'DATA', data, frameEnd };
        }
        case S_BUFFER: {
          if (this.buf === undefined && q.contiguous >= this.remaining) {
            // Whole payload inside one chunk: decode the view, no copy.
            this.state = S_TYPE;
            return this.decodeBuffered(q.take(this.remaining));
          }
          if (q.length === 0) return undefined;
          this.buf ??= new Uint8Array(this.remaining);
          const n = Math.min(q.length, this.remaining - this.filled);
          q.copyTo(this.buf, this.filled, n);
          this.filled += n;
          if (this.filled < this.remaining) return undefined;
          const payload = this.buf;
          this.buf = undefined;
          this.filled = 0;
          this.state = S_TYPE;
          return this.decodeBuffered(payload);
        }
        case S_SKIP: {
          const n = Math.min(q.length, this.remaining);
          q.skip(n);
          this.remaining -= n;
          if (this.remaining > 0) return undefined;
          this.state = S_TYPE;
          continue;
        }
        case S_WT_SESSION: {
          const id = q.readVarint();
          if (id < 0) return undefined;
          if (id > Number.MAX_SAFE_INTEGER || id % 4 !== 0) {
            throw new H3Error(H3ErrorCode.H3_ID_ERROR, `WebTransport session id ${id} is not a client bidi stream id`);
          }
          this.state = S_RAW;
          return { type: 'WEBTRANSPORT_STREAM', sessionId: id };
        }
        default: {
          if (q.length === 0) return undefined;
          return { type: 'RAW', data: q.take(q.length) };
        }
      }
    }
  }

  /** Moves to the payload state for this.frameType; returns an item to yield right away, if any. */
  private startPayload(len: number): H3Frame | undefined {
    const type = this.frameType;
    this.remaining = len;
    switch (type) {
      case H3FrameType.DATA:
        this.sawMessageFrame = true;
        if (len === 0) {
          this.state = S_TYPE;
          return { type: 'DATA', data: EMPTY, frameEnd: true };
        }
        this.state = S_DATA;
        return undefined;
      case H3FrameType.HEADERS:
      case H3FrameType.PUSH_PROMISE:
        this.sawMessageFrame = true;
        if (len > this.maxFieldSection) {
          throw new H3Error(H3ErrorCode.H3_EXCESSIVE_LOAD, `field section of ${len} bytes exceeds ${this.maxFieldSection}`);
        }
        this.state = S_BUFFER;
        return undefined;
      case H3FrameType.SETTINGS:
        if (len > this.maxSettings) {
          throw new H3Error(H3ErrorCode.H3_EXCESSIVE_LOAD, `SETTINGS of ${len} bytes exceeds ${this.maxSettings}`);
        }
        this.state = S_BUFFER;
        return undefined;
      case H3FrameType.CANCEL_PUSH:
      case H3FrameType.GOAWAY:
      case H3FrameType.MAX_PUSH_ID:
        // Exactly one varint: 1..8 bytes (RFC 9114 §7.1).
        if (len === 0 || len > 8) throw new H3Error(H3ErrorCode.H3_FRAME_ERROR, `frame 0x${type.toString(16)} has length ${len}`);
        this.state = S_BUFFER;
        return undefined;
      default:
        this.state = len === 0 ? S_TYPE : S_SKIP;
        return { type: 'UNKNOWN', frameType: type, length: len };
    }
  }

  private decodeBuffered(payload: Uint8Array): H3Frame {
    const type = this.frameType;
    if (type === H3FrameType.HEADERS) return { type: 'HEADERS', fieldSection: payload };
    if (type === H3FrameType.SETTINGS) return { type: 'SETTINGS', settings: decodeSettingsPayload(payload) };
    const r = new ByteReader(payload);
    try {
      const id = readIdVarint(r);
      if (type === H3FrameType.PUSH_PROMISE) return { type: 'PUSH_PROMISE', pushId: id, fieldSection: r.rest() };
      if (!r.done) throw new H3Error(H3ErrorCode.H3_FRAME_ERROR, `trailing bytes in frame 0x${type.toString(16)}`);
      if (type === H3FrameType.GOAWAY) return { type: 'GOAWAY', id };
      if (type === H3FrameType.CANCEL_PUSH) return { type: 'CANCEL_PUSH', pushId: id };
      return { type: 'MAX_PUSH_ID', pushId: id };
    } catch (e) {
      if (e instanceof TruncatedInputError) throw new H3Error(H3ErrorCode.H3_FRAME_ERROR, `truncated frame 0x${type.toString(16)}`);
      throw e;
    }
  }
}

/** A stream or push id; ids beyond 2^53 - 1 cannot exist on a real connection, so they saturate. */
function readIdVarint(r: ByteReader): number {
  const len = r.remaining >= 1 ? 1 << (r.buf[r.pos]! >> 6) : 1;
  if (len === 8 && r.remaining >= 8) {
    const v = decodeVarintAt(r.buf, r.pos, 8);
    r.skip(8);
    return Math.min(v, Number.MAX_SAFE_INTEGER);
  }
  return r.varint();
}
