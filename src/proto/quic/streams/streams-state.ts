/**
 * All streams of one connection, as one sans-IO subsystem the Connection delegates to (the role
 * of quinn's StreamsState): application commands, incoming stream frames, outgoing frames with
 * their acknowledgement or loss, connection-level flow control and stream notifications.
 *
 * Outgoing order (pollFrame): control frames, then retransmissions, then new STREAM data taken
 * round-robin across streams, one frame per stream per turn. STREAM frames always carry a Length.
 */
import type {
  DataBlockedFrame, Frame, MaxDataFrame, MaxStreamDataFrame, MaxStreamsFrame, ResetStreamFrame,
  StopSendingFrame, StreamDataBlockedFrame, StreamFrame, StreamsBlockedFrame,
} from '../wire/frames.js';
import type { ConnectionEvent, StreamDirection } from '../connection/events.js';
import { frameSize } from '../wire/frame-encoder.js';
import { TransportError, TransportErrorCode } from '../errors.js';
import { Deque } from '../../util/deque.js';
import type { Micros } from '../../util/time.js';
import { isBidi, isLocal, isUni, MAX_STREAM_COUNT } from './stream-id.js';
import { ReceiveWindow, SendCredit } from './flow-control.js';
import { SendStream } from './send-stream.js';
import { RecvStream } from './recv-stream.js';
import { StreamMap, type StreamEntry } from './stream-map.js';
import { StreamStateError } from './stream-state-error.js';

export interface StreamsConfig {
  isServer: boolean;
  /** Our transport parameters (the limits we give the peer). */
  local: {
    initialMaxData: number;
    initialMaxStreamDataBidiLocal: number;
    initialMaxStreamDataBidiRemote: number;
    initialMaxStreamDataUni: number;
    initialMaxStreamsBidi: number;
    initialMaxStreamsUni: number;
  };
  /** Auto-tune caps for the per-stream and connection receive windows. */
  maxStreamWindow: number;
  maxConnectionWindow: number;
  /** Per stream: bytes write() buffers (unacknowledged included) before it returns short. */
  sendBufferSize: number;
}

/** The peer's transport parameters that concern streams. */
export interface PeerStreamLimits {
  initialMaxData: number;
  initialMaxStreamDataBidiLocal: number;
  initialMaxStreamDataBidiRemote: number;
  initialMaxStreamDataUni: number;
  initialMaxStreamsBidi: number;
  initialMaxStreamsUni: number;
}

export type StreamsIncomingFrame =
  | StreamFrame | ResetStreamFrame | StopSendingFrame | MaxDataFrame | MaxStreamDataFrame
  | MaxStreamsFrame | DataBlockedFrame | StreamDataBlockedFrame | StreamsBlockedFrame;

export interface StreamsStats {
  openStreams: number;
  localBidiOpened: number;
  localUniOpened: number;
  remoteBidiOpened: number;
  remoteUniOpened: number;
  /** Stream payload bytes sent for the first time / sent again after a loss. */
  bytesSent: number;
  bytesRetransmitted: number;
  /** Connection-level credit the peer used (highest offsets) and bytes the application consumed. */
  bytesReceived: number;
  bytesConsumed: number;
  sendLimit: number;
  receiveLimit: number;
  receiveWindow: number;
}

const T = {
  RESET_STREAM: 0x04, STOP_SENDING: 0x05, STREAM: 0x08, MAX_STREAM_DATA: 0x11, MAX_STREAMS_BIDI: 0x12,
  MAX_STREAMS_UNI: 0x13, STREAM_DATA_BLOCKED: 0x15, STREAMS_BLOCKED_BIDI: 0x16, STREAMS_BLOCKED_UNI: 0x17,
} as const;

/** Queue predicates, module-level so the per-packet send path allocates no closures. */
const hasRetransmit = (s: SendStream): boolean => s.hasRetransmit;
const hasNewData = (s: SendStream): boolean => s.hasNewData;

export class StreamsState {
  private readonly config: StreamsConfig;
  private readonly map: StreamMap;
  private peer: PeerStreamLimits | undefined;
  private rtt: Micros = 0;
  private readonly connSend = new SendCredit(0);
  private readonly connRecv: ReceiveWindow;
  /** Sum over streams of the highest offset received (connection credit used by the peer). */
  private connReceived = 0;
  private readonly events = new Deque<ConnectionEvent>(4);

