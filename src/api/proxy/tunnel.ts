/**
 * One CONNECT-UDP tunnel: a request stream whose UDP payloads travel as HTTP Datagrams
 * (RFC 9297 §2) with Context ID 0 (RFC 9298 §5). Used by both roles. A payload too large for a
 * QUIC DATAGRAM (or a peer without HTTP/3 datagrams) goes as a DATAGRAM capsule on the stream
 * instead; at most one such capsule waits for stream credit, later ones are dropped as UDP may.
 * Closing the stream (FIN or reset, either side) closes the tunnel.
 */
import { CapsuleType, encodeCapsule } from '../../proto/h3/capsule.js';
import type { H3Connection } from '../../proto/h3/connection.js';
import { H3ErrorCode } from '../../proto/h3/errors.js';
import { ProxyError, ProxyProtocolError } from './errors.js';
import { decodeUdpProxyingPayload, encodeUdpProxyingPayload } from './udp-payload.js';

/** What a tunnel needs from the connection host that owns its stream. */
export interface TunnelHost {
  readonly h3: H3Connection;
  /** Schedules a send after a command. */
  wake(): void;
  /** The tunnel is over: stop routing its stream's events. */
  detach(streamId: number): void;
}

export interface TunnelTarget {
  readonly host: string;
  readonly port: number;
}

export interface TunnelStats {
  datagramsSent: number;
  datagramsReceived: number;
  capsulesSent: number;
  capsulesReceived: number;
  /** Payloads not sent (capsule fallback busy) or received with an unknown/malformed Context ID. */
  dropped: number;
}

export interface TunnelCloseInfo {
  /** True when the peer ended the stream or the connection went away. */
  readonly remote: boolean;
  readonly reason: string;
  readonly error: Error | undefined;
}

export class ConnectUdpTunnel {
  readonly streamId: number;
  readonly target: TunnelTarget;
  readonly stats: TunnelStats = { datagramsSent: 0, datagramsReceived: 0, capsulesSent: 0, capsulesReceived: 0, dropped: 0 };
  /** Resolves once the tunnel is closed, by either side. */
  readonly closed: Promise<TunnelCloseInfo>;
  readonly #host: TunnelHost;
  #handler: ((payload: Uint8Array) => void) | undefined;
  /** The unsent tail of a DATAGRAM capsule QUIC did not take whole. */
  #owed: Uint8Array | undefined;
  #closeInfo: TunnelCloseInfo | undefined;
  #resolveClosed!: (info: TunnelCloseInfo) => void;

  constructor(host: TunnelHost, streamId: number, target: TunnelTarget) {
    this.#host = host;
    this.streamId = streamId;
    this.target = target;
    this.closed = new Promise((resolve) => { this.#resolveClosed = resolve; });
  }

  get isClosed(): boolean {
    return this.#closeInfo !== undefined;
  }

  /** Receives every UDP payload (a view valid during the call only; copy to keep it). */
  onDatagram(handler: ((payload: Uint8Array) => void) | undefined): void {
    this.#handler = handler;
  }

  /** Largest payload that still fits one QUIC DATAGRAM (bigger ones go as capsules). */
  get maxDatagramPayload(): number {
    return Math.max(0, this.#host.h3.maxHttpDatagramSize(this.streamId) - 1);
  }

  /** Sends one UDP payload; false when it was dropped (tunnel closed or capsule backlog). */
  send(payload: Uint8Array): boolean {
    if (this.#closeInfo !== undefined) return false;
    const h3 = this.#host.h3;
    const body = encodeUdpProxyingPayload(payload);
    const r = h3.sendHttpDatagram(this.streamId, body);
    if (r === 'queued') {
      this.stats.datagramsSent++;
      this.#host.wake();
      return true;
    }
    if (r === 'closed' || this.#owed !== undefined) {
      this.stats.dropped++;
      return false;
    }
    // RFC 9297 §3.5: the same HTTP Datagram as a capsule, reliable and ordered on the stream.
    const capsule = encodeCapsule(CapsuleType.DATAGRAM, body);
    const n = h3.sendData(this.streamId, capsule);
    if (n < capsule.length) this.#owed = capsule.subarray(n);
    this.stats.capsulesSent++;
    this.#host.wake();
    return true;
  }

  /** Closes the tunnel: FIN on our side of the stream. */
  close(reason = 'closed locally'): void {
    if (this.#closeInfo !== undefined) return;
    this.#host.h3.endStream(this.streamId);
    this.#finish({ remote: false, reason, error: undefined });
  }

  /** Aborts the tunnel: resets our side and stops the peer's (default H3_CONNECT_ERROR). */
  abort(code: number = H3ErrorCode.H3_CONNECT_ERROR, reason = 'aborted locally'): void {
    if (this.#closeInfo !== undefined) return;
    const h3 = this.#host.h3;
    if (!h3.isClosed) {
      h3.resetStream(this.streamId, code);
      h3.stopSending(this.streamId, code);
    }
    this.#finish({ remote: false, reason, error: undefined });
  }

  // ---- events from the connection host

  /** An HTTP Datagram for this stream arrived (QUIC DATAGRAM). */
  handleHttpDatagram(datagram: Uint8Array): void {
    if (this.#closeInfo !== undefined) return;
    this.#deliver(datagram, false);
  }

  handleCapsule(type: number, value: Uint8Array): void {
    if (this.#closeInfo !== undefined || type !== CapsuleType.DATAGRAM) return; // other capsules: not ours
    this.#deliver(value, true);
  }

  handleWritable(): void {
    const owed = this.#owed;
    if (owed === undefined || this.#closeInfo !== undefined) return;
    const n = this.#host.h3.sendData(this.streamId, owed);
    this.#owed = n < owed.length ? owed.subarray(n) : undefined;
    this.#host.wake();
  }

  /** The peer ended the stream (FIN), reset it, or the connection closed. */
  handleEnd(reason: string, error?: Error): void {
    if (this.#closeInfo !== undefined) return;
    const h3 = this.#host.h3;
    // A clean end from the peer gets our FIN back, so the stream completes both ways.
    if (!h3.isClosed) h3.endStream(this.streamId);
    this.#host.wake();
    this.#finish({ remote: true, reason, error });
  }

  #deliver(datagram: Uint8Array, viaCapsule: boolean): void {
    let payload: Uint8Array | undefined;
    try {
      payload = decodeUdpProxyingPayload(datagram);
    } catch (error) {
      if (!(error instanceof ProxyProtocolError)) throw error;
      payload = undefined;
    }
    if (payload === undefined) {
      this.stats.dropped++;
      return;
    }
    if (viaCapsule) this.stats.capsulesReceived++;
    else this.stats.datagramsReceived++;
    this.#handler?.(payload);
  }

  #finish(info: TunnelCloseInfo): void {
    this.#closeInfo = info;
    this.#owed = undefined;
    this.#handler = undefined;
    this.#host.detach(this.streamId);
    this.#resolveClosed(info);
  }
}

/** The error a closed tunnel reports to someone still waiting on it. */
export function tunnelClosedError(info: TunnelCloseInfo): ProxyError {
  return new ProxyError(`the CONNECT-UDP tunnel closed: ${info.reason}`, { reason: info.reason, remote: info.remote, cause: info.error });
}
