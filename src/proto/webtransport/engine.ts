/**
 * WebTransportEngine: WebTransport sessions over a WtH3Like (sans-IO). It negotiates the draft
 * from the peer's SETTINGS (protocol.ts), runs the extended CONNECT handshake on both sides, keeps
 * several sessions per connection, binds streams and datagrams to sessions (buffering early ones,
 * pending-streams.ts), applies session flow control and the close rules (session.ts).
 *
 * Inputs: handleH3Event(now, ev) for the H3 events (isWtH3Event), handleTimeout(now), commands.
 * Outputs: pollEvent(), pollTimeout(), and commands issued on the WtH3Like.
 */
import { H3Error, H3ErrorCode } from '../h3/errors.js';
import { buildExtendedConnectHeaders, isSuccessfulConnectStatus } from '../h3/extended-connect.js';
import type { Micros } from '../util/time.js';
import { decodeWtCapsule, encodeWtCapsule, type WtCapsule } from './capsules.js';
import { http3CodeToWebTransport, webTransportCodeToHttp3, WtErrorCode } from './error-codes.js';
import type { WtEvent } from './events.js';
import type { WtH3Event, WtH3Like, WtHeaderList } from './h3-like.js';
import { PendingBuffer, type PendingLimits } from './pending-streams.js';
import { connectRequestExtraHeaders, connectResponseExtraHeaders, negotiate, type WtLocalOptions, type WtProfile } from './protocol.js';
import { SessionFlowControl, type WtDirection } from './session-flow-control.js';
import { WtSession, type WtAction, type WtCloseCause, type WtStreamInfo } from './session.js';

/** Misuse of the engine by the layer above (wrong state, unknown id): never the peer's fault. */
export class WtUsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WtUsageError';
  }
}

export interface WtEngineOptions extends Omit<WtLocalOptions, 'isServer'> {
  /** Limits for streams/datagrams that arrive before their session is ready. */
  readonly pending?: Partial<PendingLimits>;
  /** Session receive window (bytes) when flow control is on. Default flowControl.initialMaxData. */
  readonly sessionReceiveWindow?: number;
}

export interface WtConnectRequest {
  readonly authority: string;
  /** Path and query, starting with '/'. */
  readonly path: string;
  readonly origin?: string;
  /** Extra request headers (lower-case names). */
  readonly headers?: WtHeaderList;
}

/** A request waiting for the client's SETTINGS (WT16 §7.1: no processing before them). */
interface DeferredRequest {
  readonly streamId: number;
  readonly headers: WtHeaderList;
  readonly protocol: string;
}

const MAX_DEFERRED_REQUESTS = 16;
/** A session's request headers once nothing will read them (shared, never written to). */
const NO_HEADERS: WtHeaderList = [];
const MAX_EVENTS_COMPACT = 1024;

function header(headers: WtHeaderList, name: string): string | undefined {
  for (const [n, v] of headers) if (n === name) return v;
  return undefined;
}

export class WebTransportEngine {
  readonly h3: WtH3Like;
  readonly isServer: boolean;
  private readonly local: WtLocalOptions;
  private readonly options: WtEngineOptions;
  private profileValue: WtProfile | undefined;
  private negotiationError: string | undefined;
  private readonly sessions = new Map<number, WtSession>();
  /** WebTransport stream id -> its session. */
  private streamSession: Map<number, WtSession> | undefined;
  private readonly pending: PendingBuffer;
  private deferred: DeferredRequest[] = [];
  private goawayReceived = false;
  private connectionClosed = false;
  private events: WtEvent[] = [];
  private eventHead = 0;

  constructor(h3: WtH3Like, options: WtEngineOptions = {}) {
    this.h3 = h3;
    this.isServer = h3.isServer;
    this.options = options;
    this.local = { isServer: h3.isServer, drafts: options.drafts, maxSessions: options.maxSessions, flowControl: options.flowControl };
    this.pending = new PendingBuffer(options.pending);
  }

  /** The negotiated profile once the peer's SETTINGS arrived and allow WebTransport. */
  get profile(): WtProfile | undefined {
    return this.profileValue;
  }

  /** Sessions not yet closed. */
  get sessionCount(): number {
    return this.sessions.size;
  }

