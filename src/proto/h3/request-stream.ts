/**
 * The receiving side of one request stream (RFC 9114 §4.1): HEADERS, then DATA*, then optional
 * trailers; interim 1xx responses before the final one (client side). Body bytes are pulled: the
 * stream reads QUIC only while less than `highWater` body bytes wait for the application, so QUIC
 * flow-control credit follows consumption. On a CONNECT stream using the Capsule Protocol, DATA
 * payload is parsed as capsules once the 2xx response was sent (server) or received (client).
 *
 * Connection errors are thrown as H3Error / QpackError; errors that only kill this stream are
 * thrown as StreamAbort (the connection resets the stream with its code).
 */
import { CapsuleParser } from './capsule.js';
import { H3Error, H3ErrorCode } from './errors.js';
import { checkCapsuleProtocolMessage, isSuccessfulConnectStatus } from './extended-connect.js';
import { H3FrameReader } from './frames.js';
import type { H3Event } from './events.js';
import {
  checkContentLength, isInformationalStatus, parseContentLength, validateRequestHeaders, validateResponseHeaders, validateTrailers,
} from './header-validation.js';
import { QpackError, type Header } from './qpack/index.js';
import type { QuicConnectionLike } from './quic-connection-like.js';

/** A stream-level error: reset this stream (and stop reading it) with `code`. */
export class StreamAbort extends Error {
  readonly code: number;
  constructor(code: number, reason: string) {
    super(reason);
    this.name = 'StreamAbort';
    this.code = code;
  }
}

/** What the stream needs from its connection. */
export interface RequestStreamContext {
  /** We are the server (this stream carries a request to us). */
  readonly isServer: boolean;
  /** Whether we sent SETTINGS_ENABLE_CONNECT_PROTOCOL = 1 (server side). */
  readonly extendedConnectEnabled: boolean;
  /** :protocol tokens whose CONNECT streams carry capsules. */
  readonly capsuleProtocols: ReadonlySet<string>;
  /** Whether a WebTransport stream signal may start this stream. */
  readonly webTransportEnabled: boolean;
  /** QPACK: the decoded field section, or undefined when blocked on the encoder stream. */
  decodeFieldSection(streamId: number, fieldSection: Uint8Array): Header[] | undefined;
  emit(ev: H3Event): void;
}

const PHASE_HEADERS = 0;
const PHASE_BODY = 1;
const PHASE_TRAILERS = 2;

/** Result of pump(): keep going, or this stream turned out to be a WebTransport stream. */
export type PumpResult = undefined | { readonly webTransportSessionId: number };

export class RequestStream {
  readonly id: number;
  private readonly reader: H3FrameReader;
  private readonly highWater: number;
  private phase = PHASE_HEADERS;
  /** QUIC may have bytes for us (streamReadable seen and not drained). */
  quicReadable = false;
  /** QUIC delivered our last byte (FIN): the reader holds everything left. */
  private quicFin = false;
  /** The message ended cleanly and every byte was parsed. */
  private ended = false;
  private finishedAnnounced = false;
  /** Body pieces waiting for readData (views of QUIC's buffers). */
  private readonly pending: Uint8Array[] = [];
  private pendingBytes = 0;
  private blockedSection: Uint8Array | undefined;
  private contentLength: number | undefined;
  private bodyReceived = 0;
  /** Receive side abandoned (reset by the peer, stopped by us, or aborted on an error). */
  closed = false;
  /** QUIC already forgot the stream; the connection drops it once the buffered body is read. */
  quicGone = false;
  /** Headers of the message (request or final response) were fully decoded. */
  headersDone = false;

  // What we know about the exchange, for both roles.
  /** Method of the request (sent by us as client, or received as server). */
  method: string | undefined;
  /** `:protocol` of an extended CONNECT. */
  protocol: string | undefined;
  /** DATA payload is capsules (set by the connection when the 2xx goes out / comes in). */
  private capsules: CapsuleParser | undefined;

  constructor(id: number, highWater: number, maxFieldSectionBytes: number, allowWebTransport: boolean) {
    this.id = id;
    this.highWater = highWater;
    this.reader = new H3FrameReader({ kind: 'request', maxFieldSectionBytes, allowWebTransportStream: allowWebTransport });
  }

  get isExtendedConnect(): boolean {
    return this.method === 'CONNECT' && this.protocol !== undefined;
  }

  get usesCapsules(): boolean {
    return this.capsules !== undefined;
  }

  get isBlocked(): boolean {
    return this.blockedSection !== undefined;
  }

  /** Body bytes buffered for the application. */
  get bufferedBytes(): number {
    return this.pendingBytes;
  }

  /** The remaining bytes the frame reader holds (the rest of a WebTransport stream's first read). */
  /** QUIC already delivered this stream's FIN (it may have come with the first bytes). */
  get receivedFin(): boolean {
    return this.quicFin;
  }

  takeRaw(): Uint8Array[] {
    const out: Uint8Array[] = [];
    for (let f = this.reader.next(); f !== undefined; f = this.reader.next()) if (f.type === 'RAW') out.push(f.data);
    return out;
  }

