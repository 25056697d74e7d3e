/**
 * H3Connection: HTTP/3 (RFC 9114) over a QuicConnectionLike, sans-IO. It opens our control and
 * QPACK streams, enforces the peer's (SETTINGS first and once, critical streams never closed,
 * GOAWAY ids), runs request streams (request-stream.ts), feeds QPACK both ways, and carries what
 * a WebTransport layer needs: extended CONNECT, capsules on CONNECT streams, HTTP datagrams and
 * WebTransport streams (0x41 / 0x54) handed over raw.
 *
 * Inputs: handleQuicEvent(ev, now) for every QUIC ConnectionEvent, and the commands. Outputs:
 * pollEvent() and the bytes it writes into QUIC. A peer breaking the rules closes the QUIC
 * connection with the H3 error code (connectionError event), or resets one stream (streamError).
 */
import type { RandomSource } from '../util/random.js';
import type { Micros } from '../util/time.js';
import type { ConnectionEvent } from '../quic/connection/events.js';
import { encodeCapsule } from './capsule.js';
import { encodeControlStreamPreamble, localSettingsList, PeerControlState } from './control-stream.js';
import { H3Error, H3ErrorCode, randomReservedH3Code } from './errors.js';
import type { H3Event, H3PeerSettings } from './events.js';
import { ConnectProtocol, isSuccessfulConnectStatus } from './extended-connect.js';
import { encodeDataFrame, encodeGoawayFrame, encodeHeadersFrame, H3FrameReader } from './frames.js';
import {
  isInformationalStatus, validateRequestHeaders, validateResponseHeaders, validateTrailers, type HeaderList,
} from './header-validation.js';
import { decodeHttpDatagram, encodeHttpDatagram, httpDatagramPrefixSize } from './http-datagram.js';
import { OutboundStream } from './outbound-stream.js';
import { QpackDecoder, QpackEncoder, QpackError, type Header } from './qpack/index.js';
import { isServerInitiated, isUniStream, type QuicConnectionLike } from './quic-connection-like.js';
import { RequestStream, safeRead, StreamAbort, type RequestStreamContext } from './request-stream.js';
import { H3SettingId, viewSettings } from './settings.js';
import {
  bidiStreamHeaderReader, encodeUniStreamHeader, encodeWebTransportBidiHeader, encodeWebTransportUniHeader, uniStreamHeaderReader,
  type BidiStreamHeader, type StreamHeaderReader, type UniStreamHeader,
} from './stream-types.js';

export interface H3ConnectionOptions {
  readonly isServer: boolean;
  /** Settings we announce beyond QPACK and the field section limit. */
  readonly settings?: {
    readonly enableConnectProtocol?: boolean;
    readonly h3Datagram?: boolean;
    /** Any other settings (WebTransport ids...), sent as given. */
    readonly extra?: ReadonlyArray<readonly [number | bigint, number | bigint]>;
  };
  readonly qpack?: {
    /** Our decoder's table capacity (SETTINGS_QPACK_MAX_TABLE_CAPACITY). Default 4096. */
    readonly maxTableCapacity?: number;
    /** SETTINGS_QPACK_BLOCKED_STREAMS. Default 16. */
    readonly blockedStreams?: number;
    /** Upper bound on the table our encoder uses, whatever the peer allows. Default 4096. */
    readonly encoderMaxTableCapacity?: number;
  };
  /** SETTINGS_MAX_FIELD_SECTION_SIZE we announce and enforce. Default 64 KiB. */
  readonly maxFieldSectionSize?: number;
  /** Body bytes buffered per request stream before we stop reading QUIC. Default 256 KiB. */
  readonly maxBufferedBytesPerStream?: number;
  /** Enables GREASE (a reserved setting and frame on the control stream). */
  readonly random?: RandomSource;
  /** Also open one GREASE unidirectional stream (needs random). Default false. */
  readonly greaseStream?: boolean;
  /** Accept WebTransport streams. Default: true when `extra` carries a WebTransport setting id. */
  readonly webTransport?: boolean;
  /** :protocol tokens whose CONNECT streams use the Capsule Protocol. */
  readonly capsuleProtocols?: Iterable<string>;
}

/** A uni stream the peer opened, until (and after) its type is known. */
interface PeerUniStream {
  readonly id: number;
  /** Until the stream type is parsed; then dropped (with the chunk its remainder views). */
  header: StreamHeaderReader<UniStreamHeader> | undefined;
  kind: UniStreamHeader['kind'] | 'discard' | undefined;
  frames: H3FrameReader | undefined;
}

/** Shared empty maps, only ever read (reads and deletes of absent keys write nothing). */
const NO_RAWS = new Map<number, never>();
const NO_BIDI_HEADERS = new Map<number, never>();

type WebTransportDraft = 'draft02' | 'draft07' | 'draft13' | 'draft15';
const WT_DRAFTS: readonly WebTransportDraft[] = ['draft02', 'draft07', 'draft13', 'draft15'];
/** Per bit mask of WT_DRAFTS, one frozen list shared by every connection whose peer sent it. */
const wtDraftLists: (readonly WebTransportDraft[] | undefined)[] = [];