  get pendingStats(): { streams: number; datagrams: number; datagramBytes: number; rejectedStreams: number; droppedDatagrams: number } {
    const p = this.pending;
    return { streams: p.streamCount, datagrams: p.datagramCount, datagramBytes: p.bufferedDatagramBytes, rejectedStreams: p.rejectedStreams, droppedDatagrams: p.droppedDatagrams };
  }

  sessionState(sessionId: number): WtSession['state'] | undefined {
    return this.sessions.get(sessionId)?.state;
  }

  /** Flow-control counters of a session (undefined when unknown). */
  sessionFlowStats(sessionId: number): SessionFlowControl['stats'] | undefined {
    return this.sessions.get(sessionId)?.flow.stats;
  }

  pollEvent(): WtEvent | undefined {
    if (this.eventHead >= this.events.length) return undefined;
    const ev = this.events[this.eventHead++]!;
    if (this.eventHead === this.events.length) {
      this.events.length = 0;
      this.eventHead = 0;
    } else if (this.eventHead >= MAX_EVENTS_COMPACT) {
      this.events = this.events.slice(this.eventHead);
      this.eventHead = 0;
    }
    return ev;
  }

  /** When buffered early streams/datagrams expire. */
  pollTimeout(): Micros | undefined {
    return this.pending.nextDeadline();
  }

  handleTimeout(now: Micros): void {
    for (const s of this.pending.expire(now)) this.rejectStream(s.streamId, s.direction, WtErrorCode.WT_BUFFERED_STREAM_REJECTED);
  }

  // ================================================================== H3 events

  /** Feeds one H3 event. Returns false when the event is not WebTransport's (e.g. a plain HTTP request). */
  handleH3Event(now: Micros, ev: WtH3Event): boolean {
    switch (ev.type) {
      case 'settings': this.onSettings(ev.settings.raw); return true;
      case 'headers': return this.onHeaders(ev);
      case 'requestFinished': return this.onConnectEnded(ev.streamId, { kind: 'peerFin' }, 'recv');
      case 'streamReset': return this.onStreamReset(ev.streamId, ev.code);
      case 'streamStopped': return this.onStreamStopped(ev.streamId, ev.code);
      case 'streamError': {
        const s = this.sessions.get(ev.streamId);
        if (s === undefined) return false;
        s.connectSendDone = s.connectRecvDone = true; // H3 already aborted both sides
        this.terminate(s, { kind: 'error', h3Code: ev.code, reason: ev.reason });
        return true;
      }
      case 'streamWritable': {
        const s = this.streamSession?.get(ev.streamId);
        if (s === undefined) return this.sessions.has(ev.streamId);
        this.emit({ type: 'streamWritable', sessionId: s.id, streamId: ev.streamId });
        return true;
      }
      case 'streamsAvailable': this.emit({ type: 'streamsAvailable', sessionId: undefined, direction: ev.direction }); return false;
      case 'goaway': this.onGoaway(); return false;
      case 'capsule': return this.onCapsule(ev.streamId, ev.capsuleType, ev.value);
      case 'httpDatagram': return this.onDatagram(now, ev.streamId, ev.payload);
      case 'webTransportStream': this.onPeerStream(now, ev.sessionId, ev.streamId, ev.direction); return true;
      case 'rawReadable': {
        const s = this.streamSession?.get(ev.streamId);
        if (s !== undefined && s.isUsable) this.emit({ type: 'streamReadable', sessionId: s.id, streamId: ev.streamId });
        return true;
      }
      case 'closed': this.onConnectionClosed(ev.reason); return false;
    }
  }

  private onSettings(raw: ReadonlyMap<number, number>): void {
    if (this.profileValue !== undefined || this.negotiationError !== undefined) return;
    const r = negotiate(raw, this.local);
    if (r.ok) {
      this.profileValue = r.profile;
      this.emit({ type: 'negotiated', profile: r.profile });
    } else {
      this.negotiationError = r.reason;
      this.emit({ type: 'negotiationFailed', reason: r.reason, code: r.code });
    }
    const deferred = this.deferred;
    this.deferred = [];
    for (const d of deferred) this.onConnectRequest(d);
  }

