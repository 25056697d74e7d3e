/**
 * One QUIC connection as a sans-IO state machine (RFC 9000, 9001, 9002, 9221).
 *
 * Inputs: handleDatagram(), handleTimeout() and the commands (openStream, writeStream, ...).
 * Outputs: pollTransmit() datagrams, pollTimeout() one deadline, pollEvent() notifications.
 * After any input the driver drains pollEvent() and pollTransmit() and re-arms its timer.
 * Nothing here reads a clock or a socket: `now` is passed in, in microseconds.
 */
import { ByteWriter, bytesEqual, fromUtf8, utf8, writeVarintFixed } from '../../util/bytes.js';
import type { CryptoProvider } from '../../crypto/provider.js';
import type { RandomSource } from '../../util/random.js';
import type { Micros } from '../../util/time.js';
import { EncryptionLevel, type TlsSession } from '../../tls/session.js';
import { TlsAlertError } from '../../tls/alerts.js';
import { TransportError, TransportErrorCode } from '../errors.js';
import type { AckFrame, ConnectionCloseFrame, CryptoFrame, Frame } from '../wire/frames.js';
import { isAckEliciting } from '../wire/frames.js';
import { decodeFrames } from '../wire/frame-decoder.js';
import { encodeFrame, frameSize, maxCryptoDataThatFits } from '../wire/frame-encoder.js';
import {
  decodePacketNumber, encodePacketNumberLength, parseHeader, writeLongHeader, writeShortHeader,
  type LongHeader, type PacketHeader, type ShortHeader,
} from '../wire/header.js';
import { QUIC_V1, verifyRetryIntegrity } from '../wire/version.js';
import {
  decodeTransportParameters, defaultTransportParameters, encodeTransportParameters, type TransportParameters,
} from '../wire/transport-parameters.js';
import { decryptPayload, derivePacketKeys, initialKeys, protectPacket, unprotectHeader, type PacketKeys } from '../packet/protection.js';
import { OneRttKeys } from '../packet/key-update.js';
import { RttEstimator } from '../recovery/rtt.js';
import { LossDetection, type LossContext } from '../recovery/loss-detection.js';
import { createCongestionController } from '../recovery/congestion/factory.js';
import type { CongestionController } from '../recovery/congestion/controller.js';
import { Pacer } from '../recovery/pacer.js';
import type { PacketSpace, SentPacket } from '../recovery/sent-packets.js';
import { StreamsState } from '../streams/streams-state.js';
import { DatagramQueues } from './datagrams.js';
import { CidManager, type CidRoutingChange, type ConnectionIdIssuer } from './cid-manager.js';
import type { TransportConfig } from './config.js';
import type { CloseInfo, ConnectionEvent, StreamDirection } from './events.js';
import { PacketNumberSpace, discardedSpace } from './packet-space.js';
import { TimerKind, TimerTable } from './timers.js';
import { ConnectionStatsCounter, type ConnectionStats } from './stats.js';
import { PMTU_BASE, PMTU_FIRST_PROBE, PmtuDiscovery, isLoopbackAddress } from './pmtud.js';

/** Stream bytes sent before the path MTU search starts (a bulk transfer is worth the probes). */
const PMTU_PROBE_AFTER_BYTES = 64 * 1024;

export interface SocketAddress {
  address: string;
  port: number;
}

export type ConnectionState = 'handshaking' | 'established' | 'closing' | 'draining' | 'closed';

export interface ConnectionInit {
  isServer: boolean;
  handle: number;
  remote: SocketAddress;
  config: TransportConfig;
  /** Our Source Connection ID. */
  localCid: Uint8Array;
  /** Client: the random initial DCID. Server: the client's SCID. */
  remoteCid: Uint8Array;
  /** Client: same as remoteCid. Server: the DCID of the client's very first Initial (before any Retry). */
  originalDcid: Uint8Array;
  /** Server: the DCID the client uses now (Initial keys derive from it). Defaults to originalDcid. */
  initialDcid?: Uint8Array;
  /** Server after Retry: the SCID our Retry carried. */
  retrySourceCid?: Uint8Array;
  /** Client: the token to put in Initial packets. */
  token?: Uint8Array;
  /** Server: the stateless reset token for localCid, announced in transport parameters. */
  statelessResetToken?: Uint8Array;
  /** Server: the client address was validated by a Retry token. */
  addressValidated?: boolean;
  /** Builds the TLS session given our encoded transport parameters. */
  createTls(localTransportParameters: Uint8Array): TlsSession;
  now: Micros;
}

export interface ConnectionDeps {
  crypto: CryptoProvider;
  random: RandomSource;
  cidIssuer?: ConnectionIdIssuer;
}

const MIN_INITIAL_DATAGRAM = 1200;
const TAG = 16;
/** CRYPTO bytes buffered beyond the read offset before CRYPTO_BUFFER_EXCEEDED. */
const MAX_CRYPTO_BUFFER = 256 * 1024;
/** Packets we cannot decrypt yet (keys not installed) kept for later. */
const MAX_UNDECRYPTABLE = 16;
const LEVEL_TO_SPACE: Record<number, PacketSpace | undefined> = {
  [EncryptionLevel.INITIAL]: 0, [EncryptionLevel.HANDSHAKE]: 1, [EncryptionLevel.APPLICATION]: 2,
};
const SPACE_TO_LEVEL: readonly EncryptionLevel[] = [EncryptionLevel.INITIAL, EncryptionLevel.HANDSHAKE, EncryptionLevel.APPLICATION];
const EMPTY = new Uint8Array(0);
/** Frames kept for a packet that is not ack-eliciting (shared, never written to). */
const NO_FRAMES: Frame[] = [];
const NO_CID_CHANGES: readonly CidRoutingChange[] = Object.freeze([]);
const PING: Frame = { type: 'ping' };
/** CRYPTO frames are sized as if their offset needed a 4-byte varint (handshakes stay below 2^30). */
const CRYPTO_OFFSET_BOUND = 1 << 30;

interface BuiltPacket {
  space: PacketSpace;
  start: number;
  pnOffset: number;
  pnLength: 1 | 2 | 3 | 4;
  pn: number;
  payloadEnd: number;
  lengthFieldOffset: number;
  keys: PacketKeys;
  keyPhase: number;
  frames: Frame[];
  ackEliciting: boolean;
  largestAckedInAck: number | undefined;
  pmtuProbe?: boolean;
}

export class Connection {
  readonly handle: number;
  readonly isServer: boolean;
  remote: SocketAddress;
  state: ConnectionState = 'handshaking';

  private readonly config: TransportConfig;
  private readonly crypto: CryptoProvider;
  private readonly random: RandomSource;
  private readonly spaces: [PacketNumberSpace, PacketNumberSpace, PacketNumberSpace];
  private oneRtt: OneRttKeys | undefined;
  private pendingOneRttRead: { suite: PacketKeys['suite']; secret: Uint8Array } | undefined;
  private pendingOneRttWrite: { suite: PacketKeys['suite']; secret: Uint8Array } | undefined;
  private readonly tls: TlsSession;
  private readonly rtt: RttEstimator;
  private readonly cc: CongestionController;
  private readonly loss: LossDetection;
  private readonly pacer: Pacer;
  private readonly streams: StreamsState;
  private readonly datagrams: DatagramQueues;
  readonly cids: CidManager;
  private readonly timers = new TimerTable();
  private readonly events: ConnectionEvent[] = [];
  private readonly statsCounter = new ConnectionStatsCounter();