  // Control frames waiting to be sent. Per-stream queues hold ids; stale ids are skipped.
  // Every queue starts at the smallest ring (4): most stay empty on an idle connection, and a
  // busy one grows by doubling.
  private readonly resetQueue = new Deque<number>(4);
  private readonly stopQueue = new Deque<number>(4);
  private readonly maxStreamDataQueue = new Deque<number>(4);
  private readonly streamDataBlockedQueue = new Deque<number>(4);
  private maxDataQueued = false;
  private dataBlockedQueued = false;
  private readonly maxStreamsQueued: [boolean, boolean] = [false, false];
  private readonly streamsBlockedQueued: [boolean, boolean] = [false, false];
  // Streams with lost data / with new data the stream credit allows (round-robin order).
  private readonly retransmitQueue = new Deque<number>(4);
  private readonly sendQueue = new Deque<number>(4);

  private bytesSent = 0;
  private bytesRetransmitted = 0;

  constructor(config: StreamsConfig) {
    this.config = config;
    this.map = new StreamMap(config.isServer, config.local.initialMaxStreamsBidi, config.local.initialMaxStreamsUni);
    this.connRecv = new ReceiveWindow(config.local.initialMaxData, config.maxConnectionWindow);
  }

  // ---------------------------------------------------------------- configuration

  /** Applies the peer's transport parameters (once they are known). */
  setPeerLimits(p: PeerStreamLimits): void {
    this.peer = p;
    this.connSend.raise(p.initialMaxData);
    for (const bidi of [true, false]) {
      const max = bidi ? p.initialMaxStreamsBidi : p.initialMaxStreamsUni;
      if (this.map.raisePeerLimit(bidi, max, 0)) this.events.push({ type: 'streamsAvailable', direction: bidi ? 'bidi' : 'uni' });
    }
    // Streams the peer opened before its parameters were applied get their send credit now.
    for (const e of this.map.values()) {
      if (e.send && e.send.credit.raise(this.initialSendCredit(e.id))) this.scheduleSend(e.send);
    }
  }

  /** Smoothed RTT, for receive-window auto-tuning. */
  setRtt(smoothedRtt: Micros): void {
    this.rtt = smoothedRtt;
  }

  // ---------------------------------------------------------------- application commands

  /** Opens a local stream; undefined when the peer's MAX_STREAMS is reached (STREAMS_BLOCKED queued). */
  open(direction: StreamDirection): number | undefined {
    const bidi = direction === 'bidi';
    const id = this.map.allocateLocal(bidi);
    if (id === undefined) {
      if (this.peer !== undefined && this.map.takeBlockedReport(bidi)) this.streamsBlockedQueued[bidi ? 0 : 1] = true;
      return undefined;
    }
    this.createStream(id);
    return id;
  }

  /** Buffers data for sending; returns the bytes accepted (short when the send buffer is full). */
  write(id: number, data: Uint8Array, fin: boolean): number {
    const e = this.map.get(id);
    if (e === undefined) throw new StreamStateError(id, this.unknownReason(id, 'write'));
    if (e.send === undefined) throw new StreamStateError(id, 'receive-only');
    const n = e.send.write(data, fin);
    this.scheduleSend(e.send);
    return n;
  }

  /**
   * Reads up to maxBytes (a view of received data); undefined when nothing is readable. Consuming
   * data grants credit: MAX_STREAM_DATA / MAX_DATA are queued when due.
   */
  read(id: number, maxBytes: number, now: Micros): { data: Uint8Array; fin: boolean } | undefined {
    const e = this.map.get(id);
    if (e === undefined) throw new StreamStateError(id, this.unknownReason(id, 'read'));
    const recv = e.recv;
    if (recv === undefined) throw new StreamStateError(id, 'send-only');
    const r = recv.read(maxBytes, now, this.rtt);
    if (r === undefined) return undefined;
    if (r.creditDue) this.queueMaxStreamData(recv);
    this.retire(recv, now);
    this.maybeFree(e);
    return { data: r.data, fin: r.fin };
  }