function webTransportDrafts(mask: number): readonly WebTransportDraft[] {
  return wtDraftLists[mask] ??= Object.freeze(WT_DRAFTS.filter((_, i) => (mask & (1 << i)) !== 0));
}

/** A WebTransport stream's receive side: bytes the H3 layer read past the header, then QUIC directly. */
interface RawInbound {
  readonly sessionId: number;
  readonly leftover: Uint8Array[];
  fin: boolean;
}

const WT_SETTING_IDS: ReadonlySet<number> = new Set<number>([
  H3SettingId.SETTINGS_ENABLE_WEBTRANSPORT, H3SettingId.SETTINGS_WEBTRANSPORT_MAX_SESSIONS,
  H3SettingId.SETTINGS_WT_MAX_SESSIONS, H3SettingId.SETTINGS_WT_ENABLED,
]);
/** Shared by every connection using the defaults (never written to). */
const DEFAULT_CAPSULE_PROTOCOLS: ReadonlySet<string> = new Set([ConnectProtocol.WEBTRANSPORT, ConnectProtocol.WEBTRANSPORT_H3, ConnectProtocol.CONNECT_UDP]);
const UNI_READ_CHUNK = 16 * 1024;
const EMPTY = new Uint8Array(0);

export class H3Connection {
  readonly quic: QuicConnectionLike;
  readonly isServer: boolean;
  private now: Micros = 0;
  private readonly encoder: QpackEncoder;
  private readonly decoder: QpackDecoder;
  /** Our SETTINGS, until the control stream carries them (then dropped). */
  private settingsList: Array<readonly [number | bigint, number | bigint]> | undefined;
  private readonly localExtendedConnect: boolean;
  private readonly localH3Datagram: boolean;
  private readonly webTransportEnabled: boolean;
  private readonly maxFieldSectionSize: number;
  private readonly highWater: number;
  private readonly random: RandomSource | undefined;
  private readonly greaseStream: boolean;
  private readonly ctx: RequestStreamContext;

  private readonly events: H3Event[] = [];
  private eventHead = 0;
  private started = false;
  private terminated = false;
  private closedEmitted = false;

  // Our critical streams (undefined until opened) and bytes waiting for them.
  private control: OutboundStream | undefined;
  private encoderStream: OutboundStream | undefined;
  private decoderStream: OutboundStream | undefined;
  private greaseOpened = false;
  private readonly encoderBacklog: Uint8Array[] = [];
  private readonly decoderBacklog: Uint8Array[] = [];

  // The peer's critical streams.
  private peerControlId: number | undefined;
  private peerEncoderId: number | undefined;
  private peerDecoderId: number | undefined;
  private readonly peerControl: PeerControlState;
  private peerSettingsView: H3PeerSettings | undefined;

  private readonly requests = new Map<number, RequestStream>();
  private readonly outbound = new Map<number, OutboundStream>();
  /** Empty until the first WebTransport stream / server bidi stream (idle sessions have none): see rawsForWrite(). */
  private raws: Map<number, RawInbound> = NO_RAWS;
  private readonly peerUni = new Map<number, PeerUniStream>();
  private peerBidiHeaders: Map<number, StreamHeaderReader<BidiStreamHeader>> = NO_BIDI_HEADERS;

  /** Server: highest request stream id accepted; the GOAWAY we sent (first id we refuse). */
  private maxPeerRequestId = -4;
  private goawaySent: number | undefined;

  constructor(quic: QuicConnectionLike, options: H3ConnectionOptions) {
    this.quic = quic;
    this.isServer = options.isServer;
    const q = options.qpack ?? {};
    const decoderCapacity = q.maxTableCapacity ?? 4096;
    const blocked = q.blockedStreams ?? 16;
    this.maxFieldSectionSize = options.maxFieldSectionSize ?? 64 * 1024;
    this.highWater = options.maxBufferedBytesPerStream ?? 256 * 1024;
    this.encoder = new QpackEncoder({ maxTableCapacity: q.encoderMaxTableCapacity ?? 4096 });
    this.decoder = new QpackDecoder({ maxTableCapacity: decoderCapacity, maxBlockedStreams: blocked, maxFieldSectionSize: this.maxFieldSectionSize });
    const s = options.settings ?? {};
    const extra = s.extra ?? [];
    // WebTransport draft-02's setting implies extended CONNECT (WT02 §3.1).
    this.localExtendedConnect = (s.enableConnectProtocol ?? false) || extra.some(([id, v]) => Number(id) === H3SettingId.SETTINGS_ENABLE_WEBTRANSPORT && Number(v) === 1);
    this.localH3Datagram = s.h3Datagram ?? false;
    this.webTransportEnabled = options.webTransport ?? extra.some(([id]) => WT_SETTING_IDS.has(Number(id)));
    this.random = options.random;
    this.greaseStream = (options.greaseStream ?? false) && options.random !== undefined;
    this.settingsList = localSettingsList({
      qpackMaxTableCapacity: decoderCapacity, qpackBlockedStreams: blocked, maxFieldSectionSize: this.maxFieldSectionSize,
      enableConnectProtocol: s.enableConnectProtocol ?? false, h3Datagram: this.localH3Datagram, extra,
    }, this.random);
    this.peerControl = new PeerControlState(this.isServer);
    const capsuleProtocols = options.capsuleProtocols ? new Set(options.capsuleProtocols) : DEFAULT_CAPSULE_PROTOCOLS;
    this.ctx = {
      isServer: this.isServer,
      extendedConnectEnabled: this.localExtendedConnect,
      capsuleProtocols,
      webTransportEnabled: this.webTransportEnabled,
      decodeFieldSection: (id, section) => this.decodeFieldSection(id, section),
      emit: (ev) => this.emit(ev),
    };
  }