  /** Checked against the peer's transport parameters and a Retry; emptied after the handshake. */
  private originalDcid: Uint8Array;
  private readonly localInitialSourceCid: Uint8Array;
  private readonly retrySourceCid: Uint8Array | undefined;
  private receivedRetrySourceCid: Uint8Array | undefined;
  private peerInitialSourceCid: Uint8Array | undefined;
  private token: Uint8Array;
  private peerParams: TransportParameters | undefined;
  private handshakeComplete = false;
  /** Server: 1-RTT keys and the client's parameters are in, so 0.5-RTT data may go out. */
  private halfRttWritable = false;
  /** Server: 1-RTT write keys for 0.5-RTT packets, until the OneRttKeys (read side too) exist. */
  private halfRttKeys: PacketKeys | undefined;
  private handshakeConfirmed = false;
  private handshakeDonePending = false;
  private receivedFirstPacket = false;
  /** Server: the client address is validated (Handshake packet received or Retry token). */
  private addressValidated: boolean;
  /** Client: the server completed address validation of us (Handshake ACK / confirmed). */
  private peerValidatedUs = false;
  private bytesReceivedUnvalidated = 0;
  private bytesSentUnvalidated = 0;
  private idleTimeout: Micros;
  private lastAckElicitingSentSinceRx = false;
  /** The KEEP_ALIVE timer fired: the next 1-RTT packet carries a PING if nothing else elicits an ACK. */
  private keepAlivePending = false;
  private closeFrame: ConnectionCloseFrame | undefined;
  private closeInfo: CloseInfo | undefined;
  private closeSendsOwed = 0;
  /** Packets received while closing: a CONNECTION_CLOSE answers the 1st, 2nd, 4th, 8th... (RFC 9000 §10.2.1). */
  private closingPacketsReceived = 0;
  /** Frames (or raw frame bytes) queued by injectFrameForTest() for the next 1-RTT packet. */
  private readonly testFrames: (Frame | Uint8Array)[] = [];
  private readonly pathResponses: Uint8Array[] = [];
  private readonly undecryptable: { data: Uint8Array; remote: SocketAddress }[] = [];
  private maxPacketSize = MIN_INITIAL_DATAGRAM;
  /** Path MTU search, from handshake confirmation on. */
  private pmtud: PmtuDiscovery | undefined;
  private peerAckDelayExponent = 3;
  private pacingBlocked = false;
  private retryUndecryptablePending = false;
  /** One writer reused for every packet built (its buffer is the caller's `out`). */
  private readonly packetWriter = new ByteWriter(EMPTY);
  /** Whether the packet being built carries an ack-eliciting frame. */
  private draftAckEliciting = false;
  private lastNow: Micros;

  constructor(init: ConnectionInit, deps: ConnectionDeps) {
    this.handle = init.handle;
    this.isServer = init.isServer;
    this.remote = init.remote;
    this.config = init.config;
    this.crypto = deps.crypto;
    this.random = deps.random;
    this.lastNow = init.now;
    this.originalDcid = init.originalDcid;
    this.localInitialSourceCid = init.localCid;
    this.retrySourceCid = init.retrySourceCid;
    this.token = init.token ?? EMPTY;
    this.addressValidated = !init.isServer || init.addressValidated === true;
    const maxAckDelay = init.config.maxAckDelayMs * 1000;
    this.spaces = [new PacketNumberSpace(0, maxAckDelay), new PacketNumberSpace(1, maxAckDelay), new PacketNumberSpace(2, maxAckDelay)];
    this.cids = new CidManager(init.localCid, init.remoteCid, init.config.activeConnectionIdLimit, deps.cidIssuer);
    if (init.isServer) this.peerInitialSourceCid = init.remoteCid;

    this.rtt = new RttEstimator(init.config.initialRttMs * 1000);
    this.cc = createCongestionController(init.config.congestionControl, MIN_INITIAL_DATAGRAM);
    this.loss = new LossDetection({ rtt: this.rtt, cc: this.cc, isServer: init.isServer, maxAckDelay: 25_000 });
    this.pacer = new Pacer(MIN_INITIAL_DATAGRAM);
    const c = init.config;
    this.streams = new StreamsState({
      isServer: init.isServer,
      local: {
        initialMaxData: c.initialMaxData,
        initialMaxStreamDataBidiLocal: c.initialMaxStreamDataBidiLocal,
        initialMaxStreamDataBidiRemote: c.initialMaxStreamDataBidiRemote,
        initialMaxStreamDataUni: c.initialMaxStreamDataUni,
        initialMaxStreamsBidi: c.initialMaxStreamsBidi,
        initialMaxStreamsUni: c.initialMaxStreamsUni,
      },
      maxStreamWindow: c.maxStreamWindow,
      maxConnectionWindow: c.maxConnectionWindow,
      sendBufferSize: c.sendBufferSize,
    });
    this.datagrams = new DatagramQueues({
      maxIncoming: c.datagramReceiveQueueSize,
      maxIncomingBytes: c.datagramReceiveQueueSize * 1500,
      maxOutgoing: c.datagramSendQueueSize,
    });
    this.idleTimeout = c.maxIdleTimeoutMs * 1000;

    const keyCid = init.isServer ? (init.initialDcid ?? init.originalDcid) : init.remoteCid;
    this.installInitialKeys(keyCid);
    this.tls = init.createTls(encodeTransportParameters(this.localTransportParameters(init.statelessResetToken)));
    this.timers.set(TimerKind.HANDSHAKE, init.now + c.handshakeTimeoutMs * 1000);
    this.timers.set(TimerKind.IDLE, init.now + this.idleTimeoutWithPto());
    if (!init.isServer) {
      this.tls.start(init.now);
      this.processTlsEvents(init.now);
    }
  }

  // ------------------------------------------------------------------ public read-only state

  get alpn(): string | undefined {
    return this.tls.alpn;
  }

  get serverName(): string | undefined {
    return this.tls.serverName;
  }

  get peerCertificates(): readonly Uint8Array[] {
    return this.tls.peerCertificates;
  }

  get cipherSuite(): string | undefined {
    return this.tls.cipherSuite?.name;
  }

  get isHandshakeComplete(): boolean {
    return this.handshakeComplete;
  }

  get maxDatagramSize(): number {
    const peerMax = this.peerParams?.maxDatagramFrameSize ?? 0;
    if (peerMax === 0) return 0;
    // One DATAGRAM frame in a short-header packet: header (1 + dcid + 4) + type + length (2) + tag.
    // Capped at the ordinary-destination bound: what applications size datagrams by does not jump
    // to loopback sizes, and stays valid on any path the connection might move to.
    const packetSize = Math.min(this.maxPacketSize, this.config.maxPacketSize);
    const packetRoom = packetSize - (1 + this.cids.activeRemote.length + 4) - TAG - 3;
    return Math.max(0, Math.min(peerMax - 3, packetRoom));
  }

  /** The local CIDs the endpoint must route to this connection, and changes since the last call. */
  drainCidChanges(): readonly CidRoutingChange[] {
    // Polled after every input and transmit: the usual empty answer allocates nothing.
    const routing = this.cids.routing;
    return routing.length === 0 ? NO_CID_CHANGES : routing.splice(0);
  }

  stats(): ConnectionStats {
    return this.statsCounter.snapshot({
      rtt: this.rtt,
      cwnd: this.cc.window,
      bytesInFlight: this.cc.bytesInFlight,
      maxPacketSize: this.maxPacketSize,
      pmtuProbesLost: this.pmtud?.probesLost ?? 0,
      streams: this.streams.stats(),
      datagrams: this.datagrams.stats(),
    });
  }

  // ------------------------------------------------------------------ commands

  openStream(direction: StreamDirection): number | undefined {
    if (!this.canUseStreams()) return undefined;
    return this.streams.open(direction);
  }

  writeStream(streamId: number, data: Uint8Array, fin = false): number {
    this.assertUsable();
    return this.streams.write(streamId, data, fin);
  }

  readStream(streamId: number, maxBytes: number): { data: Uint8Array; fin: boolean } | undefined {
    return this.streams.read(streamId, maxBytes, this.lastNow);
  }

  resetStream(streamId: number, code: bigint): void {
    if (this.state === 'closed' || this.state === 'draining' || this.state === 'closing') return;
    this.streams.reset(streamId, code);
  }

  stopStream(streamId: number, code: bigint): void {
    if (this.state === 'closed' || this.state === 'draining' || this.state === 'closing') return;
    this.streams.stop(streamId, code);
  }

  sendDatagram(data: Uint8Array): 'queued' | 'too-large' | 'unsupported' | 'closed' {
    if (this.state === 'closing' || this.state === 'draining' || this.state === 'closed') return 'closed';
    if (!this.peerParams) return 'unsupported';
    if (data.length > this.maxDatagramSize) return this.maxDatagramSize === 0 ? 'unsupported' : 'too-large';
    return this.datagrams.send(data);
  }

  readDatagram(): Uint8Array | undefined {
    return this.datagrams.read();
  }

  initiateKeyUpdate(now: Micros): boolean {
    if (!this.oneRtt || !this.handshakeConfirmed) return false;
    return this.oneRtt.initiateUpdate(now);
  }

  /** Application close (CONNECTION_CLOSE 0x1d); during the handshake it is sent as a transport close. */
  close(now: Micros, code: bigint = 0n, reason = ''): void {
    if (this.state === 'closing' || this.state === 'draining' || this.state === 'closed') return;
    this.startClosing(now, { type: 'connectionClose', application: true, errorCode: code, frameType: 0, reason: utf8(reason) });
  }

  // ------------------------------------------------------------------ inputs