  /** Abandons sending on a stream (RESET_STREAM). No-op on streams already finished or gone. */
  reset(id: number, code: bigint): void {
    const e = this.map.get(id);
    if (e === undefined) return;
    if (e.send === undefined) throw new StreamStateError(id, 'receive-only');
    if (e.send.reset(code)) this.queueReset(e.send);
  }

  /** Stops reading a stream (STOP_SENDING): buffered and future data is dropped. */
  stop(id: number, code: bigint): void {
    const e = this.map.get(id);
    if (e === undefined) return;
    if (e.recv === undefined) throw new StreamStateError(id, 'send-only');
    if (e.recv.stop(code) && !e.recv.stopQueued) {
      e.recv.stopQueued = true;
      this.stopQueue.push(id);
    }
    this.retire(e.recv, undefined);
    this.maybeFree(e);
  }

  // ---------------------------------------------------------------- incoming frames

  handleFrame(f: StreamsIncomingFrame, now: Micros): void {
    switch (f.type) {
      case 'stream': return this.onStream(f, now);
      case 'resetStream': return this.onResetStream(f, now);
      case 'stopSending': return this.onStopSending(f);
      case 'maxData':
        this.connSend.raise(f.maximum);
        return;
      case 'maxStreamData': {
        this.rejectReceiveOnly(f.streamId, T.MAX_STREAM_DATA);
        const send = this.resolve(f.streamId, T.MAX_STREAM_DATA)?.send;
        if (send && send.credit.raise(f.maximum)) this.scheduleSend(send);
        return;
      }
      case 'maxStreams': {
        if (this.map.raisePeerLimit(f.bidi, f.maximum, f.bidi ? T.MAX_STREAMS_BIDI : T.MAX_STREAMS_UNI)) {
          this.events.push({ type: 'streamsAvailable', direction: f.bidi ? 'bidi' : 'uni' });
        }
        return;
      }
      case 'dataBlocked':
        return; // credit follows consumption; nothing to do early
      case 'streamDataBlocked':
        this.rejectSendOnly(f.streamId, T.STREAM_DATA_BLOCKED);
        this.resolve(f.streamId, T.STREAM_DATA_BLOCKED);
        return;
      case 'streamsBlocked': {
        if (f.limit > MAX_STREAM_COUNT) {
          throw new TransportError(TransportErrorCode.FRAME_ENCODING_ERROR, 'STREAMS_BLOCKED above 2^60',
            f.bidi ? T.STREAMS_BLOCKED_BIDI : T.STREAMS_BLOCKED_UNI);
        }
        // The peer waits for stream credit: give back what closed streams freed, now.
        if (this.map.flushCredit(f.bidi)) this.maxStreamsQueued[f.bidi ? 0 : 1] = true;
        return;
      }
    }
  }

  private onStream(f: StreamFrame, now: Micros): void {
    this.rejectSendOnly(f.streamId, T.STREAM);
    const e = this.resolve(f.streamId, T.STREAM);
    const recv = e?.recv;
    if (e === undefined || recv === undefined) return;
    const wasReadable = recv.readable;
    this.addReceived(recv.onData(f.offset, f.data, f.fin), T.STREAM);
    if (!wasReadable && recv.readable) this.events.push({ type: 'streamReadable', streamId: recv.id });
    this.retire(recv, now);
    this.maybeFree(e);
  }

  private onResetStream(f: ResetStreamFrame, now: Micros): void {
    this.rejectSendOnly(f.streamId, T.RESET_STREAM);
    const e = this.resolve(f.streamId, T.RESET_STREAM);
    const recv = e?.recv;
    if (e === undefined || recv === undefined) return;
    const wasTerminal = recv.isTerminal;
    const grew = recv.onReset(f.errorCode, f.finalSize);
    if (grew > 0) this.addReceived(grew, T.RESET_STREAM);
    if (grew >= 0 && !wasTerminal) {
      this.events.push({ type: 'streamReset', streamId: f.streamId, errorCode: f.errorCode, finalSize: f.finalSize });
    }
    this.retire(recv, now);
    this.maybeFree(e);
  }