  private onHeaders(ev: Extract<WtH3Event, { type: 'headers' }>): boolean {
    if (this.isServer) {
      if (!ev.isExtendedConnect || ev.protocol === undefined) return false;
      const req: DeferredRequest = { streamId: ev.streamId, headers: ev.headers, protocol: ev.protocol };
      if (this.profileValue === undefined && this.negotiationError === undefined) {
        if (!this.isWebTransportToken(ev.protocol)) return false;
        if (this.deferred.length >= MAX_DEFERRED_REQUESTS) {
          this.refuseRequest(ev.streamId);
          return true;
        }
        this.deferred.push(req);
        return true;
      }
      return this.onConnectRequest(req);
    }
    const s = this.sessions.get(ev.streamId);
    if (s === undefined || ev.status === undefined) return false;
    if (ev.status < 200) return true; // interim response
    if (s.state !== 'requested') return true;
    if (isSuccessfulConnectStatus(ev.status)) {
      s.markOpen();
      this.emit({ type: 'sessionReady', sessionId: s.id, status: ev.status, headers: ev.headers });
      this.deliverPending(s);
      this.flushCapsules(s);
    } else {
      this.emit({ type: 'sessionRejected', sessionId: s.id, status: ev.status, headers: ev.headers });
      s.connectRecvDone = ev.endStream;
      this.dropSession(s, true);
    }
    return true;
  }

  private isWebTransportToken(token: string): boolean {
    return token === 'webtransport' || token === 'webtransport-h3';
  }

  private onConnectRequest(req: DeferredRequest): boolean {
    const profile = this.profileValue;
    if (profile === undefined) {
      if (!this.isWebTransportToken(req.protocol)) return false;
      // The client's SETTINGS do not allow WebTransport (WT16 §3.1): refuse the request.
      this.h3.sendResponse(req.streamId, [[':status', '400']], true);
      this.h3.stopSending(req.streamId, H3ErrorCode.H3_NO_ERROR);
      return true;
    }
    if (!profile.acceptedProtocolTokens.has(req.protocol)) return false;
    if (this.sessions.size >= profile.maxSessions || this.goawayReceived) {
      this.refuseRequest(req.streamId);
      return true;
    }
    const authority = header(req.headers, ':authority') ?? '';
    const path = header(req.headers, ':path') ?? '/';
    const s = this.newSession(req.streamId, false, profile, req.headers);
    this.emit({
      type: 'sessionRequested', sessionId: s.id, authority, path, origin: header(req.headers, 'origin'), protocol: req.protocol, headers: req.headers,
    });
    return true;
  }

  /** WT16 §5.1/§5.2: an excess CONNECT is reset with H3_REQUEST_REJECTED ("not processed"). */
  private refuseRequest(streamId: number): void {
    this.h3.resetStream(streamId, H3ErrorCode.H3_REQUEST_REJECTED);
    this.h3.stopSending(streamId, H3ErrorCode.H3_REQUEST_REJECTED);
  }

  private newSession(id: number, isClient: boolean, profile: WtProfile, headers: WtHeaderList): WtSession {
    const flow = new SessionFlowControl({
      enabled: profile.flowControl,
      peerInitial: profile.peerInitial,
      localInitial: profile.localInitial,
      receiveWindow: this.options.sessionReceiveWindow,
    });
    const s = new WtSession(id, isClient, profile, headers, flow);
    this.sessions.set(id, s);
    return s;
  }

  private onConnectEnded(streamId: number, cause: WtCloseCause, side: 'recv' | 'send'): boolean {
    const s = this.sessions.get(streamId);
    if (s === undefined) return this.pending.isRecentlyClosed(streamId);
    if (side === 'recv') s.connectRecvDone = true;
    else s.connectSendDone = true;
    if (s.state === 'requested' && this.isServer) {
      // The client gave up before we answered.
      this.dropSession(s, false);
      return true;
    }
    if (s.state === 'requested') {
      this.emit({ type: 'sessionRejected', sessionId: s.id, status: undefined, headers: [] });
      this.dropSession(s, true);
      return true;
    }
    this.terminate(s, cause);
    return true;
  }

  private onStreamReset(streamId: number, code: bigint): boolean {
    if (this.sessions.has(streamId) || this.pending.isRecentlyClosed(streamId)) {
      return this.onConnectEnded(streamId, { kind: 'peerReset', h3Code: Number(code) }, 'recv');
    }
    if (this.pending.removeStream(streamId)) return true;
    const s = this.streamSession?.get(streamId);
    if (s === undefined) return false;
    const info = s.streams?.get(streamId);
    if (info !== undefined) {
      info.recvDone = true;
      this.emit({ type: 'streamReset', sessionId: s.id, streamId, code: http3CodeToWebTransport(code), h3Code: code });
      this.maybeForget(s, info);
    }
    return true;
  }