  handleDatagram(now: Micros, data: Uint8Array, remote: SocketAddress): void {
    this.lastNow = now;
    if (this.state === 'closed' || this.state === 'draining') return;
    this.statsCounter.onDatagramReceived(data.length);
    if (!this.addressValidated) this.bytesReceivedUnvalidated += data.length;
    if (this.state === 'closing') {
      // Answer again with the CONNECTION_CLOSE, at an exponentially falling rate (RFC 9000 §10.2.1).
      this.closingPacketsReceived++;
      if ((this.closingPacketsReceived & (this.closingPacketsReceived - 1)) === 0 && this.closeSendsOwed < 4) this.closeSendsOwed++;
      return;
    }
    try {
      this.processDatagram(now, data, remote);
      // Packets that arrived before their keys are tried again once new keys are installed.
      while (this.retryUndecryptablePending && this.undecryptable.length > 0 && this.isOpen()) {
        this.retryUndecryptablePending = false;
        for (const p of this.undecryptable.splice(0)) {
          if (this.isOpen()) this.processDatagram(now, p.data, p.remote);
        }
      }
      this.updateTimers();
    } catch (err) {
      this.onError(now, err);
    }
  }

  /**
   * A datagram the endpoint could not route: if it ends with one of the peer's stateless reset
   * tokens the connection is over (RFC 9000 §10.3.1). Returns whether it was a reset.
   */
  handleStatelessReset(now: Micros, data: Uint8Array): boolean {
    if (this.state === 'closed' || this.state === 'draining') return false;
    if ((data[0]! & 0x80) !== 0 || !this.cids.isStatelessReset(data)) return false;
    this.lastNow = now;
    this.terminate({ code: 0n, application: false, reason: 'stateless reset', remote: true, kind: 'statelessReset' });
    return true;
  }

  private isOpen(): boolean {
    return this.state === 'handshaking' || this.state === 'established';
  }

  handleTimeout(now: Micros): void {
    this.lastNow = now;
    if (this.state === 'closed') return;
    const t = this.timers;
    if (t.isExpired(TimerKind.CLOSE, now)) {
      t.clearAll();
      this.state = 'closed';
      return;
    }
    if (this.state === 'closing' || this.state === 'draining') return;
    if (t.isExpired(TimerKind.IDLE, now)) {
      this.terminate({ code: 0n, application: false, reason: 'idle timeout', remote: false, kind: 'idleTimeout' });
      return;
    }
    if (t.isExpired(TimerKind.HANDSHAKE, now) && !this.handshakeComplete) {
      this.terminate({ code: 0n, application: false, reason: 'handshake timeout', remote: false, kind: 'handshakeTimeout' });
      return;
    }
    if (t.isExpired(TimerKind.KEEP_ALIVE, now)) {
      t.stop(TimerKind.KEEP_ALIVE);
      this.keepAlivePending = true;
    }
    if (t.isExpired(TimerKind.KEY_DISCARD, now)) {
      t.stop(TimerKind.KEY_DISCARD);
      this.oneRtt?.discardPrevious();
    }
    if (t.isExpired(TimerKind.PACING, now)) {
      t.stop(TimerKind.PACING);
      this.pacingBlocked = false;
    }
    if (t.isExpired(TimerKind.LOSS_DETECTION, now)) {
      const result = this.loss.onTimeout(now, this.lossContext());
      this.onPacketsLost(result.lost);
      if (result.probe) {
        const space = this.spaces[result.probe.space];
        if (!space.discarded) {
          space.probesOwed = Math.max(space.probesOwed, result.probe.count);
          // Probes retransmit unacknowledged handshake data when there is some (RFC 9002 §6.2.4).
          if (result.probe.space < 2) space.cryptoSend.requeueUnacked();
        }
        this.statsCounter.ptoCount++;
      }
    }
    this.updateTimers();
  }

  pollTimeout(): Micros | undefined {
    return this.timers.next();
  }

  pollEvent(): ConnectionEvent | undefined {
    const own = this.events.shift();
    if (own) return own;
    if (this.state === 'closed' || this.closeInfo) return undefined;
    return this.streams.pollEvent();
  }

  // ------------------------------------------------------------------ receive path

  private processDatagram(now: Micros, data: Uint8Array, remote: SocketAddress): void {
    let offset = 0;
    let firstDcid: Uint8Array | undefined;
    while (offset < data.length) {
      let header: PacketHeader;
      try {
        header = parseHeader(data, offset, this.localInitialSourceCid.length);
      } catch {
        break; // an unparsable packet ends the datagram (RFC 9000 §12.2)
      }
      const end = header.packetEnd;
      if (firstDcid === undefined) firstDcid = header.dcid;
      else if (!bytesEqual(firstDcid, header.dcid)) break;
      const handled = this.processPacket(now, data, offset, header, remote);
      if (!handled && offset === 0 && header.kind === '1rtt' && this.cids.isStatelessReset(data)) {
        this.terminate({ code: 0n, application: false, reason: 'stateless reset', remote: true, kind: 'statelessReset' });
        return;
      }
      if (this.state !== 'handshaking' && this.state !== 'established') return;
      offset = end;
    }
  }

  /** Returns false when the packet was dropped (undecryptable, invalid, duplicate). */
  private processPacket(now: Micros, datagram: Uint8Array, offset: number, header: PacketHeader, remote: SocketAddress): boolean {
    if (header.kind === 'unsupportedVersion') return false;
    if (header.kind === 'versionNegotiation') {
      this.onVersionNegotiation(now, header.versions);
      return false;
    }
    if (header.kind === 'retry') {
      this.onRetry(datagram.subarray(offset, header.packetEnd), header.scid, header.token);
      return false;
    }
    if (header.kind === '0rtt') return false; // 0-RTT is not supported: drop
    const spaceId: PacketSpace = header.kind === 'initial' ? 0 : header.kind === 'handshake' ? 1 : 2;
    const space = this.spaces[spaceId];
    if (space.discarded) return false;
    const packet = datagram.subarray(offset, header.packetEnd);
    const pnOffset = header.pnOffset - offset;
    const readKeys = spaceId === 2 ? this.oneRtt?.currentReadKeys() : space.readKeys;
    if (!readKeys) {
      if (this.undecryptable.length < MAX_UNDECRYPTABLE) {
        this.undecryptable.push({ data: datagram.slice(offset, header.packetEnd), remote });
      }
      return false;
    }
    const hp = readKeys.hp; // 1-RTT header protection keys never change across key updates
    let unprotected;
    try {
      unprotected = unprotectHeader(hp, packet, pnOffset);
    } catch {
      return false;
    }
    if (!unprotected) return false;
    const { firstByte, pnLength, truncatedPn } = unprotected;
    const pn = decodePacketNumber(space.ack.largestReceived ?? -1, truncatedPn, pnLength * 8);
    let keys = readKeys;
    let keyPhaseBit = 0;
    if (spaceId === 2) {
      keyPhaseBit = (firstByte >> 2) & 1;
      const k = this.oneRtt!.readKeysFor(keyPhaseBit, pn);
      if (!k) return false;
      keys = k;
    }
    const headerLength = pnOffset + pnLength;
    const plaintext = decryptPayload(keys, packet, headerLength, pn);
    if (!plaintext) {
      this.statsCounter.decryptionFailures++;
      return false;
    }
    const reservedBits = header.kind === '1rtt' ? firstByte & 0x18 : firstByte & 0x0c;
    if (reservedBits !== 0) throw new TransportError(TransportErrorCode.PROTOCOL_VIOLATION, 'reserved header bits set');
    if (space.ack.isDuplicate(pn)) return true;
    if (spaceId === 2) {
      this.oneRtt!.onPacketDecrypted(keyPhaseBit, pn, now, this.ptoPeriod());
      const discardAt = this.oneRtt!.discardPreviousAt();
      this.timers.set(TimerKind.KEY_DISCARD, discardAt);
    }

    this.onPacketAuthenticated(header, spaceId, remote);
    const frames = decodeFrames(plaintext, header.kind);
    let ackEliciting = false;
    for (const frame of frames) {
      if (isAckEliciting(frame)) ackEliciting = true;
      this.processFrame(now, spaceId, frame, header);
      if (this.state !== 'handshaking' && this.state !== 'established') return true;
    }
    space.ack.onPacketReceived(pn, ackEliciting, now);
    this.statsCounter.packetsReceived++;
    this.timers.set(TimerKind.IDLE, now + this.idleTimeoutWithPto());
    this.lastAckElicitingSentSinceRx = false;
    if (this.isServer && spaceId === 1 && !this.spaces[0].discarded) {
      // The server discards Initial keys once it processes a Handshake packet (RFC 9001 §4.9.1).
      this.addressValidated = true;
      this.discardSpace(0);
    }
    return true;
  }