  // ------------------------------------------------------------------ state

  /** The peer's SETTINGS, once received. */
  get peerSettings(): H3PeerSettings | undefined {
    return this.peerSettingsView;
  }

  /** The GOAWAY id the peer sent, if any. */
  get peerGoawayId(): number | undefined {
    return this.peerControl.goawayId;
  }

  get isClosed(): boolean {
    return this.terminated;
  }

  /** QPACK state, for diagnostics and tests. */
  get qpackStats(): { encoderInsertCount: number; decoderInsertCount: number; blockedStreams: number } {
    return { encoderInsertCount: this.encoder.insertCount, decoderInsertCount: this.decoder.insertCount, blockedStreams: this.decoder.blockedStreamCount };
  }

  /** Largest HTTP datagram payload for a stream right now (0 when datagrams are unavailable). */
  maxHttpDatagramSize(streamId: number): number {
    return Math.max(0, this.quic.maxDatagramSize - httpDatagramPrefixSize(streamId));
  }

  pollEvent(): H3Event | undefined {
    if (this.eventHead >= this.events.length) return undefined;
    const ev = this.events[this.eventHead++];
    if (this.eventHead === this.events.length) {
      // Drained: an idle connection keeps no polled event (SETTINGS, response headers) alive.
      this.events.length = 0;
      this.eventHead = 0;
    } else if (this.eventHead > 64 && this.eventHead * 2 > this.events.length) {
      this.events.splice(0, this.eventHead);
      this.eventHead = 0;
    }
    return ev;
  }

  // ------------------------------------------------------------------ input

  /** Opens our control and QPACK streams (also done on handshakeCompleted). */
  start(now?: Micros): void {
    if (now !== undefined) this.now = now;
    this.started = true;
    this.guard(() => this.openCriticalStreams());
  }

  handleQuicEvent(ev: ConnectionEvent, now: Micros): void {
    this.now = now;
    if (ev.type === 'closed') {
      if (!this.closedEmitted) this.emit({ type: 'closed', code: ev.info.code, reason: ev.info.reason, remote: ev.info.remote });
      this.closedEmitted = true;
      this.terminated = true;
      return;
    }
    if (this.terminated) return;
    this.guard(() => this.dispatch(ev));
  }

  private dispatch(ev: ConnectionEvent): void {
    switch (ev.type) {
      case 'handshakeCompleted':
      case 'earlyDataWritable': // server: SETTINGS as 0.5-RTT data, so the client can send requests at once
        this.started = true;
        this.openCriticalStreams();
        return;
      case 'streamReadable':
        this.onReadable(ev.streamId);
        return;
      case 'streamWritable':
        this.onWritable(ev.streamId);
        return;
      case 'streamReset':
        this.onPeerReset(ev.streamId, ev.errorCode);
        return;
      case 'streamStopped':
        this.onPeerStopped(ev.streamId, ev.errorCode);
        return;
      case 'streamClosed':
        this.forget(ev.streamId);
        return;
      case 'streamsAvailable':
        if (this.started) this.openCriticalStreams();
        this.emit({ type: 'streamsAvailable', direction: ev.direction });
        return;
      case 'datagramsReadable':
        this.onDatagrams();
        return;
      default:
        return; // streamOpened (streams are set up on first bytes), tickets, key log
    }
  }

  /** Runs `fn`, turning a protocol error into a connection close. */
  private guard(fn: () => void): void {
    try {
      fn();
    } catch (e) {
      if (e instanceof H3Error) this.fail(e.code, e.reason);
      else if (e instanceof QpackError) this.fail(e.code, e.message);
      else if (e instanceof StreamAbort) this.fail(e.code, e.message); // only from a critical path
      else this.fail(H3ErrorCode.H3_INTERNAL_ERROR, e instanceof Error ? e.message : String(e));
    }
  }

  // ------------------------------------------------------------------ our critical streams