  private onStreamStopped(streamId: number, code: bigint): boolean {
    const requested = this.sessions.get(streamId);
    if (requested !== undefined && !this.isServer && requested.state === 'requested' && code === BigInt(H3ErrorCode.H3_NO_ERROR)) {
      // A server answering the CONNECT with a final response stops our side with H3_NO_ERROR
      // (RFC 9114 §4.1); the STOP_SENDING may be read before the response: wait for the status.
      requested.connectSendDone = true;
      return true;
    }
    if (this.sessions.has(streamId) || this.pending.isRecentlyClosed(streamId)) {
      return this.onConnectEnded(streamId, { kind: 'peerReset', h3Code: Number(code) }, 'send');
    }
    const s = this.streamSession?.get(streamId);
    if (s === undefined) return false;
    const info = s.streams?.get(streamId);
    if (info !== undefined) {
      info.sendDone = true;
      this.emit({ type: 'streamStopped', sessionId: s.id, streamId, code: http3CodeToWebTransport(code), h3Code: code });
      this.maybeForget(s, info);
    }
    return true;
  }

  private onGoaway(): void {
    this.goawayReceived = true;
    // WT16 §4.7: GOAWAY asks the application to wind every session down.
    for (const s of this.sessions.values()) if (s.markDraining()) this.emit({ type: 'sessionDraining', sessionId: s.id });
  }

  private onCapsule(streamId: number, type: number, value: Uint8Array): boolean {
    const s = this.sessions.get(streamId);
    if (s === undefined) return this.pending.isRecentlyClosed(streamId);
    let c: WtCapsule | undefined;
    try {
      c = decodeWtCapsule(type, value);
    } catch (e) {
      if (e instanceof H3Error) {
        this.terminate(s, { kind: 'error', h3Code: e.code, reason: e.reason });
        return true;
      }
      throw e;
    }
    if (c === undefined) return true;
    switch (c.kind) {
      case 'closeSession':
        this.terminate(s, { kind: 'peerCapsule', code: c.code, reason: c.reason });
        break;
      case 'drainSession':
        if (s.markDraining()) this.emit({ type: 'sessionDraining', sessionId: s.id });
        break;
      default: {
        let unblocked: ReturnType<SessionFlowControl['onPeerCapsule']>;
        try {
          unblocked = s.flow.onPeerCapsule(c);
        } catch (e) {
          if (e instanceof H3Error) {
            this.terminate(s, { kind: 'error', h3Code: e.code, reason: e.reason });
            return true;
          }
          throw e;
        }
        if (unblocked === 'data') this.emit({ type: 'sessionWritable', sessionId: s.id });
        else if (unblocked !== undefined) this.emit({ type: 'streamsAvailable', sessionId: s.id, direction: unblocked });
      }
    }
    return true;
  }

  private onDatagram(now: Micros, streamId: number, payload: Uint8Array): boolean {
    const s = this.sessions.get(streamId);
    if (s !== undefined && s.isUsable) {
      this.emit({ type: 'datagram', sessionId: s.id, payload });
      return true;
    }
    if (s !== undefined && s.state === 'closed') return true;
    // Unknown or not yet accepted: buffer within limits (a client only for its own requests).
    if (s !== undefined || (this.isServer && !this.connectionClosed)) this.pending.addDatagram(now, streamId, payload);
    return true;
  }

  private onPeerStream(now: Micros, sessionId: number, streamId: number, direction: WtDirection): void {
    const s = this.sessions.get(sessionId);
    if (s !== undefined && s.isUsable) {
      this.attachPeerStream(s, streamId, direction);
      return;
    }
    if (s !== undefined && s.state === 'closed') {
      this.rejectStream(streamId, direction, WtErrorCode.WT_SESSION_GONE);
      return;
    }
    if (s === undefined && !this.isServer) {
      // A client knows every session it asked for: this one is gone or never existed.
      this.rejectStream(streamId, direction, WtErrorCode.WT_SESSION_GONE);
      return;
    }
    const r = this.pending.addStream(now, sessionId, streamId, direction);
    if (r === 'rejected') this.rejectStream(streamId, direction, WtErrorCode.WT_BUFFERED_STREAM_REJECTED);
    else if (r === 'sessionGone') this.rejectStream(streamId, direction, WtErrorCode.WT_SESSION_GONE);
  }