  private onPacketAuthenticated(header: LongHeader | ShortHeader, spaceId: PacketSpace, remote: SocketAddress): void {
    if (!this.receivedFirstPacket) {
      this.receivedFirstPacket = true;
      if (!this.isServer && header.kind !== '1rtt') {
        // The server's first packet names the CID we must use from now on. A copy: it is kept for
        // the connection's lifetime and a view would pin the whole datagram (which may be a
        // Buffer, whose slice() is a view too).
        const scid = new Uint8Array(header.scid);
        this.cids.setInitialRemote(scid);
        this.peerInitialSourceCid = scid;
      }
    }
    if (spaceId === 1 && this.isServer) this.addressValidated = true;
    if (remote.address !== this.remote.address || remote.port !== this.remote.port) {
      // Migration is not supported; NAT rebinding after the handshake updates the path.
      if (this.handshakeConfirmed && !this.config.disableActiveMigration) this.remote = remote;
    }
  }

  private processFrame(now: Micros, spaceId: PacketSpace, frame: Frame, header: LongHeader | ShortHeader): void {
    switch (frame.type) {
      case 'padding':
      case 'ping':
        return;
      case 'ack':
        this.onAck(now, spaceId, frame);
        return;
      case 'crypto':
        this.onCrypto(now, spaceId, frame);
        return;
      case 'newToken':
        if (this.isServer) throw new TransportError(TransportErrorCode.PROTOCOL_VIOLATION, 'NEW_TOKEN from a client', 0x07);
        return;
      case 'stream':
      case 'resetStream':
      case 'stopSending':
      case 'maxData':
      case 'maxStreamData':
      case 'maxStreams':
      case 'dataBlocked':
      case 'streamDataBlocked':
      case 'streamsBlocked':
        this.streams.handleFrame(frame, now);
        return;
      case 'newConnectionId':
        this.cids.onNewConnectionId(frame);
        return;
      case 'retireConnectionId':
        this.cids.onRetireConnectionId(frame, header.dcid);
        return;
      case 'pathChallenge':
        if (this.pathResponses.length < 4) this.pathResponses.push(frame.data);
        return;
      case 'pathResponse':
        return;
      case 'connectionClose':
        this.onPeerClose(now, frame);
        return;
      case 'handshakeDone':
        if (this.isServer) throw new TransportError(TransportErrorCode.PROTOCOL_VIOLATION, 'HANDSHAKE_DONE from a client', 0x1e);
        this.onHandshakeConfirmed();
        return;
      case 'datagram':
        if (this.config.maxDatagramFrameSize === 0) {
          throw new TransportError(TransportErrorCode.PROTOCOL_VIOLATION, 'DATAGRAM frames were not negotiated', 0x30);
        }
        this.datagrams.onReceived(frame, this.config.maxDatagramFrameSize);
        this.pushEventOnce('datagramsReadable');
        return;
    }
  }

  private onAck(now: Micros, spaceId: PacketSpace, ack: AckFrame): void {
    // The packet carrying this ACK just completed the handshake and discarded its space.
    if (this.spaces[spaceId].discarded) return;
    const delay = spaceId === 2 ? ack.ackDelay * 2 ** this.peerAckDelayExponent : 0;
    const result = this.loss.onAckReceived(spaceId, ack, delay, now, this.handshakeConfirmed);
    if (spaceId === 1 && !this.isServer) this.peerValidatedUs = true;
    for (const p of result.newlyAcked) this.onPacketAcked(p);
    this.onPacketsLost(result.lost);
    if (result.rttUpdated) this.streams.setRtt(this.rtt.smoothedRtt);
  }

  private onPacketAcked(p: SentPacket): void {
    const space = this.spaces[p.space];
    if (space.discarded) return;
    if (p.largestAckedInAck !== undefined) space.ack.onAckOfAckReceived(p.largestAckedInAck);
    if (p.space === 2 && this.pmtud) {
      if (p.pmtuProbe !== true) this.pmtud.onPacketAcked(p.size, p.pn);
      else if (this.pmtud.onProbeAcked(p.size, p.pn)) this.setPacketSize(this.pmtud.current);
    }
    if (p.space === 2 && this.oneRtt) this.oneRtt.onPacketAcked(p.pn);
    for (const f of p.frames) {
      switch (f.type) {
        case 'crypto':
          space.cryptoSend.onAcked(f);
          break;
        case 'stream': case 'resetStream': case 'stopSending': case 'maxData': case 'maxStreamData':
        case 'maxStreams': case 'dataBlocked': case 'streamDataBlocked': case 'streamsBlocked':
          this.streams.onFrameAcked(f);
          break;
        default:
          break;
      }
    }
  }

  private onPacketsLost(lost: SentPacket[]): void {
    for (const p of lost) {
      if (p.space === 2 && this.pmtud) {
        if (p.pmtuProbe === true) {
          this.pmtud.onProbeLost(p.size);
          continue; // PING and PADDING: nothing to retransmit
        }
        if (this.pmtud.onPacketLost(p.size, p.pn)) this.setPacketSize(PMTU_BASE);
      }
      this.statsCounter.packetsLost++;
      const space = this.spaces[p.space];
      for (const f of p.frames) {
        switch (f.type) {
          case 'crypto':
            if (!space.discarded) space.cryptoSend.onLost(f);
            break;
          case 'stream': case 'resetStream': case 'stopSending': case 'maxData': case 'maxStreamData':
          case 'maxStreams': case 'dataBlocked': case 'streamDataBlocked': case 'streamsBlocked':
            this.streams.onFrameLost(f);
            break;
          case 'handshakeDone':
            this.handshakeDonePending = true;
            break;
          case 'newConnectionId':
            this.cids.onNewConnectionIdLost(f);
            break;
          case 'retireConnectionId':
            this.cids.onRetireLost(f);
            break;
          default:
            break; // ACK, PING, PADDING, DATAGRAM, PATH_*: never retransmitted
        }
      }
    }
  }

  private onCrypto(now: Micros, spaceId: PacketSpace, frame: CryptoFrame): void {
    const space = this.spaces[spaceId];
    if (space.discarded) return; // after the Finished in the same packet: nothing more is read here
    const recv = space.cryptoRecv;
    if (frame.offset + frame.data.length > recv.readOffset + MAX_CRYPTO_BUFFER) {
      throw new TransportError(TransportErrorCode.CRYPTO_BUFFER_EXCEEDED, 'too much CRYPTO data buffered', 0x06);
    }
    recv.insert(frame.offset, frame.data);
    const level = SPACE_TO_LEVEL[spaceId]!;
    for (;;) {
      const chunk = recv.read(Number.MAX_SAFE_INTEGER);
      if (!chunk || chunk.length === 0) break;
      this.tls.handleHandshakeData(level, chunk, now);
    }
    this.processTlsEvents(now);
  }

  private processTlsEvents(now: Micros): void {
    for (let ev = this.tls.pollEvent(); ev; ev = this.tls.pollEvent()) {
      switch (ev.type) {
        case 'handshakeData': {
          const spaceId = LEVEL_TO_SPACE[ev.level];
          const space = spaceId === undefined ? undefined : this.spaces[spaceId];
          if (space && !space.discarded) space.cryptoSend.write(ev.data);
          break;
        }
        case 'secret':
          this.installSecret(now, ev.level, ev.direction, ev.suite, ev.secret);
          break;
        case 'keyLog':
          this.events.push({ type: 'keyLog', label: ev.label, clientRandom: ev.clientRandom, secret: ev.secret });
          break;
        case 'handshakeComplete':
          this.onHandshakeComplete(now);
          break;
        case 'sessionTicket':
          this.events.push({ type: 'sessionTicket', ticket: ev.ticket });
          break;
      }
    }
    if (!this.peerParams && this.tls.peerTransportParameters) this.applyPeerTransportParameters(this.tls.peerTransportParameters);
    if (this.isServer && !this.halfRttWritable && !this.handshakeComplete && this.pendingOneRttWrite && this.peerParams) {
      // TLS gives the 1-RTT read secret only at completion; 0.5-RTT packets need the write side alone.
      this.halfRttWritable = true;
      this.halfRttKeys = derivePacketKeys(this.crypto, this.pendingOneRttWrite.suite, this.pendingOneRttWrite.secret);
      this.events.push({ type: 'earlyDataWritable' });
    }
  }

  private installSecret(now: Micros, level: EncryptionLevel, direction: 'read' | 'write', suite: PacketKeys['suite'], secret: Uint8Array): void {
    if (level === EncryptionLevel.APPLICATION) {
      if (direction === 'read') this.pendingOneRttRead = { suite, secret };
      else this.pendingOneRttWrite = { suite, secret };
      if (this.pendingOneRttRead && this.pendingOneRttWrite && !this.oneRtt) {
        this.oneRtt = new OneRttKeys(this.crypto, suite, this.pendingOneRttRead.secret, this.pendingOneRttWrite.secret);
        this.pendingOneRttRead = this.pendingOneRttWrite = undefined;
        this.retryUndecryptable();
      }
      return;
    }
    const spaceId = LEVEL_TO_SPACE[level];
    if (spaceId === undefined || this.spaces[spaceId].discarded) return;
    const keys = derivePacketKeys(this.crypto, suite, secret);
    if (direction === 'read') {
      this.spaces[spaceId].readKeys = keys;
      this.retryUndecryptable();
    } else {
      this.spaces[spaceId].writeKeys = keys;
    }
  }