  private onStopSending(f: StopSendingFrame): void {
    this.rejectReceiveOnly(f.streamId, T.STOP_SENDING);
    const send = this.resolve(f.streamId, T.STOP_SENDING)?.send;
    if (send === undefined) return;
    if (send.stopCode === undefined) send.stopCode = f.errorCode;
    // Answer with RESET_STREAM carrying the peer's code (RFC 9000 §3.5).
    if (send.reset(f.errorCode)) {
      this.queueReset(send);
      this.events.push({ type: 'streamStopped', streamId: f.streamId, errorCode: f.errorCode });
    }
  }

  /** STREAM / RESET_STREAM / STREAM_DATA_BLOCKED on a stream only we send on. */
  private rejectSendOnly(id: number, frameType: number): void {
    if (isUni(id) && isLocal(id, this.config.isServer)) {
      throw new TransportError(TransportErrorCode.STREAM_STATE_ERROR, `stream ${id} is send-only`, frameType);
    }
  }

  /** MAX_STREAM_DATA / STOP_SENDING on a stream only the peer sends on. */
  private rejectReceiveOnly(id: number, frameType: number): void {
    if (isUni(id) && !isLocal(id, this.config.isServer)) {
      throw new TransportError(TransportErrorCode.STREAM_STATE_ERROR, `stream ${id} is receive-only`, frameType);
    }
  }

  /** The stream a peer frame names, opening peer streams (and lower ids) on first mention. */
  private resolve(id: number, frameType: number): StreamEntry | undefined {
    const kind = this.map.classify(id, frameType);
    if (kind === 'existing') return this.map.get(id);
    if (kind === 'closed') return undefined;
    const { first, count } = this.map.openRemoteUpTo(id);
    const direction: StreamDirection = isBidi(id) ? 'bidi' : 'uni';
    for (let i = 0; i < count; i++) {
      const sid = first + 4 * i;
      this.createStream(sid);
      this.events.push({ type: 'streamOpened', streamId: sid, direction });
    }
    return this.map.get(id);
  }

  private addReceived(bytes: number, frameType: number): void {
    this.connReceived += bytes;
    if (this.connReceived > this.connRecv.limit) {
      throw new TransportError(TransportErrorCode.FLOW_CONTROL_ERROR, 'connection data limit exceeded', frameType);
    }
  }

  /** Returns consumed or dropped bytes of `recv` to the connection window. */
  private retire(recv: RecvStream, now: Micros | undefined): void {
    const bytes = recv.takeRetired();
    if (bytes === 0) return;
    // Dropped data (stop/reset) must not count as fast consumption: no auto-tune without `now`.
    if (this.connRecv.onConsumed(bytes, now ?? 0, now === undefined ? 0 : this.rtt)) this.maxDataQueued = true;
  }

  // ---------------------------------------------------------------- stream lifecycle

  private createStream(id: number): void {
    const local = isLocal(id, this.config.isServer);
    const bidi = isBidi(id);
    const cfg = this.config;
    const send = bidi || local ? new SendStream(id, this.initialSendCredit(id), cfg.sendBufferSize) : undefined;
    let recv: RecvStream | undefined;
    if (bidi || !local) {
      const window = !bidi ? cfg.local.initialMaxStreamDataUni
        : local ? cfg.local.initialMaxStreamDataBidiLocal : cfg.local.initialMaxStreamDataBidiRemote;
      recv = new RecvStream(id, window, cfg.maxStreamWindow);
    }
    this.map.set({ id, send, recv });
  }

  /** The peer's initial credit for our sending part of stream `id`. */
  private initialSendCredit(id: number): number {
    const p = this.peer;
    if (p === undefined) return 0;
    if (!isBidi(id)) return p.initialMaxStreamDataUni;
    return isLocal(id, this.config.isServer) ? p.initialMaxStreamDataBidiRemote : p.initialMaxStreamDataBidiLocal;
  }