  private openCriticalStreams(): void {
    if (this.control === undefined) {
      const id = this.quic.openStream('uni');
      if (id === undefined) return;
      this.control = this.openOutbound(id, encodeControlStreamPreamble(this.settingsList!, this.random));
      this.settingsList = undefined;
    }
    if (this.encoderStream === undefined) {
      const id = this.quic.openStream('uni');
      if (id === undefined) return;
      this.encoderStream = this.openOutbound(id, encodeUniStreamHeader({ kind: 'qpackEncoder' }));
      for (const b of this.encoderBacklog.splice(0)) this.encoderStream.enqueue(this.quic, b);
    }
    if (this.decoderStream === undefined) {
      const id = this.quic.openStream('uni');
      if (id === undefined) return;
      this.decoderStream = this.openOutbound(id, encodeUniStreamHeader({ kind: 'qpackDecoder' }));
      for (const b of this.decoderBacklog.splice(0)) this.decoderStream.enqueue(this.quic, b);
    }
    if (this.greaseStream && !this.greaseOpened) {
      const id = this.quic.openStream('uni');
      if (id === undefined) return;
      this.greaseOpened = true;
      const rng = this.random!;
      const type = encodeUniStreamHeader({ kind: 'unknown', streamType: randomReservedH3Code(rng), reserved: true });
      const body = rng.fill(new Uint8Array(rng.fill(new Uint8Array(1))[0]! % 16));
      new OutboundStream(id).enqueue(this.quic, concat(type, body), true);
    }
  }

  private openOutbound(id: number, first: Uint8Array): OutboundStream {
    const out = new OutboundStream(id);
    this.outbound.set(id, out);
    out.enqueue(this.quic, first);
    return out;
  }

  private flushEncoderStream(): void {
    const bytes = this.encoder.pollEncoderStream();
    if (bytes === undefined) return;
    if (this.encoderStream === undefined) this.encoderBacklog.push(bytes);
    else this.encoderStream.enqueue(this.quic, bytes);
  }

  private flushDecoderStream(): void {
    const bytes = this.decoder.pollDecoderStream();
    if (bytes === undefined) return;
    if (this.decoderStream === undefined) this.decoderBacklog.push(bytes);
    else this.decoderStream.enqueue(this.quic, bytes);
  }

  private isLocalCritical(id: number): boolean {
    return id === this.control?.id || id === this.encoderStream?.id || id === this.decoderStream?.id;
  }

  private isPeerCritical(id: number): boolean {
    return id === this.peerControlId || id === this.peerEncoderId || id === this.peerDecoderId;
  }

  // ------------------------------------------------------------------ incoming streams

  private onReadable(id: number): void {
    const req = this.requests.get(id);
    if (req !== undefined) {
      req.quicReadable = true;
      this.pumpRequest(req);
      return;
    }
    const raw = this.raws.get(id);
    if (raw !== undefined) {
      this.emit({ type: 'rawReadable', streamId: id });
      return;
    }
    const peerInitiated = isServerInitiated(id) !== this.isServer;
    if (!peerInitiated) {
      // Our own stream with nothing to receive (or forgotten): drain and drop.
      while (safeRead(this.quic, id, UNI_READ_CHUNK)?.data.length) { /* discard */ }
      return;
    }
    if (isUniStream(id)) {
      let u = this.peerUni.get(id);
      if (u === undefined) {
        u = { id, header: uniStreamHeaderReader(), kind: undefined, frames: undefined };
        this.peerUni.set(id, u);
      }
      this.readPeerUni(u);
      return;
    }
    if (this.isServer) this.acceptRequestStream(id);
    else this.readServerBidi(id);
  }

  /** Server: a new client bidi stream is a request (or a WebTransport stream). */
  private acceptRequestStream(id: number): void {
    if (this.goawaySent !== undefined && id >= this.goawaySent) {
      // Beyond our GOAWAY: not processed, the client may retry elsewhere (RFC 9114 §5.2).
      this.quic.stopStream(id, BigInt(H3ErrorCode.H3_REQUEST_REJECTED));
      this.quic.resetStream(id, BigInt(H3ErrorCode.H3_REQUEST_REJECTED));
      return;
    }
    if (id > this.maxPeerRequestId) this.maxPeerRequestId = id;
    const s = new RequestStream(id, this.highWater, this.maxFieldSectionSize, this.webTransportEnabled);
    s.quicReadable = true;
    this.requests.set(id, s);
    this.outbound.set(id, new OutboundStream(id));
    this.pumpRequest(s);
  }

  /** Client: a server-initiated bidi stream must be a WebTransport stream (RFC 9114 §6.1). */
  private readServerBidi(id: number): void {
    let hr = this.peerBidiHeaders.get(id);
    if (hr === undefined) {
      hr = bidiStreamHeaderReader();
      if (this.peerBidiHeaders === NO_BIDI_HEADERS) this.peerBidiHeaders = new Map();
      this.peerBidiHeaders.set(id, hr);
    }
    for (;;) {
      const got = safeRead(this.quic, id, 16);
      if (got === undefined) return;
      const header = hr.push(got.data);
      if (header === undefined) {
        if (got.fin) this.peerBidiHeaders.delete(id);
        if (got.fin || got.data.length === 0) return;
        continue;
      }
      this.peerBidiHeaders.delete(id);
      if (header.kind !== 'webtransport' || !this.webTransportEnabled) {
        throw new H3Error(H3ErrorCode.H3_STREAM_CREATION_ERROR, `server-initiated bidi stream ${id}`);
      }
      this.outbound.set(id, new OutboundStream(id));
      this.startRaw(id, header.sessionId, 'bidi', [hr.remainder], got.fin);
      return;
    }
  }