  private retryUndecryptable(): void {
    this.retryUndecryptablePending = true;
  }

  private onHandshakeComplete(now: Micros): void {
    this.handshakeComplete = true;
    this.state = 'established';
    this.timers.stop(TimerKind.HANDSHAKE);
    const peer = this.tls.peerTransportParameters;
    if (!this.peerParams) {
      if (!peer) throw new TransportError(TransportErrorCode.CRYPTO_ERROR_BASE + 109, 'missing transport parameters');
      this.applyPeerTransportParameters(peer);
    }
    // Validated (client) or sent (server): never read again.
    this.originalDcid = EMPTY;
    this.peerInitialSourceCid = undefined;
    this.cids.topUp();
    this.events.push({ type: 'handshakeCompleted', alpn: this.tls.alpn, resumed: this.tls.resumed });
    this.armKeepAlive(now);
    if (this.isServer) {
      // The server's handshake is confirmed on completion (RFC 9001 §4.1.2).
      this.handshakeDonePending = true;
      this.onHandshakeConfirmed();
      this.tls.sendSessionTicket?.(now);
      this.processTlsEvents(now);
    }
  }

  private onHandshakeConfirmed(): void {
    if (this.handshakeConfirmed) return;
    this.handshakeConfirmed = true;
    this.peerValidatedUs = true;
    this.discardSpace(0);
    this.discardSpace(1);
    // Packets start at the common Ethernet size (a black hole there falls back to 1200) and grow
    // beyond it only as far as probes show the path carries (RFC 9000 §14.3).
    const localBound = isLoopbackAddress(this.remote.address) ? this.config.loopbackMaxPacketSize : this.config.maxPacketSize;
    this.pmtud = new PmtuDiscovery(Math.min(localBound, this.peerParams?.maxUdpPayloadSize ?? 65527), PMTU_FIRST_PROBE);
    this.setPacketSize(this.pmtud.current);
  }

  private setPacketSize(size: number): void {
    this.maxPacketSize = size;
    this.cc.setMaxDatagramSize?.(size);
  }

  private discardSpace(spaceId: PacketSpace): void {
    const space = this.spaces[spaceId];
    if (space.discarded) return;
    space.discard();
    // Connections share one stand-in per discarded level: the emptied parts are freed.
    this.spaces[spaceId] = discardedSpace(spaceId);
    this.loss.discardSpace(spaceId);
  }

  private applyPeerTransportParameters(bytes: Uint8Array): void {
    let p: TransportParameters;
    try {
      p = decodeTransportParameters(bytes, { fromServer: !this.isServer });
    } catch (err) {
      if (err instanceof TransportError) throw err;
      throw new TransportError(TransportErrorCode.TRANSPORT_PARAMETER_ERROR, 'malformed transport parameters');
    }
    const cidMismatch = (a: Uint8Array | undefined, b: Uint8Array | undefined): boolean =>
      a === undefined || b === undefined || !bytesEqual(a, b);
    if (cidMismatch(p.initialSourceConnectionId, this.peerInitialSourceCid)) {
      throw new TransportError(TransportErrorCode.TRANSPORT_PARAMETER_ERROR, 'initial_source_connection_id mismatch');
    }
    if (!this.isServer) {
      if (cidMismatch(p.originalDestinationConnectionId, this.originalDcid)) {
        throw new TransportError(TransportErrorCode.TRANSPORT_PARAMETER_ERROR, 'original_destination_connection_id mismatch');
      }
      if (this.receivedRetrySourceCid) {
        if (cidMismatch(p.retrySourceConnectionId, this.receivedRetrySourceCid)) {
          throw new TransportError(TransportErrorCode.TRANSPORT_PARAMETER_ERROR, 'retry_source_connection_id mismatch');
        }
      } else if (p.retrySourceConnectionId !== undefined) {
        throw new TransportError(TransportErrorCode.TRANSPORT_PARAMETER_ERROR, 'unexpected retry_source_connection_id');
      }
      if (p.statelessResetToken) this.cids.setInitialRemoteResetToken(p.statelessResetToken);
    }
    this.peerParams = p;
    this.peerAckDelayExponent = p.ackDelayExponent;
    this.loss.setMaxAckDelay(p.maxAckDelay * 1000);
    const peerIdle = p.maxIdleTimeout * 1000;
    const local = this.config.maxIdleTimeoutMs * 1000;
    this.idleTimeout = local === 0 ? peerIdle : peerIdle === 0 ? local : Math.min(local, peerIdle);
    this.cids.setPeerLimit(p.activeConnectionIdLimit);
    this.streams.setPeerLimits({
      initialMaxData: p.initialMaxData,
      initialMaxStreamDataBidiLocal: p.initialMaxStreamDataBidiLocal,
      initialMaxStreamDataBidiRemote: p.initialMaxStreamDataBidiRemote,
      initialMaxStreamDataUni: p.initialMaxStreamDataUni,
      initialMaxStreamsBidi: p.initialMaxStreamsBidi,
      initialMaxStreamsUni: p.initialMaxStreamsUni,
    });
    this.datagrams.setPeerMaxFrameSize(p.maxDatagramFrameSize ?? 0);
  }

  private localTransportParameters(statelessResetToken: Uint8Array | undefined): TransportParameters {
    const c = this.config;
    const p: TransportParameters = {
      ...defaultTransportParameters(),
      maxIdleTimeout: c.maxIdleTimeoutMs,
      // Whatever bound applies to this peer, we must be able to receive the peer's probes up to it.
      maxUdpPayloadSize: Math.min(65_527, Math.max(1200, c.maxPacketSize, c.loopbackMaxPacketSize)),
      initialMaxData: c.initialMaxData,
      initialMaxStreamDataBidiLocal: c.initialMaxStreamDataBidiLocal,
      initialMaxStreamDataBidiRemote: c.initialMaxStreamDataBidiRemote,
      initialMaxStreamDataUni: c.initialMaxStreamDataUni,
      initialMaxStreamsBidi: c.initialMaxStreamsBidi,
      initialMaxStreamsUni: c.initialMaxStreamsUni,
      ackDelayExponent: c.ackDelayExponent,
      maxAckDelay: c.maxAckDelayMs,
      disableActiveMigration: c.disableActiveMigration,
      activeConnectionIdLimit: c.activeConnectionIdLimit,
      initialSourceConnectionId: this.localInitialSourceCid,
    };
    if (c.maxDatagramFrameSize > 0) p.maxDatagramFrameSize = c.maxDatagramFrameSize;
    if (this.isServer) {
      p.originalDestinationConnectionId = this.originalDcid;
      if (this.retrySourceCid) p.retrySourceConnectionId = this.retrySourceCid;
      if (statelessResetToken) p.statelessResetToken = statelessResetToken;
    }
    return p;
  }

  private installInitialKeys(dcid: Uint8Array): void {
    const keys = initialKeys(this.crypto, dcid);
    const initial = this.spaces[0];
    initial.readKeys = this.isServer ? keys.client : keys.server;
    initial.writeKeys = this.isServer ? keys.server : keys.client;
  }

  private onRetry(packet: Uint8Array, scid: Uint8Array, token: Uint8Array): void {
    // A client accepts one Retry, only before it has received anything else (RFC 9000 §17.2.5.2).
    if (this.isServer || this.receivedFirstPacket || this.receivedRetrySourceCid) return;
    if (bytesEqual(scid, this.cids.activeRemote)) return;
    if (!verifyRetryIntegrity(this.crypto, this.originalDcid, packet)) return;
    if (token.length === 0) return;
    // Copies: both are kept and the datagram may be a Buffer (whose slice() is a view).
    scid = new Uint8Array(scid);
    this.receivedRetrySourceCid = scid;
    this.token = new Uint8Array(token);
    this.cids.setInitialRemote(scid);
    this.installInitialKeys(scid);
    // Everything sent in Initial packets is resent under the new keys, from offset 0.
    this.loss.discardSpace(0);
    this.spaces[0].cryptoSend.resetProgress();
    this.statsCounter.retries++;
  }

  private onVersionNegotiation(now: Micros, versions: readonly number[]): void {
    if (this.isServer || this.receivedFirstPacket) return;
    if (versions.includes(QUIC_V1)) return; // must be ignored (RFC 9000 §6.2)
    this.terminate({
      code: 0n, application: false, remote: true, kind: 'versionNegotiation',
      reason: `server supports none of our versions (offers ${versions.map((v) => '0x' + v.toString(16)).join(', ')})`,
    });
  }