  /** Forgets a stream once both parts are terminal; returns the peer's stream credit in batches. */
  private maybeFree(e: StreamEntry): void {
    if (e.send !== undefined && !e.send.isTerminal) return;
    if (e.recv !== undefined && !e.recv.isTerminal) return;
    if (this.map.remove(e.id)) this.maxStreamsQueued[isBidi(e.id) ? 0 : 1] = true;
    this.events.push({ type: 'streamClosed', streamId: e.id });
  }

  private unknownReason(id: number, op: 'read' | 'write'): 'unknown' | 'receive-only' | 'send-only' {
    if (!isUni(id)) return 'unknown';
    const local = isLocal(id, this.config.isServer);
    if (op === 'write' && !local) return 'receive-only';
    if (op === 'read' && local) return 'send-only';
    return 'unknown';
  }

  // ---------------------------------------------------------------- scheduling

  private scheduleSend(send: SendStream): void {
    if (send.hasNewData) {
      if (!send.inSendQueue) {
        send.inSendQueue = true;
        this.sendQueue.push(send.id);
      }
    } else if (send.blockedByStreamCredit && send.credit.takeBlockedReport() && !send.blockedQueued) {
      send.blockedQueued = true;
      this.streamDataBlockedQueue.push(send.id);
    }
  }

  private queueReset(send: SendStream): void {
    if (send.resetQueued) return;
    send.resetQueued = true;
    this.resetQueue.push(send.id);
  }

  private queueMaxStreamData(recv: RecvStream): void {
    if (recv.maxDataQueued) return;
    recv.maxDataQueued = true;
    this.maxStreamDataQueue.push(recv.id);
  }

  private queueRetransmit(send: SendStream): void {
    if (send.inRetransmitQueue || !send.hasRetransmit) return;
    send.inRetransmitQueue = true;
    this.retransmitQueue.push(send.id);
  }

  // ---------------------------------------------------------------- outgoing frames

  /** True when pollFrame would return a frame given enough space. */
  hasPendingFrames(): boolean {
    this.refreshConnBlocked();
    if (this.peekControl() !== undefined) return true;
    if (this.peekSendStream(this.retransmitQueue, hasRetransmit) !== undefined) return true;
    if (this.peekSendStream(this.sendQueue, hasNewData) === undefined) return false;
    if (this.connSend.available > 0) return true;
    for (let i = 0; i < this.sendQueue.length; i++) {
      const s = this.map.get(this.sendQueue.at(i)!)?.send;
      if (s?.onlyFinPending) return true;
    }
    return false;
  }

  /** The next frame that fits in `space` bytes, or undefined. */
  pollFrame(space: number, _now: Micros): Frame | undefined {
    this.refreshConnBlocked();
    const control = this.peekControl();
    if (control !== undefined && frameSize(control) <= space) {
      this.takeControl(control);
      return control;
    }
    const re = this.pollRetransmit(space);
    if (re !== undefined) return re;
    const fresh = this.pollNewData(space);
    if (fresh !== undefined) return fresh;
    // The first control frame did not fit: a later, smaller one might (rare; linear scan).
    return control === undefined ? undefined : this.pollSmallControl(space);
  }

  private refreshConnBlocked(): void {
    if (this.connSend.available > 0 || this.dataBlockedQueued) return;
    if (this.peekSendStream(this.sendQueue, hasNewData) === undefined) return;
    let wantsData = false;
    for (let i = 0; i < this.sendQueue.length && !wantsData; i++) {
      const s = this.map.get(this.sendQueue.at(i)!)?.send;
      if (s !== undefined && s.buffer.unsentBytes > 0) wantsData = true;
    }
    if (wantsData && this.connSend.takeBlockedReport()) this.dataBlockedQueued = true;
  }