  private pumpRequest(s: RequestStream): void {
    try {
      const r = s.pump(this.quic, this.ctx);
      if (r !== undefined) this.startRaw(s.id, r.webTransportSessionId, 'bidi', s.takeRaw(), s.receivedFin, s);
    } catch (e) {
      if (e instanceof StreamAbort) this.abortStream(s.id, e.code, e.message);
      else throw e;
    }
  }

  private rawsForWrite(): Map<number, RawInbound> {
    if (this.raws === NO_RAWS) this.raws = new Map();
    return this.raws;
  }

  /** Hands a WebTransport stream to the layer above; its payload is read with readRaw(). */
  private startRaw(id: number, sessionId: number, direction: 'bidi' | 'uni', leftover: Uint8Array[], fin: boolean, from?: RequestStream): void {
    if (from !== undefined) this.requests.delete(id);
    const kept = leftover.filter((b) => b.length > 0);
    this.rawsForWrite().set(id, { sessionId, leftover: kept, fin });
    this.emit({ type: 'webTransportStream', sessionId, streamId: id, direction });
    this.emit({ type: 'rawReadable', streamId: id });
  }

  private readPeerUni(u: PeerUniStream): void {
    for (;;) {
      if (u.kind === 'webtransport' || u.kind === 'discard') return;
      const got = safeRead(this.quic, u.id, UNI_READ_CHUNK);
      if (got === undefined) return;
      let data = got.data;
      if (u.kind === undefined) {
        const reader = u.header!;
        const header = reader.push(data);
        if (header === undefined) {
          if (got.fin) this.peerUni.delete(u.id);
          if (got.fin || data.length === 0) return;
          continue;
        }
        data = reader.remainder;
        u.header = undefined;
        if (this.assignUni(u, header, data, got.fin)) return;
      }
      if (data.length > 0) this.onUniData(u, data);
      if (got.fin) {
        if (this.isPeerCritical(u.id)) throw new H3Error(H3ErrorCode.H3_CLOSED_CRITICAL_STREAM, `critical stream ${u.id} ended`);
        this.peerUni.delete(u.id);
        return;
      }
      if (got.data.length === 0) return;
    }
  }

  /** Sets up a peer uni stream by its type; true when its bytes are no longer ours to read. */
  private assignUni(u: PeerUniStream, header: UniStreamHeader, rest: Uint8Array, fin: boolean): boolean {
    switch (header.kind) {
      case 'control':
        if (this.peerControlId !== undefined) throw new H3Error(H3ErrorCode.H3_STREAM_CREATION_ERROR, 'second control stream');
        this.peerControlId = u.id;
        u.frames = new H3FrameReader({ kind: 'control' });
        break;
      case 'qpackEncoder':
        if (this.peerEncoderId !== undefined) throw new H3Error(H3ErrorCode.H3_STREAM_CREATION_ERROR, 'second QPACK encoder stream');
        this.peerEncoderId = u.id;
        break;
      case 'qpackDecoder':
        if (this.peerDecoderId !== undefined) throw new H3Error(H3ErrorCode.H3_STREAM_CREATION_ERROR, 'second QPACK decoder stream');
        this.peerDecoderId = u.id;
        break;
      case 'push':
        // Only servers push, and only up to a MAX_PUSH_ID we never send.
        if (this.isServer) throw new H3Error(H3ErrorCode.H3_STREAM_CREATION_ERROR, 'push stream from a client');
        throw new H3Error(H3ErrorCode.H3_ID_ERROR, `push stream ${header.pushId} without MAX_PUSH_ID`);
      case 'webtransport':
        if (this.webTransportEnabled) {
          u.kind = 'webtransport';
          this.peerUni.delete(u.id);
          this.startRaw(u.id, header.sessionId, 'uni', [rest], fin);
          return true;
        }
        this.discardUni(u);
        return true;
      case 'unknown':
        this.discardUni(u);
        return true;
    }
    u.kind = header.kind;
    return false;
  }

  /** Unknown stream types: ask the peer to stop (RFC 9114 §6.2: H3_STREAM_CREATION_ERROR) and ignore it. */
  private discardUni(u: PeerUniStream): void {
    u.kind = 'discard';
    this.peerUni.delete(u.id);
    this.quic.stopStream(u.id, BigInt(H3ErrorCode.H3_STREAM_CREATION_ERROR));
  }

  private onUniData(u: PeerUniStream, data: Uint8Array): void {
    switch (u.kind) {
      case 'control': {
        const frames = u.frames!;
        frames.push(data);
        for (let f = frames.next(); f !== undefined; f = frames.next()) {
          const action = this.peerControl.handleFrame(f);
          if (action === undefined) continue;
          if (action.type === 'settings') this.onPeerSettings(action.settings);
          else this.emit({ type: 'goaway', id: action.id });
        }
        return;
      }
      case 'qpackEncoder':
        this.decoder.handleEncoderStream(data);
        this.flushDecoderStream();
        for (const id of this.decoder.unblockedStreams()) {
          const s = this.requests.get(id);
          if (s === undefined) continue;
          try {
            const r = s.resume(this.quic, this.ctx);
            if (r !== undefined) this.startRaw(s.id, r.webTransportSessionId, 'bidi', s.takeRaw(), s.receivedFin, s);
          } catch (e) {
            if (e instanceof StreamAbort) this.abortStream(s.id, e.code, e.message);
            else throw e;
          }
        }
        this.flushDecoderStream();
        return;
      case 'qpackDecoder':
        this.encoder.handleDecoderStream(data);
        return;
      default:
        return;
    }
  }