  /** Reads from QUIC and parses as far as the buffer limit and QPACK allow. */
  pump(quic: QuicConnectionLike, ctx: RequestStreamContext): PumpResult {
    if (this.closed) return undefined;
    try {
      for (;;) {
        const r = this.parse(ctx);
        if (r !== undefined) return r;
        if (this.blockedSection !== undefined || this.ended) return undefined;
        if (this.quicFin) {
          this.onEnd(ctx);
          return undefined;
        }
        if (!this.quicReadable) return undefined;
        const room = this.highWater - this.pendingBytes;
        if (room <= 0 && this.capsules === undefined) return undefined;
        const got = safeRead(quic, this.id, Math.max(room, 1024));
        if (got === undefined) {
          this.quicReadable = false;
          return undefined;
        }
        if (got.data.length > 0) this.reader.push(got.data);
        if (got.fin) {
          this.quicFin = true;
          this.quicReadable = false;
        }
      }
    } catch (e) {
      throw toStreamAbort(e);
    }
  }

  /** Parses the frames the reader holds. */
  private parse(ctx: RequestStreamContext): PumpResult {
    for (;;) {
      if (this.blockedSection !== undefined) return undefined;
      if (this.capsules === undefined && this.pendingBytes >= this.highWater) return undefined;
      const f = this.reader.next();
      if (f === undefined) return undefined;
      switch (f.type) {
        case 'HEADERS': {
          if (this.phase === PHASE_TRAILERS) throw new H3Error(H3ErrorCode.H3_FRAME_UNEXPECTED, 'HEADERS after trailers');
          const headers = ctx.decodeFieldSection(this.id, f.fieldSection);
          if (headers === undefined) {
            // QPACK blocked: keep the section (it may be a view of a buffer QUIC reuses) until resumed.
            this.blockedSection = f.fieldSection.slice();
            return undefined;
          }
          this.applyHeaders(headers, ctx);
          continue;
        }
        case 'DATA':
          if (this.phase !== PHASE_BODY) {
            throw new H3Error(H3ErrorCode.H3_FRAME_UNEXPECTED, this.phase === PHASE_HEADERS ? 'DATA before HEADERS' : 'DATA after trailers');
          }
          this.onBody(f.data, ctx);
          continue;
        case 'PUSH_PROMISE':
          // Servers never receive it; we never sent MAX_PUSH_ID, so no push id is valid for a client.
          if (ctx.isServer) throw new H3Error(H3ErrorCode.H3_FRAME_UNEXPECTED, 'PUSH_PROMISE from a client');
          throw new H3Error(H3ErrorCode.H3_ID_ERROR, `PUSH_PROMISE ${f.pushId} without MAX_PUSH_ID`);
        case 'WEBTRANSPORT_STREAM':
          if (this.phase !== PHASE_HEADERS || !ctx.webTransportEnabled) {
            throw new H3Error(H3ErrorCode.H3_FRAME_ERROR, 'unexpected WebTransport stream signal');
          }
          this.closed = true;
          return { webTransportSessionId: f.sessionId };
        default:
          continue; // UNKNOWN / reserved frames are skipped
      }
    }
  }

  private applyHeaders(headers: Header[], ctx: RequestStreamContext): void {
    const endStream = this.quicFin && this.reader.buffered === 0;
    if (this.phase === PHASE_BODY) {
      validateTrailers(headers);
      this.phase = PHASE_TRAILERS;
      ctx.emit({ type: 'trailers', streamId: this.id, headers });
      return;
    }
    if (ctx.isServer) {
      const p = validateRequestHeaders(headers, { extendedConnectEnabled: ctx.extendedConnectEnabled });
      this.method = p.method;
      this.protocol = p.protocol;
      if (this.isExtendedConnect && ctx.capsuleProtocols.has(p.protocol!)) checkCapsuleProtocolMessage(headers);
      this.contentLength = parseContentLength(headers);
      this.phase = PHASE_BODY;
      this.headersDone = true;
      ctx.emit({
        type: 'headers', streamId: this.id, headers, endStream, method: p.method,
        ...(p.protocol !== undefined ? { protocol: p.protocol } : {}), isExtendedConnect: this.isExtendedConnect,
      });
      return;
    }
    const { status } = validateResponseHeaders(headers);
    if (isInformationalStatus(status)) {
      ctx.emit({ type: 'headers', streamId: this.id, headers, endStream: false, status, isExtendedConnect: false });
      return;
    }
    // HEAD responses and 204/304 carry no body whatever content-length says (RFC 9110 §8.6).
    if (this.method !== 'HEAD' && status !== 204 && status !== 304) this.contentLength = parseContentLength(headers);
    this.phase = PHASE_BODY;
    this.headersDone = true;
    const capsuleStream = this.isExtendedConnect && ctx.capsuleProtocols.has(this.protocol!) && isSuccessfulConnectStatus(status);
    if (capsuleStream) checkCapsuleProtocolMessage(headers, status);
    ctx.emit({ type: 'headers', streamId: this.id, headers, endStream, status, isExtendedConnect: this.isExtendedConnect });
    if (capsuleStream) this.startCapsules(ctx);
  }