  private onPeerClose(now: Micros, frame: ConnectionCloseFrame): void {
    let reason = '';
    try { reason = fromUtf8(frame.reason); } catch { reason = '<invalid utf-8>'; }
    const info: CloseInfo = { code: frame.errorCode, application: frame.application, reason, remote: true, kind: 'close' };
    this.closeInfo = info;
    this.state = 'draining';
    this.timers.clearAll();
    this.timers.set(TimerKind.CLOSE, now + 3 * this.ptoPeriod());
    this.events.push({ type: 'closed', info });
  }

  private onError(now: Micros, err: unknown): void {
    let code: number;
    let frameType = 0;
    let reason: string;
    if (err instanceof TransportError) {
      code = err.code;
      frameType = err.frameType;
      reason = err.reason;
    } else if (err instanceof TlsAlertError) {
      code = err.quicErrorCode;
      reason = err.message;
    } else {
      code = TransportErrorCode.INTERNAL_ERROR;
      reason = err instanceof Error ? `internal error: ${err.message}` : 'internal error';
    }
    this.startClosing(now, {
      type: 'connectionClose', application: false, errorCode: BigInt(code), frameType, reason: utf8(reason.slice(0, 200)),
    });
  }

  private startClosing(now: Micros, frame: ConnectionCloseFrame): void {
    let reason = '';
    try { reason = fromUtf8(frame.reason); } catch { reason = ''; }
    this.closeFrame = frame;
    this.closeSendsOwed = 1;
    this.closeInfo = { code: frame.errorCode, application: frame.application, reason, remote: false, kind: 'close' };
    this.state = 'closing';
    this.timers.clearAll();
    this.timers.set(TimerKind.CLOSE, now + 3 * this.ptoPeriod());
    this.events.push({ type: 'closed', info: this.closeInfo });
  }

  /** Ends the connection silently (idle timeout, stateless reset, version negotiation failure). */
  private terminate(info: CloseInfo): void {
    this.closeInfo = info;
    this.state = 'closed';
    this.timers.clearAll();
    this.events.push({ type: 'closed', info });
  }

  // ------------------------------------------------------------------ send path

  /**
   * Writes the next datagram into `out` and returns its size, or undefined when there is nothing
   * to send now. Call repeatedly until undefined.
   */
  pollTransmit(now: Micros, out: Uint8Array): number | undefined {
    this.lastNow = now;
    if (this.state === 'closed' || this.state === 'draining') return undefined;
    if (this.state === 'closing') return this.sendClose(out);
    try {
      if (this.oneRtt?.shouldUpdateForLimit() && this.handshakeConfirmed) this.oneRtt.initiateUpdate(now);
      const size = this.buildDatagram(now, out);
      if (size !== undefined) this.updateTimers();
      return size;
    } catch (err) {
      this.onError(now, err);
      return (this.state as ConnectionState) === 'closing' ? this.sendClose(out) : undefined;
    }
  }

  private buildDatagram(now: Micros, out: Uint8Array): number | undefined {
    // Probes only once a bulk transfer is under way: short sessions keep the assumed size and pay
    // no probe datagrams.
    let probeSize = this.streams.payloadBytesSent >= PMTU_PROBE_AFTER_BYTES ? this.pmtud?.probeSize() : undefined;
    if (probeSize !== undefined && probeSize > out.length) {
      this.pmtud!.capAt(out.length);
      probeSize = this.pmtud!.probeSize();
    }
    // A probe bigger than the whole window (loopback bounds) still goes out on an idle path.
    if (probeSize !== undefined && probeSize <= out.length && this.state === 'established' && this.spaces[2].probesOwed === 0 &&
      (this.cc.canSend(probeSize) || this.cc.bytesInFlight === 0)) {
      const size = this.buildPmtuProbe(now, out, probeSize);
      if (size !== undefined) return size;
    }
    let limit = Math.min(out.length, this.maxPacketSize);
    if (!this.addressValidated) {
      const allowance = 3 * this.bytesReceivedUnvalidated - this.bytesSentUnvalidated;
      if (allowance < limit) {
        if (allowance <= 0) return undefined;
        limit = allowance;
      }
    }
    const probing = this.spaces[0].probesOwed + this.spaces[1].probesOwed + this.spaces[2].probesOwed > 0;
    // PTO probes at the base size get through a black hole, so its losses can be detected.
    if (probing && this.handshakeConfirmed) limit = Math.min(limit, PMTU_BASE);
    const congestionBlocked = !probing && !this.cc.canSend(limit);
    let pacingDelay: Micros | undefined;
    let pacerCharged = false;
    // Asked at most once per datagram (it walks the stream queues); nothing below changes the answer
    // before the 1-RTT packet is built.
    let appPending: boolean | undefined;
    if (!congestionBlocked && !probing && this.config.pacing && this.handshakeConfirmed && (appPending = this.hasAppDataToSend())) {
      pacingDelay = this.pacer.delayUntil(now, limit, this.cc.window, this.rtt.smoothedRtt, this.maxPacketSize);
      if (pacingDelay !== undefined) {
        this.timers.set(TimerKind.PACING, pacingDelay);
        this.pacingBlocked = true;
      } else {
        pacerCharged = true;
      }
    }
    const ackOnly = congestionBlocked || pacingDelay !== undefined;

    const built: BuiltPacket[] = [];
    let offset = 0;
    let padToMinimum = false;
    for (let s = 0; s < 3; s++) {
      const spaceId = s as PacketSpace;
      const space = this.spaces[spaceId];
      if (space.discarded) continue;
      const writeKeys = spaceId === 2 ? this.oneRttWriteKeys() : space.writeKeys;
      if (!writeKeys) continue;
      // 1-RTT data only after the handshake completes (servers: 0.5-RTT data after their flight).
      if (!this.spaceHasSomethingToSend(spaceId, now, ackOnly, appPending)) continue;
      const room = limit - offset;
      if (room < 64) break;
      const packet = this.buildPacket(now, spaceId, writeKeys, out, offset, limit, ackOnly);
      if (!packet) continue;
      built.push(packet);
      offset = packet.payloadEnd + TAG;
      if (spaceId === 0 && (!this.isServer || packet.ackEliciting)) padToMinimum = true;
    }
    if (built.length === 0) {
      if (pacerCharged) this.pacer.refund(limit);
      // Nothing to send with an open window: the window must not grow on this (RFC 9002 §7.8).
      this.cc.appLimited = !congestionBlocked && !this.pacingBlocked;
      return undefined;
    }
    if (congestionBlocked) this.cc.appLimited = false;
    // Datagrams carrying Initial packets are padded to 1200 bytes (RFC 9000 §14.1).
    if (padToMinimum && offset < MIN_INITIAL_DATAGRAM) {
      const last = built[built.length - 1]!;
      const pad = Math.min(MIN_INITIAL_DATAGRAM, limit) - offset;
      if (pad > 0) {
        out.fill(0, last.payloadEnd, last.payloadEnd + pad);
        last.payloadEnd += pad;
        offset += pad;
      }
    }
    if (pacerCharged && offset < limit) this.pacer.refund(limit - offset);
    for (let i = 0; i < built.length; i++) this.finishPacket(now, built[i]!, out);
    if (!this.addressValidated) this.bytesSentUnvalidated += offset;
    this.statsCounter.onDatagramSent(offset);
    return offset;
  }

  /** A PMTU probe (RFC 9000 §14.4): ACK if one is owed, PING, then PADDING up to exactly `size` bytes. */
  private buildPmtuProbe(now: Micros, out: Uint8Array, size: number): number | undefined {
    const keys = this.oneRttWriteKeys();
    if (!keys) return undefined;
    const space = this.spaces[2];
    const pn = space.nextPn;
    const pnLength = encodePacketNumberLength(pn, this.loss.largestAcked(2));
    const w = this.packetWriter;
    w.buf = out;
    w.pos = 0;
    const { pnOffset, keyPhase } = this.writeHeader(w, 2, pn, pnLength);
    const payloadLimit = size - TAG;
    const frames: Frame[] = [];
    let largestAckedInAck: number | undefined;
    if (space.ack.hasPendingAck()) {
      const ack = space.ack.buildAck(now, this.config.ackDelayExponent);
      if (ack && this.addFrame(w, payloadLimit - 1, frames, ack)) {
        largestAckedInAck = ack.ranges[0]!.largest;
        space.ack.onAckSent();
      }
    }
    this.addFrame(w, payloadLimit, frames, PING);
    w.zeros(payloadLimit - w.pos);
    space.nextPn++;
    this.finishPacket(now, {
      space: 2, start: 0, pnOffset, pnLength, pn, payloadEnd: w.pos, lengthFieldOffset: -1, keys, keyPhase,
      frames, ackEliciting: true, largestAckedInAck, pmtuProbe: true,
    }, out);
    this.pmtud!.onProbeSent(size);
    this.statsCounter.onDatagramSent(size);
    return size;
  }