  private onPeerSettings(settings: Map<number, number>): void {
    const view = viewSettings(settings);
    // RFC 9297 §2.1.1: H3_DATAGRAM = 1 needs the QUIC max_datagram_frame_size transport parameter.
    if (settings.get(H3SettingId.SETTINGS_H3_DATAGRAM) === 1 && this.quic.maxDatagramSize === 0) {
      throw new H3Error(H3ErrorCode.H3_SETTINGS_ERROR, 'SETTINGS_H3_DATAGRAM without QUIC datagram support');
    }
    const wt = webTransportDrafts(
      (settings.get(H3SettingId.SETTINGS_ENABLE_WEBTRANSPORT) === 1 ? 1 : 0)
      | ((settings.get(H3SettingId.SETTINGS_WEBTRANSPORT_MAX_SESSIONS) ?? 0) > 0 ? 2 : 0)
      | ((settings.get(H3SettingId.SETTINGS_WT_MAX_SESSIONS) ?? 0) > 0 ? 4 : 0)
      | (settings.get(H3SettingId.SETTINGS_WT_ENABLED) === 1 ? 8 : 0));
    // A literal of fixed shape (a spread gives each connection its own hidden class).
    this.peerSettingsView = {
      qpackMaxTableCapacity: view.qpackMaxTableCapacity,
      maxFieldSectionSize: view.maxFieldSectionSize,
      qpackBlockedStreams: view.qpackBlockedStreams,
      enableConnectProtocol: view.enableConnectProtocol,
      h3Datagram: view.h3Datagram,
      raw: settings,
      webTransport: wt,
    };
    this.encoder.setPeerSettings({ maxTableCapacity: view.qpackMaxTableCapacity, blockedStreams: view.qpackBlockedStreams });
    this.flushEncoderStream();
    this.emit({ type: 'settings', settings: this.peerSettingsView });
  }

  private decodeFieldSection(id: number, section: Uint8Array): Header[] | undefined {
    try {
      const r = this.decoder.decodeFieldSection(id, section);
      return r.blocked ? undefined : r.headers;
    } finally {
      this.flushDecoderStream();
    }
  }

  private onWritable(id: number): void {
    const out = this.outbound.get(id);
    if (out === undefined) return;
    out.flush(this.quic);
    if (!this.isLocalCritical(id) && out.idle) this.emit({ type: 'streamWritable', streamId: id });
  }

  private onPeerReset(id: number, code: bigint): void {
    if (this.isPeerCritical(id)) throw new H3Error(H3ErrorCode.H3_CLOSED_CRITICAL_STREAM, `critical stream ${id} reset`);
    const s = this.requests.get(id);
    if (s !== undefined) {
      this.cancelSections(s);
      s.abandon();
      this.emit({ type: 'streamReset', streamId: id, code });
      return;
    }
    if (this.raws.has(id)) {
      this.raws.delete(id);
      this.emit({ type: 'streamReset', streamId: id, code });
      return;
    }
    this.peerUni.delete(id);
    this.peerBidiHeaders.delete(id);
  }

  private onPeerStopped(id: number, code: bigint): void {
    if (this.isLocalCritical(id)) throw new H3Error(H3ErrorCode.H3_CLOSED_CRITICAL_STREAM, `peer stopped our critical stream ${id}`);
    const out = this.outbound.get(id);
    if (out !== undefined) out.aborted = true;
    if (this.requests.has(id) || this.raws.has(id) || out !== undefined) this.emit({ type: 'streamStopped', streamId: id, code });
  }

  /** QUIC forgot the stream: drop what we keep for it (critical streams never get here). */
  private forget(id: number): void {
    if (this.isLocalCritical(id) || this.isPeerCritical(id)) return;
    const s = this.requests.get(id);
    // Keep a stream whose buffered body the application has not read yet (readData drops it).
    if (s !== undefined && s.bufferedBytes > 0) {
      s.quicGone = true;
      return;
    }
    this.requests.delete(id);
    this.outbound.delete(id);
    const raw = this.raws.get(id);
    if (raw === undefined || raw.leftover.length === 0) this.raws.delete(id);
    this.peerUni.delete(id);
    this.peerBidiHeaders.delete(id);
  }

  /** Stream Cancellation (RFC 9204 §4.4.2) when a request's field sections will never be decoded. */
  private cancelSections(s: RequestStream): void {
    if (s.sectionsPending) {
      this.decoder.cancelStream(s.id);
      this.flushDecoderStream();
    }
  }

  private onDatagrams(): void {
    for (let d = this.quic.readDatagram(); d !== undefined; d = this.quic.readDatagram()) {
      if (!this.localH3Datagram) continue; // not negotiated: not ours to interpret
      const { streamId, payload } = decodeHttpDatagram(d);
      this.emit({ type: 'httpDatagram', streamId, payload });
    }
  }