  private attachPeerStream(s: WtSession, streamId: number, direction: WtDirection): void {
    try {
      s.flow.onPeerStreamOpened(direction);
    } catch (e) {
      if (e instanceof H3Error) {
        this.rejectStream(streamId, direction, e.code);
        this.terminate(s, { kind: 'error', h3Code: e.code, reason: e.reason });
        return;
      }
      throw e;
    }
    s.addStream(streamId, direction, false);
    (this.streamSession ??= new Map()).set(streamId, s);
    this.emit({ type: 'streamOpened', sessionId: s.id, streamId, direction });
    this.emit({ type: 'streamReadable', sessionId: s.id, streamId });
  }

  /** A peer stream we will not serve: reset what we could send and stop what it sends. */
  private rejectStream(streamId: number, direction: WtDirection, code: number): void {
    if (direction === 'bidi') this.h3.resetStream(streamId, code);
    this.h3.stopSending(streamId, code);
  }

  private deliverPending(s: WtSession): void {
    const { streams, datagrams } = this.pending.takeSession(s.id);
    for (const p of streams) {
      if (!s.isUsable) {
        this.rejectStream(p.streamId, p.direction, WtErrorCode.WT_SESSION_GONE);
        continue;
      }
      this.attachPeerStream(s, p.streamId, p.direction);
    }
    if (s.isUsable) for (const d of datagrams) this.emit({ type: 'datagram', sessionId: s.id, payload: d });
  }

  private onConnectionClosed(reason: string): void {
    this.connectionClosed = true;
    for (const s of [...this.sessions.values()]) {
      if (s.state === 'requested' && !this.isServer) this.emit({ type: 'sessionRejected', sessionId: s.id, status: undefined, headers: [] });
      this.terminate(s, { kind: 'connectionClosed', reason });
    }
    this.deferred = [];
  }

  // ================================================================== commands: sessions

  /**
   * Client: sends the extended CONNECT for a new session and returns its id (the CONNECT stream
   * id), or undefined while QUIC's stream limit is reached (retry on streamsAvailable). Throws
   * WtUsageError before negotiation, when it failed, after GOAWAY or at the session limit.
   */
  connect(req: WtConnectRequest): number | undefined {
    if (this.isServer) throw new WtUsageError('connect() is for clients');
    if (this.connectionClosed) throw new WtUsageError('the connection is closed');
    const profile = this.profileValue;
    if (profile === undefined) throw new WtUsageError(this.negotiationError ?? 'the server SETTINGS have not arrived yet');
    if (this.goawayReceived) throw new WtUsageError('the server sent GOAWAY');
    if (this.sessions.size >= profile.maxSessions) throw new WtUsageError(`session limit ${profile.maxSessions} reached`);
    const headers = buildExtendedConnectHeaders({
      protocol: profile.protocolToken,
      authority: req.authority,
      path: req.path,
      origin: req.origin,
      headers: [...connectRequestExtraHeaders(profile), ...(req.headers ?? [])],
    });
    const id = this.h3.sendRequest(headers);
    if (id === undefined) return undefined;
    this.newSession(id, true, profile, NO_HEADERS);
    return id;
  }

  /** Server: accepts a requested session with a 2xx (default 200) and delivers what was buffered. */
  accept(sessionId: number, headers: WtHeaderList = [], status = 200): void {
    const s = this.requireSession(sessionId);
    if (!this.isServer || s.state !== 'requested') throw new WtUsageError(`session ${sessionId} is not awaiting an answer`);
    if (!isSuccessfulConnectStatus(status)) throw new WtUsageError(`accept needs a 2xx status, got ${status}`);
    this.h3.sendResponse(sessionId, [[':status', String(status)], ...connectResponseExtraHeaders(s.requestHeaders), ...headers]);
    s.requestHeaders = NO_HEADERS;
    s.markOpen();
    this.emit({ type: 'sessionReady', sessionId, status, headers });
    this.deliverPending(s);
    this.flushCapsules(s);
  }