  /** 1-RTT keys we may send with: after completion, or the server's 0.5-RTT keys before it. */
  private oneRttWriteKeys(): PacketKeys | undefined {
    if (this.oneRtt) {
      this.halfRttKeys = undefined;
      return this.handshakeComplete || this.isServer ? this.oneRtt.writeKeys() : undefined;
    }
    return this.halfRttKeys;
  }

  private hasAppDataToSend(): boolean {
    return this.streams.hasPendingFrames() || this.datagrams.hasPending();
  }

  /** `appPending`: hasAppDataToSend() when the caller already asked it. */
  private spaceHasSomethingToSend(spaceId: PacketSpace, now: Micros, ackOnly: boolean, appPending: boolean | undefined): boolean {
    const space = this.spaces[spaceId];
    if (space.ack.wantsAck(now)) return true;
    if (ackOnly) return false;
    if (space.probesOwed > 0 || space.cryptoSend.hasData()) return true;
    if (spaceId !== 2) return false;
    return this.handshakeDonePending || this.pathResponses.length > 0 || this.cids.pendingNew.length > 0 ||
      this.cids.pendingRetire.length > 0 || (appPending ?? this.hasAppDataToSend()) || this.testFrames.length > 0 || this.keepAlivePending;
  }

  private buildPacket(
    now: Micros, spaceId: PacketSpace, keys: PacketKeys, out: Uint8Array, start: number, limit: number, ackOnly: boolean,
  ): BuiltPacket | undefined {
    const space = this.spaces[spaceId];
    const pn = space.nextPn;
    const pnLength = encodePacketNumberLength(pn, this.loss.largestAcked(spaceId));
    const w = this.packetWriter;
    w.buf = out;
    w.pos = start;
    const { pnOffset, lengthFieldOffset, keyPhase } = this.writeHeader(w, spaceId, pn, pnLength);
    const payloadStart = w.pos;
    const payloadLimit = limit - TAG;
    if (payloadLimit - payloadStart < 8) return undefined;

    const frames: Frame[] = [];
    this.draftAckEliciting = false;
    let largestAckedInAck: number | undefined;

    // ACK first: it is small and keeps the peer's recovery going.
    if (space.ack.hasPendingAck()) {
      const ack = space.ack.buildAck(now, spaceId === 2 ? this.config.ackDelayExponent : 0);
      if (ack && this.addFrame(w, payloadLimit, frames, ack)) {
        largestAckedInAck = ack.ranges[0]!.largest;
        space.ack.onAckSent();
      }
    }
    if (!ackOnly) {
      if (spaceId === 2) {
        if (this.handshakeDonePending && this.addFrame(w, payloadLimit, frames, { type: 'handshakeDone' })) this.handshakeDonePending = false;
        while (this.pathResponses.length > 0 && this.addFrame(w, payloadLimit, frames, { type: 'pathResponse', data: this.pathResponses[0]! })) this.pathResponses.shift();
        while (this.cids.pendingRetire.length > 0 && this.addFrame(w, payloadLimit, frames, this.cids.pendingRetire[0]!)) this.cids.pendingRetire.shift();
        while (this.cids.pendingNew.length > 0 && this.addFrame(w, payloadLimit, frames, this.cids.pendingNew[0]!)) this.cids.pendingNew.shift();
        if (this.testFrames.length > 0 && this.writeTestFrames(w, payloadLimit, frames)) this.draftAckEliciting = true;
      }
      // CRYPTO data.
      for (;;) {
        const room = payloadLimit - w.pos;
        const crypto = space.cryptoSend;
        if (!crypto.hasData()) break;
        const max = maxCryptoDataThatFits(CRYPTO_OFFSET_BOUND, room);
        if (max <= 0) break;
        const range = crypto.nextRange(max);
        if (!range) break;
        const frame: CryptoFrame = { type: 'crypto', offset: range.offset, data: crypto.slice(range.offset, range.length) };
        if (!this.addFrame(w, payloadLimit, frames, frame)) break;
      }
      if (spaceId === 2 && (this.handshakeComplete || this.halfRttWritable)) {
        // Datagrams before stream data: they are the latency-sensitive traffic.
        for (;;) {
          const f = this.datagrams.pollFrame(payloadLimit - w.pos, payloadLimit - payloadStart);
          if (!f) break;
          if (!this.addFrame(w, payloadLimit, frames, f)) break;
        }
        for (;;) {
          const room = payloadLimit - w.pos;
          if (room < 4) break;
          const f = this.streams.pollFrame(room, now);
          if (!f) break;
          if (!this.addFrame(w, payloadLimit, frames, f)) {
            this.streams.onFrameLost(f);
            break;
          }
        }
      }
      if (space.probesOwed > 0 && !this.draftAckEliciting) this.addFrame(w, payloadLimit, frames, PING);
      if (spaceId === 2 && this.keepAlivePending && !this.draftAckEliciting) this.addFrame(w, payloadLimit, frames, PING);
    }
    if (frames.length === 0) {
      w.pos = start;
      return undefined;
    }
    const ackEliciting = this.draftAckEliciting;
    if (space.probesOwed > 0 && ackEliciting) space.probesOwed--;
    // Header protection samples 16 bytes starting 4 bytes after the packet number (RFC 9001 §5.4.2).
    const minPayload = 4 - pnLength;
    const payloadLength = w.pos - payloadStart;
    if (payloadLength < minPayload) w.zeros(minPayload - payloadLength);
    space.nextPn++;
    return {
      space: spaceId, start, pnOffset, pnLength, pn, payloadEnd: w.pos, lengthFieldOffset, keys, keyPhase,
      frames, ackEliciting, largestAckedInAck,
    };
  }

  /** Appends a frame when it fits before `payloadLimit`; records it for acknowledgement and loss. */
  private addFrame(w: ByteWriter, payloadLimit: number, frames: Frame[], f: Frame): boolean {
    if (w.pos + frameSize(f) > payloadLimit) return false;
    encodeFrame(w, f);
    if (f.type !== 'padding') frames.push(f);
    if (isAckEliciting(f)) this.draftAckEliciting = true;
    return true;
  }

  /**
   * Writes the header of a packet in `spaceId`, truncated packet number included; long headers get
   * a 2-byte Length placeholder that finishPacket fills in.
   */
  private writeHeader(w: ByteWriter, spaceId: PacketSpace, pn: number, pnLength: 1 | 2 | 3 | 4): { pnOffset: number; lengthFieldOffset: number; keyPhase: number } {
    const dcid = this.cids.activeRemote;
    if (spaceId === 2) {
      const keyPhase = this.oneRtt?.keyPhaseBit ?? 0; // 0.5-RTT packets precede any key update
      const pnOffset = writeShortHeader(w, { dcid, spinBit: false, keyPhase: keyPhase === 1, packetNumber: pn, pnLength });
      return { pnOffset, lengthFieldOffset: -1, keyPhase };
    }
    const layout = writeLongHeader(w, {
      type: spaceId === 0 ? 'initial' : 'handshake', version: QUIC_V1, dcid, scid: this.localInitialSourceCid,
      token: spaceId === 0 && !this.isServer ? this.token : EMPTY, packetNumber: pn, pnLength,
    });
    return { pnOffset: layout.pnOffset, lengthFieldOffset: layout.lengthOffset, keyPhase: 0 };
  }

  /** Writes injectFrameForTest() frames unchecked; raw bytes are recorded as a PING for recovery. */
  private writeTestFrames(w: ByteWriter, payloadLimit: number, frames: Frame[]): boolean {
    let wrote = false;
    while (this.testFrames.length > 0) {
      const f = this.testFrames[0]!;
      const size = f instanceof Uint8Array ? f.length : frameSize(f);
      if (w.pos + size > payloadLimit) break;
      if (f instanceof Uint8Array) {
        w.bytes(f);
        frames.push({ type: 'ping' });
      } else {
        encodeFrame(w, f);
        frames.push(f);
      }
      this.testFrames.shift();
      wrote = true;
    }
    return wrote;
  }