  /** The first control frame still worth sending (stale queue heads are dropped). */
  private peekControl(): Frame | undefined {
    // Called several times per packet: the builders are bound once and nothing is allocated
    // unless a frame is returned.
    let f: Frame | undefined;
    if ((f = this.peekPerStream(this.resetQueue, this.buildResetFrame)) !== undefined) return f;
    if ((f = this.peekPerStream(this.stopQueue, this.buildStopFrame)) !== undefined) return f;
    if (this.maxDataQueued) return { type: 'maxData', maximum: this.connRecv.limit };
    if ((f = this.peekPerStream(this.maxStreamDataQueue, this.buildMaxStreamDataFrame)) !== undefined) return f;
    if (this.maxStreamsQueued[0]) return { type: 'maxStreams', bidi: true, maximum: this.map.localLimit(true) };
    if (this.maxStreamsQueued[1]) return { type: 'maxStreams', bidi: false, maximum: this.map.localLimit(false) };
    if (this.dataBlockedQueued) {
      if (this.connSend.available === 0) return { type: 'dataBlocked', limit: this.connSend.limit };
      this.dataBlockedQueued = false;
    }
    if ((f = this.peekPerStream(this.streamDataBlockedQueue, this.buildStreamDataBlockedFrame)) !== undefined) return f;
    return this.peekStreamsBlocked(true) ?? this.peekStreamsBlocked(false);
  }

  private peekStreamsBlocked(bidi: boolean): Frame | undefined {
    const i = bidi ? 0 : 1;
    if (!this.streamsBlockedQueued[i]) return undefined;
    const limit = this.map.peerLimit(bidi);
    if (this.map.isBlockedAt(bidi, limit)) return { type: 'streamsBlocked', bidi, limit };
    this.streamsBlockedQueued[i] = false;
    return undefined;
  }

  private readonly buildResetFrame = (id: number): Frame | undefined => this.resetFrame(id);
  private readonly buildStopFrame = (id: number): Frame | undefined => this.stopFrame(id);
  private readonly buildMaxStreamDataFrame = (id: number): Frame | undefined => this.maxStreamDataFrame(id);
  private readonly buildStreamDataBlockedFrame = (id: number): Frame | undefined => this.streamDataBlockedFrame(id);

  /** Marks a control frame returned by peekControl as sent. */
  private takeControl(f: Frame): void {
    switch (f.type) {
      case 'resetStream': this.shiftPerStream(this.resetQueue, f.streamId); return;
      case 'stopSending': this.shiftPerStream(this.stopQueue, f.streamId); return;
      case 'maxData': this.maxDataQueued = false; return;
      case 'maxStreamData': this.shiftPerStream(this.maxStreamDataQueue, f.streamId); return;
      case 'maxStreams': this.maxStreamsQueued[f.bidi ? 0 : 1] = false; return;
      case 'dataBlocked': this.dataBlockedQueued = false; return;
      case 'streamDataBlocked': this.shiftPerStream(this.streamDataBlockedQueue, f.streamId); return;
      case 'streamsBlocked': this.streamsBlockedQueued[f.bidi ? 0 : 1] = false; return;
      default: return;
    }
  }

  /** Sends the first pending control frame that fits, checking every queue (slow path). */
  private pollSmallControl(space: number): Frame | undefined {
    const candidates: Frame[] = [];
    const collect = (q: Deque<number>, build: (id: number) => Frame | undefined): void => {
      for (let n = q.length; n > 0; n--) {
        const id = q.shift()!;
        const f = build(id);
        if (f !== undefined) candidates.push(f);
        else this.clearQueuedFlag(q, id);
      }
    };
    collect(this.resetQueue, (id) => this.resetFrame(id));
    collect(this.stopQueue, (id) => this.stopFrame(id));
    collect(this.maxStreamDataQueue, (id) => this.maxStreamDataFrame(id));
    collect(this.streamDataBlockedQueue, (id) => this.streamDataBlockedFrame(id));
    let chosen: Frame | undefined;
    for (const f of candidates) {
      if (chosen === undefined && frameSize(f) <= space) {
        chosen = f;
        continue;
      }
      // Put back everything else, in order.
      this.requeueControl(f);
    }
    if (chosen !== undefined) this.clearControlFlag(chosen);
    return chosen;
  }

  private requeueControl(f: Frame): void {
    switch (f.type) {
      case 'resetStream': this.resetQueue.push(f.streamId); return;
      case 'stopSending': this.stopQueue.push(f.streamId); return;
      case 'maxStreamData': this.maxStreamDataQueue.push(f.streamId); return;
      case 'streamDataBlocked': this.streamDataBlockedQueue.push(f.streamId); return;
      default: return;
    }
  }