  /** Server: refuses a requested session with an HTTP status (4xx/5xx; 3xx is allowed but not followed). */
  reject(sessionId: number, status: number, headers: WtHeaderList = []): void {
    const s = this.requireSession(sessionId);
    if (!this.isServer || s.state !== 'requested') throw new WtUsageError(`session ${sessionId} is not awaiting an answer`);
    if (!Number.isInteger(status) || status < 300 || status > 599) throw new WtUsageError(`reject needs a 3xx-5xx status, got ${status}`);
    this.h3.sendResponse(sessionId, [[':status', String(status)], ...headers], true);
    if (!s.connectRecvDone) this.h3.stopSending(sessionId, H3ErrorCode.H3_NO_ERROR);
    s.connectSendDone = s.connectRecvDone = true;
    this.dropSession(s, false);
  }

  /**
   * Closes a session: WT_CLOSE_SESSION(code, reason) then FIN, and every stream reset with
   * WT_SESSION_GONE. A client session not answered yet is cancelled. No-op when already closed.
   */
  closeSession(sessionId: number, code = 0, reason = ''): void {
    const s = this.sessions.get(sessionId);
    if (s === undefined) return;
    if (s.state === 'requested' && this.isServer) throw new WtUsageError('use reject() for a session not accepted yet');
    // Validate before any state changes (RangeError from the encoder would leave a half-closed session).
    webTransportCodeToHttp3(code);
    this.terminate(s, { kind: 'local', code, reason });
  }

  /** Sends WT_DRAIN_SESSION: asks the peer to wind the session down (WT16 §4.7). */
  drainSession(sessionId: number): void {
    const s = this.requireSession(sessionId);
    if (!s.isUsable || s.connectSendDone) return;
    this.sendCapsule(s, { kind: 'drainSession' });
  }

  // ================================================================== commands: streams

  /**
   * Opens a stream in an open session; undefined when the session's (or QUIC's) stream limit is
   * reached: wait for streamsAvailable.
   */
  openStream(sessionId: number, direction: WtDirection): number | undefined {
    const s = this.requireSession(sessionId);
    if (!s.isUsable) throw new WtUsageError(`session ${sessionId} is ${s.state}`);
    if (!s.flow.canOpenStream(direction)) {
      s.flow.onStreamsBlocked(direction);
      this.flushCapsules(s);
      return undefined;
    }
    const id = this.h3.openWebTransportStream(sessionId, direction);
    if (id === undefined) return undefined;
    s.flow.onLocalStreamOpened(direction);
    s.addStream(id, direction, true);
    (this.streamSession ??= new Map()).set(id, s);
    return id;
  }

  /** Writes payload; returns the bytes accepted (short: wait for streamWritable / sessionWritable). */
  writeStream(streamId: number, data: Uint8Array, fin = false): number {
    const { s, info } = this.requireStream(streamId);
    if (info.sendDone) throw new WtUsageError(`stream ${streamId} cannot send any more`);
    const credit = s.flow.sendCredit;
    let chunk = data;
    let finNow = fin;
    if (credit < data.length) {
      chunk = data.subarray(0, Math.max(0, credit));
      finNow = false;
      s.flow.onDataBlocked();
      this.flushCapsules(s);
    }
    if (chunk.length === 0 && !finNow) return 0;
    const n = this.h3.writeRaw(streamId, chunk, finNow);
    s.flow.onDataSent(n);
    if (finNow && n === chunk.length) {
      info.sendDone = true;
      this.maybeForget(s, info);
    }
    return n;
  }

  /** Reads received payload (a view). Consuming grants session credit back to the peer. */
  readStream(streamId: number, maxBytes: number): { data: Uint8Array; fin: boolean } | undefined {
    const { s, info } = this.requireStream(streamId);
    if (info.recvDone) return undefined;
    const r = this.h3.readRaw(streamId, maxBytes);
    if (r === undefined) return undefined;
    try {
      s.flow.onDataReceived(r.data.length);
    } catch (e) {
      if (e instanceof H3Error) {
        this.terminate(s, { kind: 'error', h3Code: e.code, reason: e.reason });
        return undefined;
      }
      throw e;
    }
    s.flow.onDataConsumed(r.data.length);
    if (r.fin) {
      info.recvDone = true;
      this.maybeForget(s, info);
    }
    this.flushCapsules(s);
    return r;
  }

  /** Resets our sending side with an application error code (u32). */
  resetStream(streamId: number, code = 0): void {
    const h3Code = webTransportCodeToHttp3(code);
    const { s, info } = this.requireStream(streamId);
    if (info.sendDone) return;
    info.sendDone = true;
    this.h3.resetStream(streamId, h3Code);
    this.maybeForget(s, info);
  }