  private finishPacket(now: Micros, p: BuiltPacket, out: Uint8Array): void {
    if (p.lengthFieldOffset >= 0) {
      const length = p.payloadEnd - p.pnOffset + TAG;
      writeVarintFixed(out, p.lengthFieldOffset, length, 2);
    }
    const end = protectPacket(p.keys, out, p.start, p.pnOffset, p.pnLength, p.pn, p.payloadEnd);
    const size = end - p.start;
    const sent: SentPacket = {
      pn: p.pn, space: p.space, timeSent: now, size, ackEliciting: p.ackEliciting,
      // ACK, PADDING and CONNECTION_CLOSE need nothing on ack or loss: an idle connection's last
      // ACK-only packet, never acknowledged, would otherwise keep its ACK frame for good.
      inFlight: p.ackEliciting, frames: p.ackEliciting ? p.frames : NO_FRAMES,
    };
    if (p.largestAckedInAck !== undefined) sent.largestAckedInAck = p.largestAckedInAck;
    if (p.pmtuProbe === true) sent.pmtuProbe = true;
    this.loss.onPacketSent(sent, now);
    if (p.space === 2 && this.oneRtt) this.oneRtt.onPacketSent(p.pn);
    this.statsCounter.packetsSent++;
    if (p.ackEliciting && p.space === 2) this.armKeepAlive(now);
    if (p.ackEliciting && !this.lastAckElicitingSentSinceRx) {
      this.lastAckElicitingSentSinceRx = true;
      this.timers.set(TimerKind.IDLE, now + this.idleTimeoutWithPto());
    }
    // The client discards Initial keys when it first sends a Handshake packet (RFC 9001 §4.9.1).
    if (!this.isServer && p.space === 1 && !this.spaces[0].discarded) this.discardSpace(0);
  }

  private sendClose(out: Uint8Array): number | undefined {
    if (this.closeSendsOwed <= 0 || !this.closeFrame) return undefined;
    this.closeSendsOwed--;
    const f = this.closeFrame;
    let offset = 0;
    let padToMinimum = false;
    const built: BuiltPacket[] = [];
    for (const spaceId of [0, 1, 2] as const) {
      const space = this.spaces[spaceId];
      if (space.discarded) continue;
      // Once our handshake completed the peer has Handshake keys: an Initial close would reach it
      // ahead of our Finished and end the connection before the handshake completes on its side.
      if (spaceId === 0 && this.handshakeComplete && this.spaces[1].writeKeys) continue;
      const keys = spaceId === 2 ? (this.handshakeComplete ? this.oneRtt?.writeKeys() : undefined) : space.writeKeys;
      if (!keys) continue;
      // An application close before 1-RTT keys becomes a transport APPLICATION_ERROR (RFC 9000 §10.2.3).
      const frame: ConnectionCloseFrame = spaceId !== 2 && f.application
        ? { type: 'connectionClose', application: false, errorCode: BigInt(TransportErrorCode.APPLICATION_ERROR), frameType: 0, reason: EMPTY }
        : f;
      const packet = this.buildClosePacket(spaceId, keys, frame, out, offset);
      if (!packet) continue;
      built.push(packet);
      offset = packet.payloadEnd + TAG;
      if (spaceId === 0 && !this.isServer) padToMinimum = true;
    }
    if (built.length === 0) return undefined;
    if (padToMinimum && offset < MIN_INITIAL_DATAGRAM) {
      const last = built[built.length - 1]!;
      const pad = MIN_INITIAL_DATAGRAM - offset;
      out.fill(0, last.payloadEnd, last.payloadEnd + pad);
      last.payloadEnd += pad;
      offset += pad;
    }
    for (const p of built) {
      if (p.lengthFieldOffset >= 0) writeVarintFixed(out, p.lengthFieldOffset, p.payloadEnd - p.pnOffset + TAG, 2);
      protectPacket(p.keys, out, p.start, p.pnOffset, p.pnLength, p.pn, p.payloadEnd);
    }
    return offset;
  }

  private buildClosePacket(spaceId: PacketSpace, keys: PacketKeys, frame: ConnectionCloseFrame, out: Uint8Array, start: number): BuiltPacket | undefined {
    const space = this.spaces[spaceId];
    const pn = space.nextPn++;
    const w = this.packetWriter;
    w.buf = out;
    w.pos = start;
    const { pnOffset, lengthFieldOffset } = this.writeHeader(w, spaceId, pn, 4);
    const closeLimit = Math.min(out.length, this.maxPacketSize) - TAG - frameSize(frame);
    if (w.pos > closeLimit) return undefined;
    const frames: Frame[] = [];
    if (spaceId !== 2) {
      // Handshake bytes not sent yet (the client's Finished when the application closes as soon as
      // the handshake completes) go first, so the peer completes the handshake and reads the close.
      const crypto = space.cryptoSend;
      while (crypto.hasData()) {
        const range = crypto.nextRange(maxCryptoDataThatFits(CRYPTO_OFFSET_BOUND, closeLimit - w.pos));
        if (!range) break;
        const f: CryptoFrame = { type: 'crypto', offset: range.offset, data: crypto.slice(range.offset, range.length) };
        encodeFrame(w, f);
        frames.push(f);
      }
    }
    // With our Finished in this packet the peer reads the 1-RTT close that follows, which carries
    // the application's own code; a Handshake-level APPLICATION_ERROR would be read first.
    const finishedHere = spaceId === 1 && this.handshakeComplete && frames.length > 0;
    if (!finishedHere) {
      encodeFrame(w, frame);
      frames.push(frame);
    }
    return {
      space: spaceId, start, pnOffset, pnLength: 4, pn, payloadEnd: w.pos, lengthFieldOffset, keys,
      keyPhase: 0, frames, ackEliciting: false, largestAckedInAck: undefined,
    };
  }

  // ------------------------------------------------------------------ timers and helpers

  private updateTimers(): void {
    if (this.state !== 'handshaking' && this.state !== 'established') return;
    this.timers.set(TimerKind.LOSS_DETECTION, this.loss.timer(this.lossContext()));
    let ack: Micros | undefined;
    for (const s of this.spaces) {
      if (s.discarded) continue;
      const d = s.ack.ackDeadline();
      if (d !== undefined && (ack === undefined || d < ack)) ack = d;
    }
    this.timers.set(TimerKind.ACK_DELAY, ack);
  }

  private lossContext(): LossContext {
    return {
      handshakeConfirmed: this.handshakeConfirmed,
      peerAddressValidated: this.isServer || this.peerValidatedUs,
      hasHandshakeKeys: this.spaces[1].writeKeys !== undefined,
      isServer: this.isServer,
      amplificationLimited: !this.addressValidated && 3 * this.bytesReceivedUnvalidated - this.bytesSentUnvalidated < MIN_INITIAL_DATAGRAM,
    };
  }

  private ptoPeriod(): Micros {
    return this.rtt.ptoBase() + 25_000;
  }

  /**
   * Restarts the keep-alive countdown after an ack-eliciting 1-RTT packet: its ACK restarts our
   * idle timer and the packet restarts the peer's, so a PING is only needed after a quiet spell.
   */
  private armKeepAlive(now: Micros): void {
    this.keepAlivePending = false;
    const configured = this.config.keepAliveIntervalMs * 1000;
    if (configured === 0 || !this.handshakeComplete) return;
    const interval = this.idleTimeout === 0 ? configured : Math.min(configured, Math.floor(this.idleTimeout / 2));
    this.timers.set(TimerKind.KEEP_ALIVE, now + Math.max(interval, 1000));
  }

  private idleTimeoutWithPto(): Micros {
    if (this.idleTimeout === 0) return 3_600_000_000;
    return Math.max(this.idleTimeout, 3 * this.ptoPeriod());
  }

  private pushEventOnce(type: 'datagramsReadable'): void {
    for (const e of this.events) if (e.type === type) return;
    this.events.push({ type });
  }

  private canUseStreams(): boolean {
    return this.peerParams !== undefined && (this.state === 'established' || this.state === 'handshaking');
  }

  private assertUsable(): void {
    if (this.state === 'closing' || this.state === 'draining' || this.state === 'closed') {
      throw new TransportError(TransportErrorCode.NO_ERROR, 'connection is closed');
    }
  }

  /**
   * @internal test hook: sends `frame` (or raw frame bytes, written verbatim) in the next 1-RTT
   * packet without any checks, so tests can play a peer that breaks the protocol.
   */
  injectFrameForTest(frame: Frame | Uint8Array): void {
    this.testFrames.push(frame);
  }

  /**
   * Moves to the next connection ID the peer issued (retiring the current one). Returns false when
   * the peer has not issued a spare one. Used by tests; a path change would use it too.
   */
  switchRemoteConnectionId(): boolean {
    if (!this.handshakeConfirmed) return false;
    return this.cids.switchToNextRemote();
  }

  /** Whether any packet from the peer has been authenticated (decrypted) yet. */
  get hasReceivedPacket(): boolean {
    return this.receivedFirstPacket;
  }

  /** Diagnostic: packets held until their keys arrive (bounded). */
  get undecryptableBacklog(): number {
    return this.undecryptable.length;
  }

  get hasPendingEvents(): boolean {
    return this.events.length > 0;
  }


  /** The error the connection closed with, once closed. */
  get closeReason(): CloseInfo | undefined {
    return this.closeInfo;
  }

}