  private clearControlFlag(f: Frame): void {
    if (f.type === 'resetStream') this.clearQueuedFlag(this.resetQueue, f.streamId);
    else if (f.type === 'stopSending') this.clearQueuedFlag(this.stopQueue, f.streamId);
    else if (f.type === 'maxStreamData') this.clearQueuedFlag(this.maxStreamDataQueue, f.streamId);
    else if (f.type === 'streamDataBlocked') this.clearQueuedFlag(this.streamDataBlockedQueue, f.streamId);
  }

  /** Clears the "queued" flag matching queue `q` on stream `id` (the id left the queue). */
  private clearQueuedFlag(q: Deque<number>, id: number): void {
    const e = this.map.get(id);
    if (e === undefined) return;
    if (q === this.resetQueue && e.send) e.send.resetQueued = false;
    else if (q === this.stopQueue && e.recv) e.recv.stopQueued = false;
    else if (q === this.maxStreamDataQueue && e.recv) e.recv.maxDataQueued = false;
    else if (q === this.streamDataBlockedQueue && e.send) e.send.blockedQueued = false;
  }

  private peekPerStream(q: Deque<number>, build: (id: number) => Frame | undefined): Frame | undefined {
    while (q.length > 0) {
      const id = q.peek()!;
      const f = build(id);
      if (f !== undefined) return f;
      q.shift();
      this.clearQueuedFlag(q, id);
    }
    return undefined;
  }

  private shiftPerStream(q: Deque<number>, id: number): void {
    q.shift();
    this.clearQueuedFlag(q, id);
  }

  private resetFrame(id: number): ResetStreamFrame | undefined {
    const s = this.map.get(id)?.send;
    if (s === undefined || s.state !== 'resetSent' || !s.resetQueued) return undefined;
    return { type: 'resetStream', streamId: id, errorCode: s.resetCode!, finalSize: s.resetFinalSize };
  }

  private stopFrame(id: number): StopSendingFrame | undefined {
    const r = this.map.get(id)?.recv;
    if (r === undefined || r.stopCode === undefined || !r.stopQueued) return undefined;
    if (r.state !== 'recv' && r.state !== 'sizeKnown') return undefined;
    return { type: 'stopSending', streamId: id, errorCode: r.stopCode };
  }

  private maxStreamDataFrame(id: number): MaxStreamDataFrame | undefined {
    const r = this.map.get(id)?.recv;
    if (r === undefined || !r.wantsCredit || !r.maxDataQueued) return undefined;
    return { type: 'maxStreamData', streamId: id, maximum: r.window.limit };
  }

  private streamDataBlockedFrame(id: number): StreamDataBlockedFrame | undefined {
    const s = this.map.get(id)?.send;
    if (s === undefined || !s.blockedQueued || !s.blockedByStreamCredit) return undefined;
    return { type: 'streamDataBlocked', streamId: id, limit: s.credit.limit };
  }

  /** First stream of `q` satisfying `ready`, dropping stale heads; undefined when none. */
  private peekSendStream(q: Deque<number>, ready: (s: SendStream) => boolean): SendStream | undefined {
    while (q.length > 0) {
      const s = this.map.get(q.peek()!)?.send;
      if (s !== undefined && ready(s)) return s;
      q.shift();
      if (s !== undefined) {
        if (q === this.sendQueue) s.inSendQueue = false;
        else s.inRetransmitQueue = false;
      }
    }
    return undefined;
  }

  private pollRetransmit(space: number): StreamFrame | undefined {
    const s = this.peekSendStream(this.retransmitQueue, hasRetransmit);
    if (s === undefined) return undefined;
    const f = s.pollRetransmit(space);
    if (f === undefined) return undefined; // does not fit: stays first in line
    this.retransmitQueue.shift();
    if (s.hasRetransmit) this.retransmitQueue.push(s.id);
    else s.inRetransmitQueue = false;
    this.bytesRetransmitted += f.data.length;
    return f;
  }