  /** Asks the peer to stop sending (STOP_SENDING) with an application error code (u32). */
  stopSending(streamId: number, code = 0): void {
    const h3Code = webTransportCodeToHttp3(code);
    const { s, info } = this.requireStream(streamId);
    if (info.recvDone) return;
    info.recvDone = true;
    this.h3.stopSending(streamId, h3Code);
    this.maybeForget(s, info);
  }

  /** The session a stream belongs to (undefined once the stream is finished both ways). */
  streamSessionId(streamId: number): number | undefined {
    return this.streamSession?.get(streamId)?.id;
  }

  // ================================================================== commands: datagrams

  sendDatagram(sessionId: number, payload: Uint8Array): 'queued' | 'too-large' | 'unsupported' | 'closed' {
    const s = this.sessions.get(sessionId);
    if (s === undefined || !s.isUsable) return 'closed';
    return this.h3.sendHttpDatagram(sessionId, payload);
  }

  maxDatagramSize(sessionId: number): number {
    const s = this.sessions.get(sessionId);
    return s === undefined || !s.isUsable ? 0 : this.h3.maxHttpDatagramSize(sessionId);
  }

  // ================================================================== internals

  private requireSession(sessionId: number): WtSession {
    const s = this.sessions.get(sessionId);
    if (s === undefined) throw new WtUsageError(`no session ${sessionId}`);
    return s;
  }

  private requireStream(streamId: number): { s: WtSession; info: WtStreamInfo } {
    const s = this.streamSession?.get(streamId);
    const info = s?.streams?.get(streamId);
    if (s === undefined || info === undefined) throw new WtUsageError(`no open WebTransport stream ${streamId}`);
    return { s, info };
  }

  /** Drops a stream finished in both directions; a peer stream's end frees a session slot. */
  private maybeForget(s: WtSession, info: WtStreamInfo): void {
    if (!info.sendDone || !info.recvDone) return;
    s.streams?.delete(info.streamId);
    this.streamSession?.delete(info.streamId);
    if (!info.local && s.isUsable) {
      s.flow.onPeerStreamClosed(info.direction);
      this.flushCapsules(s);
    }
  }

  private sendCapsule(s: WtSession, c: WtCapsule): void {
    const enc = encodeWtCapsule(c);
    this.h3.sendCapsule(s.id, enc.type, enc.value);
  }

  /** Sends the flow-control capsules the session queued; only once the session is open. */
  private flushCapsules(s: WtSession): void {
    if (!s.isUsable || s.connectSendDone) return;
    for (let c = s.flow.pollCapsule(); c !== undefined; c = s.flow.pollCapsule()) this.sendCapsule(s, c);
  }

  private terminate(s: WtSession, cause: WtCloseCause): void {
    const actions = s.terminate(cause);
    if (actions === undefined) return;
    for (const a of actions) this.apply(a);
    for (const id of s.streams?.keys() ?? []) this.streamSession?.delete(id);
    s.streams?.clear();
    this.sessions.delete(s.id);
    for (const p of this.pending.closeSession(s.id)) this.rejectStream(p.streamId, p.direction, WtErrorCode.WT_SESSION_GONE);
    const info = s.closeInfo!;
    this.emit({ type: 'sessionClosed', sessionId: s.id, code: info.code, reason: info.reason, remote: info.remote });
  }

  /** A session that never opened (rejected or abandoned): forget it, refuse its buffered streams. */
  private dropSession(s: WtSession, cancelOurSide: boolean): void {
    s.state = 'closed';
    if (cancelOurSide && !s.connectSendDone) this.h3.resetStream(s.id, H3ErrorCode.H3_REQUEST_CANCELLED);
    s.connectSendDone = true;
    this.sessions.delete(s.id);
    for (const p of this.pending.closeSession(s.id)) this.rejectStream(p.streamId, p.direction, WtErrorCode.WT_SESSION_GONE);
  }

  private apply(a: WtAction): void {
    switch (a.kind) {
      case 'sendCapsule': this.h3.sendCapsule(a.streamId, a.capsule.type, a.capsule.value, a.fin); break;
      case 'finStream': this.h3.endStream(a.streamId); break;
      case 'resetStream': this.h3.resetStream(a.streamId, a.h3Code); break;
      case 'stopSending': this.h3.stopSending(a.streamId, a.h3Code); break;
    }
  }

  private emit(ev: WtEvent): void {
    this.events.push(ev);
  }
}