  private onBody(piece: Uint8Array, ctx: RequestStreamContext): void {
    this.bodyReceived += piece.length;
    try {
      checkContentLength(this.contentLength, this.bodyReceived, false);
    } catch (e) {
      throw toStreamAbort(e);
    }
    if (piece.length === 0) return;
    if (this.capsules !== undefined) {
      this.capsules.push(piece);
      this.drainCapsules(ctx);
      return;
    }
    this.pending.push(piece);
    const wasEmpty = this.pendingBytes === 0;
    this.pendingBytes += piece.length;
    if (wasEmpty) ctx.emit({ type: 'data', streamId: this.id });
  }

  /** From now on DATA payload is capsules; body bytes already buffered are parsed first. */
  startCapsules(ctx: RequestStreamContext): void {
    if (this.capsules !== undefined) return;
    this.capsules = new CapsuleParser();
    for (const p of this.pending) this.capsules.push(p);
    this.pending.length = 0;
    this.pendingBytes = 0;
    try {
      this.drainCapsules(ctx);
    } catch (e) {
      throw toStreamAbort(e);
    }
  }

  private drainCapsules(ctx: RequestStreamContext): void {
    const parser = this.capsules!;
    for (let c = parser.next(); c !== undefined; c = parser.next()) {
      ctx.emit({ type: 'capsule', streamId: this.id, capsuleType: c.type, value: c.value });
    }
  }

  /** The QUIC FIN was reached and every byte parsed. */
  private onEnd(ctx: RequestStreamContext): void {
    this.reader.finish(); // H3_FRAME_ERROR when the stream ends inside a frame
    if (this.phase === PHASE_HEADERS) throw new StreamAbort(H3ErrorCode.H3_REQUEST_INCOMPLETE, 'stream ended before HEADERS');
    try {
      checkContentLength(this.contentLength, this.bodyReceived, true);
      this.capsules?.finish();
    } catch (e) {
      throw toStreamAbort(e);
    }
    this.ended = true;
    this.announceFinish(ctx);
  }

  private announceFinish(ctx: RequestStreamContext): void {
    if (this.ended && this.pendingBytes === 0 && !this.finishedAnnounced) {
      this.finishedAnnounced = true;
      ctx.emit({ type: 'requestFinished', streamId: this.id });
    }
  }

  /** Takes up to `max` buffered body bytes (a view, no copy); fin once the body is complete and read. */
  readData(max: number, ctx: RequestStreamContext): { data: Uint8Array; fin: boolean } | undefined {
    const head = this.pending[0];
    if (head === undefined) {
      if (this.ended) {
        this.announceFinish(ctx);
        return { data: new Uint8Array(0), fin: true };
      }
      return undefined;
    }
    let data = head;
    if (head.length > max) {
      data = head.subarray(0, max);
      this.pending[0] = head.subarray(max);
    } else {
      this.pending.shift();
    }
    this.pendingBytes -= data.length;
    return { data, fin: this.ended && this.pendingBytes === 0 };
  }

  /** After readData: announce the end if the last byte was just read. */
  afterRead(ctx: RequestStreamContext): void {
    this.announceFinish(ctx);
  }

  /** QPACK unblocked this stream: decode the held section and continue. */
  resume(quic: QuicConnectionLike, ctx: RequestStreamContext): PumpResult {
    const section = this.blockedSection;
    if (section === undefined || this.closed) return undefined;
    try {
      const headers = ctx.decodeFieldSection(this.id, section);
      if (headers === undefined) return undefined;
      this.blockedSection = undefined;
      this.applyHeaders(headers, ctx);
    } catch (e) {
      throw toStreamAbort(e);
    }
    return this.pump(quic, ctx);
  }

  /** Whether every field section of the message was decoded (else QPACK needs a Stream Cancellation). */
  get sectionsPending(): boolean {
    return this.blockedSection !== undefined || (!this.ended && this.phase !== PHASE_TRAILERS);
  }

  /** Drops everything buffered: the receive side is abandoned. */
  abandon(): void {
    this.closed = true;
    this.pending.length = 0;
    this.pendingBytes = 0;
    this.blockedSection = undefined;
  }
}

/** QUIC read that treats a stream QUIC no longer knows as empty. */
export function safeRead(quic: QuicConnectionLike, id: number, max: number): { data: Uint8Array; fin: boolean } | undefined {
  try {
    return quic.readStream(id, max);
  } catch {
    return undefined;
  }
}

/** Message-level failures become stream errors; everything else stays a connection error. */
function toStreamAbort(e: unknown): unknown {
  if (e instanceof StreamAbort) return e;
  if (e instanceof H3Error) {
    if (e.code === H3ErrorCode.H3_MESSAGE_ERROR || e.code === H3ErrorCode.H3_REQUEST_INCOMPLETE || e.code === H3ErrorCode.H3_EXCESSIVE_LOAD) {
      // H3_EXCESSIVE_LOAD here comes from an oversized capsule or field section on this stream.
      return new StreamAbort(e.code, e.reason);
    }
    return e;
  }
  if (e instanceof QpackError && e.streamError) return new StreamAbort(e.code, e.message);
  return e;
}