  private pollNewData(space: number): StreamFrame | undefined {
    const q = this.sendQueue;
    for (let turns = q.length; turns > 0; turns--) {
      const s = this.peekSendStream(q, hasNewData);
      if (s === undefined) return undefined;
      if (this.connSend.available === 0 && !s.onlyFinPending) {
        q.push(q.shift()!); // blocked by the connection limit: let another stream try
        continue;
      }
      const f = s.pollNew(space, this.connSend.available);
      if (f === undefined) return undefined; // does not fit: keeps its turn
      q.shift();
      this.connSend.used += f.data.length;
      this.bytesSent += f.data.length;
      if (s.hasNewData) q.push(s.id);
      else {
        s.inSendQueue = false;
        this.scheduleSend(s); // queues STREAM_DATA_BLOCKED when the stream credit ran out
      }
      return f;
    }
    return undefined;
  }

  // ---------------------------------------------------------------- acknowledgements and losses

  /** A frame we sent was acknowledged. */
  onFrameAcked(f: Frame): void {
    if (f.type === 'stream') {
      const e = this.map.get(f.streamId);
      const s = e?.send;
      if (e === undefined || s === undefined) return;
      s.onAcked(f);
      if (s.wantsWritable && s.buffer.freeSpace > 0 && !s.isReset && !s.finWritten) {
        s.wantsWritable = false;
        this.events.push({ type: 'streamWritable', streamId: s.id });
      }
      this.maybeFree(e);
    } else if (f.type === 'resetStream') {
      const e = this.map.get(f.streamId);
      if (e?.send === undefined) return;
      e.send.onResetAcked();
      this.maybeFree(e);
    }
  }

  /** A frame we sent was lost: data is resent, control frames only while still current. */
  onFrameLost(f: Frame): void {
    switch (f.type) {
      case 'stream': {
        const s = this.map.get(f.streamId)?.send;
        if (s === undefined) return;
        s.onLost(f);
        this.queueRetransmit(s);
        return;
      }
      case 'resetStream': {
        const s = this.map.get(f.streamId)?.send;
        if (s !== undefined && s.state === 'resetSent') this.queueReset(s);
        return;
      }
      case 'stopSending': {
        const r = this.map.get(f.streamId)?.recv;
        if (r === undefined || r.stopQueued || r.stopCode === undefined) return;
        if (r.state === 'recv' || r.state === 'sizeKnown') {
          r.stopQueued = true;
          this.stopQueue.push(r.id);
        }
        return;
      }
      case 'maxData':
        if (f.maximum === this.connRecv.limit) this.maxDataQueued = true;
        return;
      case 'maxStreamData': {
        const r = this.map.get(f.streamId)?.recv;
        if (r !== undefined && r.wantsCredit && f.maximum === r.window.limit) this.queueMaxStreamData(r);
        return;
      }
      case 'maxStreams':
        if (f.maximum === this.map.localLimit(f.bidi)) this.maxStreamsQueued[f.bidi ? 0 : 1] = true;
        return;
      case 'dataBlocked':
        if (f.limit === this.connSend.limit && this.connSend.available === 0) this.dataBlockedQueued = true;
        return;
      case 'streamDataBlocked': {
        const s = this.map.get(f.streamId)?.send;
        if (s !== undefined && s.blockedByStreamCredit && f.limit === s.credit.limit && !s.blockedQueued) {
          s.blockedQueued = true;
          this.streamDataBlockedQueue.push(s.id);
        }
        return;
      }
      case 'streamsBlocked':
        if (this.map.isBlockedAt(f.bidi, f.limit)) this.streamsBlockedQueued[f.bidi ? 0 : 1] = true;
        return;
      default:
        return;
    }
  }

  // ---------------------------------------------------------------- events and stats

  pollEvent(): ConnectionEvent | undefined {
    return this.events.shift();
  }

  /** Stream payload bytes sent so far (retransmissions included); cheap, for per-packet decisions. */
  get payloadBytesSent(): number {
    return this.bytesSent;
  }

  stats(): StreamsStats {
    return {
      openStreams: this.map.size,
      ...this.map.counts(),
      bytesSent: this.bytesSent,
      bytesRetransmitted: this.bytesRetransmitted,
      bytesReceived: this.connReceived,
      bytesConsumed: this.connRecv.consumed,
      sendLimit: this.connSend.limit,
      receiveLimit: this.connRecv.limit,
      receiveWindow: this.connRecv.window,
    };
  }
}