  // ------------------------------------------------------------------ errors

  /** Closes the connection with an H3 error code (once). */
  private fail(code: number, reason: string): void {
    if (this.terminated) return;
    this.terminated = true;
    this.quic.close(this.now, BigInt(code), reason);
    this.emit({ type: 'connectionError', code, reason });
  }

  /** A stream error: reset our side, stop the peer's, and report it. */
  private abortStream(id: number, code: number, reason: string): void {
    const s = this.requests.get(id);
    if (s !== undefined) {
      this.cancelSections(s);
      s.abandon();
    }
    this.raws.delete(id);
    const out = this.outbound.get(id);
    if (out !== undefined && !out.aborted) {
      out.aborted = true;
      this.quic.resetStream(id, BigInt(code));
    }
    this.quic.stopStream(id, BigInt(code));
    this.emit({ type: 'streamError', streamId: id, code, reason });
  }

  private emit(ev: H3Event): void {
    this.events.push(ev);
  }

  // ------------------------------------------------------------------ commands: requests

  /**
   * Client: opens a request stream and sends its HEADERS. Returns undefined while QUIC's stream
   * limit is reached (retry on streamsAvailable). Throws H3Error(H3_MESSAGE_ERROR) for invalid
   * headers, H3Error(H3_REQUEST_REJECTED) after the server's GOAWAY.
   */
  sendRequest(headers: HeaderList, options: { endStream?: boolean } = {}): number | undefined {
    if (this.isServer) throw new H3Error(H3ErrorCode.H3_INTERNAL_ERROR, 'sendRequest on a server');
    this.assertOpen();
    if (this.peerControl.goawayId !== undefined) throw new H3Error(H3ErrorCode.H3_REQUEST_REJECTED, 'the server sent GOAWAY');
    const p = validateRequestHeaders(headers, { extendedConnectEnabled: true });
    if (p.protocol !== undefined && this.peerSettingsView?.enableConnectProtocol !== true && !this.peerSettingsView?.webTransport.includes('draft02')) {
      throw new H3Error(H3ErrorCode.H3_REQUEST_REJECTED, 'the server did not enable extended CONNECT');
    }
    const id = this.quic.openStream('bidi');
    if (id === undefined) return undefined;
    const s = new RequestStream(id, this.highWater, this.maxFieldSectionSize, false);
    s.method = p.method;
    s.protocol = p.protocol;
    this.requests.set(id, s);
    const out = new OutboundStream(id);
    this.outbound.set(id, out);
    this.writeHeaders(out, headers, options.endStream ?? false);
    return id;
  }

  /** Server: sends the response HEADERS (1xx interim ones may precede the final one). */
  sendResponse(streamId: number, headers: HeaderList, endStream = false): void {
    this.assertOpen();
    const s = this.requests.get(streamId);
    const out = this.outbound.get(streamId);
    if (!this.isServer || s === undefined || out === undefined) throw new H3Error(H3ErrorCode.H3_INTERNAL_ERROR, `no request stream ${streamId}`);
    const { status } = validateResponseHeaders(headers);
    this.writeHeaders(out, headers, endStream);
    if (!isInformationalStatus(status) && s.isExtendedConnect && this.ctx.capsuleProtocols.has(s.protocol!) && isSuccessfulConnectStatus(status)) {
      // Capsules the client sent before our 2xx are parsed only now (WT16 §5.3).
      try {
        s.startCapsules(this.ctx);
        this.pumpRequest(s);
      } catch (e) {
        if (e instanceof StreamAbort) this.abortStream(streamId, e.code, e.message);
        else throw e;
      }
    }
  }

  /** Sends trailers and ends the stream. */
  sendTrailers(streamId: number, headers: HeaderList): void {
    this.assertOpen();
    validateTrailers(headers);
    const out = this.outbound.get(streamId);
    if (out === undefined) throw new H3Error(H3ErrorCode.H3_INTERNAL_ERROR, `no stream ${streamId}`);
    this.writeHeaders(out, headers, true);
  }

  /**
   * Sends body bytes in DATA frames; returns how many QUIC accepted. When short, wait for
   * streamWritable and continue with data.subarray(accepted) (the DATA frame already announced them).
   */
  sendData(streamId: number, data: Uint8Array, endStream = false): number {
    const out = this.outbound.get(streamId);
    if (out === undefined || this.terminated) return 0;
    return out.writeData(this.quic, data, endStream);
  }

  /** Ends the body (FIN) without more bytes. */
  endStream(streamId: number): void {
    this.outbound.get(streamId)?.enqueue(this.quic, EMPTY, true);
  }

  /** A capsule inside one DATA frame on a CONNECT stream (always queued whole). */
  sendCapsule(streamId: number, type: number, value: Uint8Array, endStream = false): void {
    const out = this.outbound.get(streamId);
    if (out === undefined || this.terminated) return;
    out.enqueue(this.quic, encodeDataFrame(encodeCapsule(type, value)), endStream);
  }

  /** An HTTP datagram (RFC 9297) for the request stream `streamId`. */
  sendHttpDatagram(streamId: number, payload: Uint8Array): 'queued' | 'too-large' | 'unsupported' | 'closed' {
    if (this.terminated) return 'closed';
    if (!this.localH3Datagram || this.peerSettingsView?.h3Datagram !== true) return 'unsupported';
    return this.quic.sendDatagram(encodeHttpDatagram(streamId, payload));
  }

  /** Pulls received body bytes (a view); fin once the body is complete. undefined: nothing yet. */
  readData(streamId: number, maxBytes: number): { data: Uint8Array; fin: boolean } | undefined {
    const s = this.requests.get(streamId);
    if (s === undefined) return undefined;
    const r = s.readData(maxBytes, this.ctx);
    if (!s.closed) this.guard(() => this.pumpRequest(s));
    s.afterRead(this.ctx);
    if (s.quicGone && s.bufferedBytes === 0) {
      this.requests.delete(streamId);
      this.outbound.delete(streamId);
    }
    return r;
  }

  /** Resets our sending side (RESET_STREAM with an H3 code). */
  resetStream(streamId: number, code: number): void {
    const out = this.outbound.get(streamId);
    if (out !== undefined) out.aborted = true;
    this.quic.resetStream(streamId, BigInt(code));
  }

  /** Stops the peer's sending side (STOP_SENDING) and drops what we buffered. */
  stopSending(streamId: number, code: number): void {
    const s = this.requests.get(streamId);
    if (s !== undefined) {
      this.cancelSections(s);
      s.abandon();
    }
    this.raws.delete(streamId);
    this.quic.stopStream(streamId, BigInt(code));
  }

  private writeHeaders(out: OutboundStream, headers: HeaderList, endStream: boolean): void {
    const limit = this.peerSettingsView?.maxFieldSectionSize ?? Infinity;
    if (Number.isFinite(limit)) {
      let size = 0;
      for (const [n, v] of headers) size += n.length + v.length + 32;
      if (size > limit) throw new H3Error(H3ErrorCode.H3_EXCESSIVE_LOAD, `field section of ${size} bytes exceeds the peer's limit ${limit}`);
    }
    const section = this.encoder.encodeFieldSection(out.id, headers);
    this.flushEncoderStream(); // instructions go out before the section that needs them
    out.enqueue(this.quic, encodeHeadersFrame(section), endStream);
  }

  // ------------------------------------------------------------------ commands: connection

  /**
   * GOAWAY (RFC 9114 §5.2). Server: the first request id it will not process (every later one is
   * refused with H3_REQUEST_REJECTED). Client: push id 0 (we never accept pushes).
   */
  sendGoaway(): void {
    if (this.control === undefined || this.terminated) return;
    let id = 0;
    if (this.isServer) {
      id = this.maxPeerRequestId + 4;
      if (this.goawaySent !== undefined) id = Math.min(id, this.goawaySent);
      this.goawaySent = id;
    }
    this.control.enqueue(this.quic, encodeGoawayFrame(id));
  }

  /** Closes the QUIC connection with an H3 code (default H3_NO_ERROR). */
  close(code: number = H3ErrorCode.H3_NO_ERROR, reason = '', now?: Micros): void {
    if (now !== undefined) this.now = now;
    if (this.terminated) return;
    this.terminated = true;
    this.quic.close(this.now, BigInt(code), reason);
  }

  private assertOpen(): void {
    if (this.terminated) throw new H3Error(H3ErrorCode.H3_INTERNAL_ERROR, 'connection closed');
  }

  // ------------------------------------------------------------------ commands: WebTransport

  /** Opens a WebTransport stream for a session and writes its 0x41 / 0x54 header. */
  openWebTransportStream(sessionId: number, direction: 'bidi' | 'uni'): number | undefined {
    this.assertOpen();
    const id = this.quic.openStream(direction);
    if (id === undefined) return undefined;
    const header = direction === 'bidi' ? encodeWebTransportBidiHeader(sessionId) : encodeWebTransportUniHeader(sessionId);
    this.openOutbound(id, header);
    if (direction === 'bidi') this.rawsForWrite().set(id, { sessionId, leftover: [], fin: false });
    return id;
  }

  /** Reads a WebTransport stream's payload (no H3 framing); fin at its end. */
  readRaw(streamId: number, maxBytes: number): { data: Uint8Array; fin: boolean } | undefined {
    const raw = this.raws.get(streamId);
    if (raw === undefined) return undefined;
    const head = raw.leftover[0];
    if (head !== undefined) {
      let data = head;
      if (head.length > maxBytes) {
        data = head.subarray(0, maxBytes);
        raw.leftover[0] = head.subarray(maxBytes);
      } else {
        raw.leftover.shift();
      }
      return { data, fin: raw.fin && raw.leftover.length === 0 };
    }
    if (raw.fin) return { data: EMPTY, fin: true };
    const r = safeRead(this.quic, streamId, maxBytes);
    if (r?.fin) raw.fin = true;
    return r;
  }

  /** Writes a WebTransport stream's payload; returns the bytes QUIC accepted. */
  writeRaw(streamId: number, data: Uint8Array, fin = false): number {
    const out = this.outbound.get(streamId);
    if (out === undefined || this.terminated) return 0;
    return out.writeRaw(this.quic, data, fin);
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}
