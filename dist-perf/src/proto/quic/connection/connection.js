/**
 * One QUIC connection as a sans-IO state machine (RFC 9000, 9001, 9002, 9221).
 *
 * Inputs: handleDatagram(), handleTimeout() and the commands (openStream, writeStream, ...).
 * Outputs: pollTransmit() datagrams, pollTimeout() one deadline, pollEvent() notifications.
 * After any input the driver drains pollEvent() and pollTransmit() and re-arms its timer.
 * Nothing here reads a clock or a socket: `now` is passed in, in microseconds.
 */
import { ByteWriter, bytesEqual, fromUtf8, utf8, writeVarintFixed } from '../../util/bytes.js';
import { EncryptionLevel } from '../../tls/session.js';
import { TlsAlertError } from '../../tls/alerts.js';
import { TransportError, TransportErrorCode } from '../errors.js';
import { isAckEliciting } from '../wire/frames.js';
import { decodeFrames } from '../wire/frame-decoder.js';
import { encodeFrame, frameSize, maxCryptoDataThatFits } from '../wire/frame-encoder.js';
import { decodePacketNumber, encodePacketNumberLength, parseHeader, } from '../wire/header.js';
import { QUIC_V1, verifyRetryIntegrity } from '../wire/version.js';
import { decodeTransportParameters, defaultTransportParameters, encodeTransportParameters, } from '../wire/transport-parameters.js';
import { decryptPayload, derivePacketKeys, initialKeys, protectPacket, unprotectHeader } from '../packet/protection.js';
import { OneRttKeys } from '../packet/key-update.js';
import { RttEstimator } from '../recovery/rtt.js';
import { LossDetection } from '../recovery/loss-detection.js';
import { createCongestionController } from '../recovery/congestion/factory.js';
import { Pacer } from '../recovery/pacer.js';
import { StreamsState } from '../streams/streams-state.js';
import { DatagramQueues } from './datagrams.js';
import { CidManager } from './cid-manager.js';
import { PacketNumberSpace } from './packet-space.js';
import { TimerKind, TimerTable } from './timers.js';
import { ConnectionStatsCounter } from './stats.js';
const MIN_INITIAL_DATAGRAM = 1200;
const TAG = 16;
/** CRYPTO bytes buffered beyond the read offset before CRYPTO_BUFFER_EXCEEDED. */
const MAX_CRYPTO_BUFFER = 256 * 1024;
/** Packets we cannot decrypt yet (keys not installed) kept for later. */
const MAX_UNDECRYPTABLE = 16;
const LEVEL_TO_SPACE = {
    [EncryptionLevel.INITIAL]: 0, [EncryptionLevel.HANDSHAKE]: 1, [EncryptionLevel.APPLICATION]: 2,
};
const SPACE_TO_LEVEL = [EncryptionLevel.INITIAL, EncryptionLevel.HANDSHAKE, EncryptionLevel.APPLICATION];
const EMPTY = new Uint8Array(0);
export class Connection {
    handle;
    isServer;
    remote;
    state = 'handshaking';
    config;
    crypto;
    random;
    spaces;
    oneRtt;
    pendingOneRttRead;
    pendingOneRttWrite;
    tls;
    rtt;
    cc;
    loss;
    pacer;
    streams;
    datagrams;
    cids;
    timers = new TimerTable();
    events = [];
    statsCounter = new ConnectionStatsCounter();
    originalDcid;
    localInitialSourceCid;
    retrySourceCid;
    receivedRetrySourceCid;
    peerInitialSourceCid;
    token;
    peerParams;
    handshakeComplete = false;
    handshakeConfirmed = false;
    handshakeDonePending = false;
    receivedFirstPacket = false;
    /** Server: the client address is validated (Handshake packet received or Retry token). */
    addressValidated;
    /** Client: the server completed address validation of us (Handshake ACK / confirmed). */
    peerValidatedUs = false;
    bytesReceivedUnvalidated = 0;
    bytesSentUnvalidated = 0;
    idleTimeout;
    lastAckElicitingSentSinceRx = false;
    closeFrame;
    closeInfo;
    closeSendsOwed = 0;
    /** Packets received while closing: a CONNECTION_CLOSE answers the 1st, 2nd, 4th, 8th... (RFC 9000 §10.2.1). */
    closingPacketsReceived = 0;
    /** Frames (or raw frame bytes) queued by injectFrameForTest() for the next 1-RTT packet. */
    testFrames = [];
    pathResponses = [];
    undecryptable = [];
    maxPacketSize = MIN_INITIAL_DATAGRAM;
    peerAckDelayExponent = 3;
    keyUpdateRequested = false;
    pacingBlocked = false;
    retryUndecryptablePending = false;
    lastNow;
    constructor(init, deps) {
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
        if (init.isServer)
            this.peerInitialSourceCid = init.remoteCid;
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
    get alpn() {
        return this.tls.alpn;
    }
    get serverName() {
        return this.tls.serverName;
    }
    get peerCertificates() {
        return this.tls.peerCertificates;
    }
    get cipherSuite() {
        return this.tls.cipherSuite?.name;
    }
    get isHandshakeComplete() {
        return this.handshakeComplete;
    }
    get maxDatagramSize() {
        const peerMax = this.peerParams?.maxDatagramFrameSize ?? 0;
        if (peerMax === 0)
            return 0;
        // One DATAGRAM frame in a short-header packet: header (1 + dcid + 4) + type + length (2) + tag.
        const packetRoom = this.maxPacketSize - (1 + this.cids.activeRemote.length + 4) - TAG - 3;
        return Math.max(0, Math.min(peerMax - 3, packetRoom));
    }
    /** The local CIDs the endpoint must route to this connection, and changes since the last call. */
    drainCidChanges() {
        return this.cids.routing.splice(0);
    }
    stats() {
        return this.statsCounter.snapshot({
            rtt: this.rtt,
            cwnd: this.cc.window,
            bytesInFlight: this.cc.bytesInFlight,
            streams: this.streams.stats(),
            datagrams: this.datagrams.stats(),
        });
    }
    // ------------------------------------------------------------------ commands
    openStream(direction) {
        if (!this.canUseStreams())
            return undefined;
        return this.streams.open(direction);
    }
    writeStream(streamId, data, fin = false) {
        this.assertUsable();
        return this.streams.write(streamId, data, fin);
    }
    readStream(streamId, maxBytes) {
        return this.streams.read(streamId, maxBytes, this.lastNow);
    }
    resetStream(streamId, code) {
        if (this.state === 'closed' || this.state === 'draining' || this.state === 'closing')
            return;
        this.streams.reset(streamId, code);
    }
    stopStream(streamId, code) {
        if (this.state === 'closed' || this.state === 'draining' || this.state === 'closing')
            return;
        this.streams.stop(streamId, code);
    }
    sendDatagram(data) {
        if (this.state === 'closing' || this.state === 'draining' || this.state === 'closed')
            return 'closed';
        if (!this.peerParams)
            return 'unsupported';
        if (data.length > this.maxDatagramSize)
            return this.maxDatagramSize === 0 ? 'unsupported' : 'too-large';
        return this.datagrams.send(data);
    }
    readDatagram() {
        return this.datagrams.read();
    }
    initiateKeyUpdate(now) {
        if (!this.oneRtt || !this.handshakeConfirmed)
            return false;
        return this.oneRtt.initiateUpdate(now);
    }
    /** Application close (CONNECTION_CLOSE 0x1d); during the handshake it is sent as a transport close. */
    close(now, code = 0n, reason = '') {
        if (this.state === 'closing' || this.state === 'draining' || this.state === 'closed')
            return;
        this.startClosing(now, { type: 'connectionClose', application: true, errorCode: code, frameType: 0, reason: utf8(reason) }, false);
    }
    // ------------------------------------------------------------------ inputs
    handleDatagram(now, data, remote) {
        this.lastNow = now;
        if (this.state === 'closed' || this.state === 'draining')
            return;
        this.statsCounter.onDatagramReceived(data.length);
        if (!this.addressValidated)
            this.bytesReceivedUnvalidated += data.length;
        if (this.state === 'closing') {
            // Answer again with the CONNECTION_CLOSE, at an exponentially falling rate (RFC 9000 §10.2.1).
            this.closingPacketsReceived++;
            if ((this.closingPacketsReceived & (this.closingPacketsReceived - 1)) === 0 && this.closeSendsOwed < 4)
                this.closeSendsOwed++;
            return;
        }
        try {
            this.processDatagram(now, data, remote);
            // Packets that arrived before their keys are tried again once new keys are installed.
            while (this.retryUndecryptablePending && this.undecryptable.length > 0 && this.isOpen()) {
                this.retryUndecryptablePending = false;
                for (const p of this.undecryptable.splice(0)) {
                    if (this.isOpen())
                        this.processDatagram(now, p.data, p.remote);
                }
            }
            this.updateTimers(now);
        }
        catch (err) {
            this.onError(now, err);
        }
    }
    /**
     * A datagram the endpoint could not route: if it ends with one of the peer's stateless reset
     * tokens the connection is over (RFC 9000 §10.3.1). Returns whether it was a reset.
     */
    handleStatelessReset(now, data) {
        if (this.state === 'closed' || this.state === 'draining')
            return false;
        if ((data[0] & 0x80) !== 0 || !this.cids.isStatelessReset(data))
            return false;
        this.lastNow = now;
        this.terminate(now, { code: 0n, application: false, reason: 'stateless reset', remote: true, kind: 'statelessReset' });
        return true;
    }
    isOpen() {
        return this.state === 'handshaking' || this.state === 'established';
    }
    handleTimeout(now) {
        this.lastNow = now;
        if (this.state === 'closed')
            return;
        const t = this.timers;
        if (t.isExpired(TimerKind.CLOSE, now)) {
            t.clearAll();
            this.state = 'closed';
            return;
        }
        if (this.state === 'closing' || this.state === 'draining')
            return;
        if (t.isExpired(TimerKind.IDLE, now)) {
            this.terminate(now, { code: 0n, application: false, reason: 'idle timeout', remote: false, kind: 'idleTimeout' });
            return;
        }
        if (t.isExpired(TimerKind.HANDSHAKE, now) && !this.handshakeComplete) {
            this.terminate(now, { code: 0n, application: false, reason: 'handshake timeout', remote: false, kind: 'handshakeTimeout' });
            return;
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
                space.probesOwed = Math.max(space.probesOwed, result.probe.count);
                // Probes retransmit unacknowledged handshake data when there is some (RFC 9002 §6.2.4).
                if (result.probe.space < 2)
                    space.cryptoSend.requeueUnacked();
                this.statsCounter.ptoCount++;
            }
        }
        this.updateTimers(now);
    }
    pollTimeout() {
        return this.timers.next();
    }
    pollEvent() {
        const own = this.events.shift();
        if (own)
            return own;
        if (this.state === 'closed' || this.closeInfo)
            return undefined;
        return this.streams.pollEvent();
    }
    // ------------------------------------------------------------------ receive path
    processDatagram(now, data, remote) {
        let offset = 0;
        let firstDcid;
        while (offset < data.length) {
            let header;
            try {
                header = parseHeader(data, offset, this.localInitialSourceCid.length);
            }
            catch {
                break; // an unparsable packet ends the datagram (RFC 9000 §12.2)
            }
            const end = header.packetEnd;
            if (firstDcid === undefined)
                firstDcid = header.dcid;
            else if (!bytesEqual(firstDcid, header.dcid))
                break;
            const handled = this.processPacket(now, data, offset, header, remote);
            if (!handled && offset === 0 && header.kind === '1rtt' && this.cids.isStatelessReset(data)) {
                this.terminate(now, { code: 0n, application: false, reason: 'stateless reset', remote: true, kind: 'statelessReset' });
                return;
            }
            if (this.state !== 'handshaking' && this.state !== 'established')
                return;
            offset = end;
        }
    }
    /** Returns false when the packet was dropped (undecryptable, invalid, duplicate). */
    processPacket(now, datagram, offset, header, remote) {
        if (header.kind === 'unsupportedVersion')
            return false;
        if (header.kind === 'versionNegotiation') {
            this.onVersionNegotiation(now, header.versions);
            return false;
        }
        if (header.kind === 'retry') {
            this.onRetry(now, datagram.subarray(offset, header.packetEnd), header.scid, header.token);
            return false;
        }
        if (header.kind === '0rtt')
            return false; // 0-RTT is not supported: drop
        const spaceId = header.kind === 'initial' ? 0 : header.kind === 'handshake' ? 1 : 2;
        const space = this.spaces[spaceId];
        if (space.discarded)
            return false;
        const packet = datagram.subarray(offset, header.packetEnd);
        const pnOffset = header.pnOffset - offset;
        const readKeys = spaceId === 2 ? this.oneRtt?.currentReadKeys() : space.readKeys;
        if (!readKeys) {
            if (this.undecryptable.length < MAX_UNDECRYPTABLE) {
                this.undecryptable.push({ data: datagram.slice(offset, header.packetEnd), remote });
            }
            return false;
        }
        const hp = spaceId === 2 ? readKeys.hp : readKeys.hp;
        let unprotected;
        try {
            unprotected = unprotectHeader(hp, packet, pnOffset);
        }
        catch {
            return false;
        }
        if (!unprotected)
            return false;
        const { firstByte, pnLength, truncatedPn } = unprotected;
        const pn = decodePacketNumber(space.ack.largestReceived ?? -1, truncatedPn, pnLength * 8);
        let keys = readKeys;
        let keyPhaseBit = 0;
        if (spaceId === 2) {
            keyPhaseBit = (firstByte >> 2) & 1;
            const k = this.oneRtt.readKeysFor(keyPhaseBit, pn);
            if (!k)
                return false;
            keys = k;
        }
        const headerLength = pnOffset + pnLength;
        const plaintext = decryptPayload(keys, packet, headerLength, pn);
        if (!plaintext) {
            this.statsCounter.decryptionFailures++;
            return false;
        }
        const reservedBits = header.kind === '1rtt' ? firstByte & 0x18 : firstByte & 0x0c;
        if (reservedBits !== 0)
            throw new TransportError(TransportErrorCode.PROTOCOL_VIOLATION, 'reserved header bits set');
        if (space.ack.isDuplicate(pn))
            return true;
        if (spaceId === 2) {
            this.oneRtt.onPacketDecrypted(keyPhaseBit, pn, now, this.ptoPeriod());
            const discardAt = this.oneRtt.discardPreviousAt();
            this.timers.set(TimerKind.KEY_DISCARD, discardAt);
        }
        this.onPacketAuthenticated(now, header, spaceId, remote);
        const frames = decodeFrames(plaintext, header.kind);
        let ackEliciting = false;
        for (const frame of frames) {
            if (isAckEliciting(frame))
                ackEliciting = true;
            this.processFrame(now, spaceId, frame, header);
            if (this.state !== 'handshaking' && this.state !== 'established')
                return true;
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
    onPacketAuthenticated(now, header, spaceId, remote) {
        if (!this.receivedFirstPacket) {
            this.receivedFirstPacket = true;
            if (!this.isServer && header.kind !== '1rtt') {
                // The server's first packet names the CID we must use from now on.
                this.cids.setInitialRemote(header.scid);
                this.peerInitialSourceCid = header.scid;
            }
        }
        if (spaceId === 1 && this.isServer)
            this.addressValidated = true;
        if (remote.address !== this.remote.address || remote.port !== this.remote.port) {
            // Migration is not supported; NAT rebinding after the handshake updates the path.
            if (this.handshakeConfirmed && !this.config.disableActiveMigration)
                this.remote = remote;
        }
        void now;
    }
    processFrame(now, spaceId, frame, header) {
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
                if (this.isServer)
                    throw new TransportError(TransportErrorCode.PROTOCOL_VIOLATION, 'NEW_TOKEN from a client', 0x07);
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
                if (this.pathResponses.length < 4)
                    this.pathResponses.push(frame.data);
                return;
            case 'pathResponse':
                return;
            case 'connectionClose':
                this.onPeerClose(now, frame);
                return;
            case 'handshakeDone':
                if (this.isServer)
                    throw new TransportError(TransportErrorCode.PROTOCOL_VIOLATION, 'HANDSHAKE_DONE from a client', 0x1e);
                this.onHandshakeConfirmed(now);
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
    onAck(now, spaceId, ack) {
        const delay = spaceId === 2 ? ack.ackDelay * 2 ** this.peerAckDelayExponent : 0;
        const result = this.loss.onAckReceived(spaceId, ack, delay, now, this.handshakeConfirmed);
        if (spaceId === 1 && !this.isServer)
            this.peerValidatedUs = true;
        for (const p of result.newlyAcked)
            this.onPacketAcked(p, now);
        this.onPacketsLost(result.lost);
        if (result.rttUpdated)
            this.streams.setRtt(this.rtt.smoothedRtt);
    }
    onPacketAcked(p, now) {
        const space = this.spaces[p.space];
        if (p.largestAckedInAck !== undefined)
            space.ack.onAckOfAckReceived(p.largestAckedInAck);
        if (p.space === 2 && this.oneRtt)
            this.oneRtt.onPacketAcked(p.pn);
        for (const f of p.frames) {
            switch (f.type) {
                case 'crypto':
                    space.cryptoSend.onAcked(f);
                    break;
                case 'stream':
                case 'resetStream':
                case 'stopSending':
                case 'maxData':
                case 'maxStreamData':
                case 'maxStreams':
                case 'dataBlocked':
                case 'streamDataBlocked':
                case 'streamsBlocked':
                    this.streams.onFrameAcked(f);
                    break;
                default:
                    break;
            }
        }
        void now;
    }
    onPacketsLost(lost) {
        for (const p of lost) {
            this.statsCounter.packetsLost++;
            const space = this.spaces[p.space];
            for (const f of p.frames) {
                switch (f.type) {
                    case 'crypto':
                        if (!space.discarded)
                            space.cryptoSend.onLost(f);
                        break;
                    case 'stream':
                    case 'resetStream':
                    case 'stopSending':
                    case 'maxData':
                    case 'maxStreamData':
                    case 'maxStreams':
                    case 'dataBlocked':
                    case 'streamDataBlocked':
                    case 'streamsBlocked':
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
    onCrypto(now, spaceId, frame) {
        const space = this.spaces[spaceId];
        const recv = space.cryptoRecv;
        if (frame.offset + frame.data.length > recv.readOffset + MAX_CRYPTO_BUFFER) {
            throw new TransportError(TransportErrorCode.CRYPTO_BUFFER_EXCEEDED, 'too much CRYPTO data buffered', 0x06);
        }
        recv.insert(frame.offset, frame.data);
        const level = SPACE_TO_LEVEL[spaceId];
        for (;;) {
            const chunk = recv.read(Number.MAX_SAFE_INTEGER);
            if (!chunk || chunk.length === 0)
                break;
            this.tls.handleHandshakeData(level, chunk, now);
        }
        this.processTlsEvents(now);
    }
    processTlsEvents(now) {
        for (let ev = this.tls.pollEvent(); ev; ev = this.tls.pollEvent()) {
            switch (ev.type) {
                case 'handshakeData': {
                    const spaceId = LEVEL_TO_SPACE[ev.level];
                    if (spaceId === undefined)
                        break;
                    this.spaces[spaceId].cryptoSend.write(ev.data);
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
        if (!this.peerParams && this.tls.peerTransportParameters)
            this.applyPeerTransportParameters(this.tls.peerTransportParameters);
    }
    installSecret(now, level, direction, suite, secret) {
        if (level === EncryptionLevel.APPLICATION) {
            if (direction === 'read')
                this.pendingOneRttRead = { suite, secret };
            else
                this.pendingOneRttWrite = { suite, secret };
            if (this.pendingOneRttRead && this.pendingOneRttWrite && !this.oneRtt) {
                this.oneRtt = new OneRttKeys(this.crypto, suite, this.pendingOneRttRead.secret, this.pendingOneRttWrite.secret);
                this.retryUndecryptable(now);
            }
            return;
        }
        const spaceId = LEVEL_TO_SPACE[level];
        if (spaceId === undefined)
            return;
        const keys = derivePacketKeys(this.crypto, suite, secret);
        if (direction === 'read') {
            this.spaces[spaceId].readKeys = keys;
            this.retryUndecryptable(now);
        }
        else {
            this.spaces[spaceId].writeKeys = keys;
        }
    }
    retryUndecryptable(now) {
        void now;
        this.retryUndecryptablePending = true;
    }
    onHandshakeComplete(now) {
        this.handshakeComplete = true;
        this.state = 'established';
        this.timers.stop(TimerKind.HANDSHAKE);
        const peer = this.tls.peerTransportParameters;
        if (!this.peerParams) {
            if (!peer)
                throw new TransportError(TransportErrorCode.CRYPTO_ERROR_BASE + 109, 'missing transport parameters');
            this.applyPeerTransportParameters(peer);
        }
        this.cids.topUp();
        this.events.push({ type: 'handshakeCompleted', alpn: this.tls.alpn, resumed: this.tls.resumed });
        if (this.isServer) {
            // The server's handshake is confirmed on completion (RFC 9001 §4.1.2).
            this.handshakeDonePending = true;
            this.onHandshakeConfirmed(now);
            this.tls.sendSessionTicket?.(now);
            this.processTlsEvents(now);
        }
    }
    onHandshakeConfirmed(now) {
        if (this.handshakeConfirmed)
            return;
        this.handshakeConfirmed = true;
        this.peerValidatedUs = true;
        this.discardSpace(0);
        this.discardSpace(1);
        this.maxPacketSize = Math.max(MIN_INITIAL_DATAGRAM, Math.min(this.config.maxPacketSize, this.peerParams?.maxUdpPayloadSize ?? 65527));
        this.cc.setMaxDatagramSize?.(this.maxPacketSize);
        void now;
    }
    discardSpace(spaceId) {
        const space = this.spaces[spaceId];
        if (space.discarded)
            return;
        space.discard();
        this.loss.discardSpace(spaceId);
    }
    applyPeerTransportParameters(bytes) {
        let p;
        try {
            p = decodeTransportParameters(bytes, { fromServer: !this.isServer });
        }
        catch (err) {
            if (err instanceof TransportError)
                throw err;
            throw new TransportError(TransportErrorCode.TRANSPORT_PARAMETER_ERROR, 'malformed transport parameters');
        }
        const cidMismatch = (a, b) => a === undefined || b === undefined || !bytesEqual(a, b);
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
            }
            else if (p.retrySourceConnectionId !== undefined) {
                throw new TransportError(TransportErrorCode.TRANSPORT_PARAMETER_ERROR, 'unexpected retry_source_connection_id');
            }
            if (p.statelessResetToken)
                this.cids.setInitialRemoteResetToken(p.statelessResetToken);
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
    localTransportParameters(statelessResetToken) {
        const c = this.config;
        const p = {
            ...defaultTransportParameters(),
            maxIdleTimeout: c.maxIdleTimeoutMs,
            maxUdpPayloadSize: Math.max(1200, c.maxPacketSize),
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
        if (c.maxDatagramFrameSize > 0)
            p.maxDatagramFrameSize = c.maxDatagramFrameSize;
        if (this.isServer) {
            p.originalDestinationConnectionId = this.originalDcid;
            if (this.retrySourceCid)
                p.retrySourceConnectionId = this.retrySourceCid;
            if (statelessResetToken)
                p.statelessResetToken = statelessResetToken;
        }
        return p;
    }
    installInitialKeys(dcid) {
        const keys = initialKeys(this.crypto, dcid);
        const initial = this.spaces[0];
        initial.readKeys = this.isServer ? keys.client : keys.server;
        initial.writeKeys = this.isServer ? keys.server : keys.client;
    }
    onRetry(now, packet, scid, token) {
        // A client accepts one Retry, only before it has received anything else (RFC 9000 §17.2.5.2).
        if (this.isServer || this.receivedFirstPacket || this.receivedRetrySourceCid)
            return;
        if (bytesEqual(scid, this.cids.activeRemote))
            return;
        if (!verifyRetryIntegrity(this.crypto, this.originalDcid, packet))
            return;
        if (token.length === 0)
            return;
        this.receivedRetrySourceCid = scid;
        this.token = token;
        this.cids.setInitialRemote(scid);
        this.installInitialKeys(scid);
        // Everything sent in Initial packets is resent under the new keys, from offset 0.
        this.loss.discardSpace(0);
        this.spaces[0].cryptoSend.resetProgress();
        this.statsCounter.retries++;
        void now;
    }
    onVersionNegotiation(now, versions) {
        if (this.isServer || this.receivedFirstPacket)
            return;
        if (versions.includes(QUIC_V1))
            return; // must be ignored (RFC 9000 §6.2)
        this.terminate(now, {
            code: 0n, application: false, remote: true, kind: 'versionNegotiation',
            reason: `server supports none of our versions (offers ${versions.map((v) => '0x' + v.toString(16)).join(', ')})`,
        });
    }
    onPeerClose(now, frame) {
        let reason = '';
        try {
            reason = fromUtf8(frame.reason);
        }
        catch {
            reason = '<invalid utf-8>';
        }
        const info = { code: frame.errorCode, application: frame.application, reason, remote: true, kind: 'close' };
        this.closeInfo = info;
        this.state = 'draining';
        this.timers.clearAll();
        this.timers.set(TimerKind.CLOSE, now + 3 * this.ptoPeriod());
        this.events.push({ type: 'closed', info });
    }
    onError(now, err) {
        let code;
        let frameType = 0;
        let reason;
        if (err instanceof TransportError) {
            code = err.code;
            frameType = err.frameType;
            reason = err.reason;
        }
        else if (err instanceof TlsAlertError) {
            code = err.quicErrorCode;
            reason = err.message;
        }
        else {
            code = TransportErrorCode.INTERNAL_ERROR;
            reason = err instanceof Error ? `internal error: ${err.message}` : 'internal error';
        }
        this.startClosing(now, {
            type: 'connectionClose', application: false, errorCode: BigInt(code), frameType, reason: utf8(reason.slice(0, 200)),
        }, true);
    }
    startClosing(now, frame, localError) {
        let reason = '';
        try {
            reason = fromUtf8(frame.reason);
        }
        catch {
            reason = '';
        }
        this.closeFrame = frame;
        this.closeSendsOwed = 1;
        this.closeInfo = { code: frame.errorCode, application: frame.application, reason, remote: false, kind: 'close' };
        this.state = 'closing';
        this.timers.clearAll();
        this.timers.set(TimerKind.CLOSE, now + 3 * this.ptoPeriod());
        this.events.push({ type: 'closed', info: this.closeInfo });
        void localError;
    }
    /** Ends the connection silently (idle timeout, stateless reset, version negotiation failure). */
    terminate(now, info) {
        this.closeInfo = info;
        this.state = 'closed';
        this.timers.clearAll();
        this.events.push({ type: 'closed', info });
        void now;
    }
    // ------------------------------------------------------------------ send path
    /**
     * Writes the next datagram into `out` and returns its size, or undefined when there is nothing
     * to send now. Call repeatedly until undefined.
     */
    pollTransmit(now, out) {
        this.lastNow = now;
        if (this.state === 'closed' || this.state === 'draining')
            return undefined;
        if (this.state === 'closing')
            return this.sendClose(out);
        try {
            if (this.keyUpdateRequested)
                this.keyUpdateRequested = false;
            if (this.oneRtt?.shouldUpdateForLimit() && this.handshakeConfirmed)
                this.oneRtt.initiateUpdate(now);
            const size = this.buildDatagram(now, out);
            if (size !== undefined)
                this.updateTimers(now);
            return size;
        }
        catch (err) {
            this.onError(now, err);
            return this.state === 'closing' ? this.sendClose(out) : undefined;
        }
    }
    buildDatagram(now, out) {
        let limit = Math.min(out.length, this.maxPacketSize);
        if (!this.addressValidated) {
            const allowance = 3 * this.bytesReceivedUnvalidated - this.bytesSentUnvalidated;
            if (allowance < limit) {
                if (allowance <= 0)
                    return undefined;
                limit = allowance;
            }
        }
        const probing = this.spaces[0].probesOwed + this.spaces[1].probesOwed + this.spaces[2].probesOwed > 0;
        const congestionBlocked = !probing && !this.cc.canSend(limit);
        let pacingDelay;
        let pacerCharged = false;
        if (!congestionBlocked && !probing && this.config.pacing && this.handshakeConfirmed && this.hasAppDataToSend()) {
            pacingDelay = this.pacer.delayUntil(now, limit, this.cc.window, this.rtt.smoothedRtt, this.maxPacketSize);
            if (pacingDelay !== undefined) {
                this.timers.set(TimerKind.PACING, pacingDelay);
                this.pacingBlocked = true;
            }
            else {
                pacerCharged = true;
            }
        }
        const ackOnly = congestionBlocked || pacingDelay !== undefined;
        const built = [];
        let offset = 0;
        let padToMinimum = false;
        for (const spaceId of [0, 1, 2]) {
            const space = this.spaces[spaceId];
            if (space.discarded)
                continue;
            const writeKeys = spaceId === 2 ? (this.handshakeComplete || this.isServer ? this.oneRtt?.writeKeys() : undefined) : space.writeKeys;
            if (!writeKeys)
                continue;
            // 1-RTT data only after the handshake completes (servers may send it after their flight).
            if (!this.spaceHasSomethingToSend(spaceId, now, ackOnly))
                continue;
            const room = limit - offset;
            if (room < 64)
                break;
            const packet = this.buildPacket(now, spaceId, writeKeys, out, offset, limit, ackOnly);
            if (!packet)
                continue;
            built.push(packet);
            offset = packet.payloadEnd + TAG;
            if (spaceId === 0 && (!this.isServer || packet.ackEliciting))
                padToMinimum = true;
        }
        if (built.length === 0) {
            if (pacerCharged)
                this.pacer.refund(limit);
            // Nothing to send with an open window: the window must not grow on this (RFC 9002 §7.8).
            this.cc.appLimited = !congestionBlocked && !this.pacingBlocked;
            return undefined;
        }
        if (congestionBlocked)
            this.cc.appLimited = false;
        // Datagrams carrying Initial packets are padded to 1200 bytes (RFC 9000 §14.1).
        if (padToMinimum && offset < MIN_INITIAL_DATAGRAM) {
            const last = built[built.length - 1];
            const pad = Math.min(MIN_INITIAL_DATAGRAM, limit) - offset;
            if (pad > 0) {
                out.fill(0, last.payloadEnd, last.payloadEnd + pad);
                last.payloadEnd += pad;
                offset += pad;
            }
        }
        if (pacerCharged && offset < limit)
            this.pacer.refund(limit - offset);
        for (const p of built)
            this.finishPacket(now, p, out);
        if (!this.addressValidated)
            this.bytesSentUnvalidated += offset;
        this.statsCounter.onDatagramSent(offset);
        return offset;
    }
    hasAppDataToSend() {
        return this.streams.hasPendingFrames() || this.datagrams.hasPending();
    }
    spaceHasSomethingToSend(spaceId, now, ackOnly) {
        const space = this.spaces[spaceId];
        if (space.ack.wantsAck(now))
            return true;
        if (ackOnly)
            return false;
        if (space.probesOwed > 0 || space.cryptoSend.hasData())
            return true;
        if (spaceId !== 2)
            return false;
        return this.handshakeDonePending || this.pathResponses.length > 0 || this.cids.pendingNew.length > 0 ||
            this.cids.pendingRetire.length > 0 || this.hasAppDataToSend() || this.testFrames.length > 0;
    }
    buildPacket(now, spaceId, keys, out, start, limit, ackOnly) {
        const space = this.spaces[spaceId];
        const pn = space.nextPn;
        const pnLength = encodePacketNumberLength(pn, this.loss.largestAcked(spaceId));
        const dcid = this.cids.activeRemote;
        const w = new ByteWriter(out, start);
        let lengthFieldOffset = -1;
        let keyPhase = 0;
        if (spaceId === 2) {
            keyPhase = this.oneRtt.keyPhaseBit;
            w.u8(0x40 | (keyPhase << 2) | (pnLength - 1));
            w.bytes(dcid);
        }
        else {
            const typeBits = spaceId === 0 ? 0x00 : 0x20;
            w.u8(0xc0 | typeBits | (pnLength - 1));
            w.u32(QUIC_V1);
            w.vec8(dcid);
            w.vec8(this.localInitialSourceCid);
            if (spaceId === 0)
                w.vecVarint(this.isServer ? EMPTY : this.token);
            lengthFieldOffset = w.pos;
            w.pos += 2; // Length, filled in by finishPacket
        }
        const pnOffset = w.pos;
        w.pos += pnLength;
        const payloadStart = w.pos;
        const payloadLimit = limit - TAG;
        if (payloadLimit - payloadStart < 8)
            return undefined;
        const frames = [];
        let ackEliciting = false;
        let largestAckedInAck;
        const add = (f) => {
            const size = frameSize(f);
            if (w.pos + size > payloadLimit)
                return false;
            encodeFrame(w, f);
            if (f.type !== 'padding')
                frames.push(f);
            if (isAckEliciting(f))
                ackEliciting = true;
            return true;
        };
        // ACK first: it is small and keeps the peer's recovery going.
        if (space.ack.hasPendingAck()) {
            const ack = space.ack.buildAck(now, spaceId === 2 ? this.config.ackDelayExponent : 0);
            if (ack && add(ack)) {
                largestAckedInAck = ack.ranges[0].largest;
                space.ack.onAckSent();
            }
        }
        if (!ackOnly) {
            if (spaceId === 2) {
                if (this.handshakeDonePending && add({ type: 'handshakeDone' }))
                    this.handshakeDonePending = false;
                while (this.pathResponses.length > 0 && add({ type: 'pathResponse', data: this.pathResponses[0] }))
                    this.pathResponses.shift();
                while (this.cids.pendingRetire.length > 0 && add(this.cids.pendingRetire[0]))
                    this.cids.pendingRetire.shift();
                while (this.cids.pendingNew.length > 0 && add(this.cids.pendingNew[0]))
                    this.cids.pendingNew.shift();
                if (this.testFrames.length > 0)
                    ackEliciting = this.writeTestFrames(w, payloadLimit, frames) || ackEliciting;
            }
            // CRYPTO data.
            for (;;) {
                const room = payloadLimit - w.pos;
                const crypto = space.cryptoSend;
                if (!crypto.hasData())
                    break;
                const peekOffset = this.peekCryptoOffset(crypto);
                const max = maxCryptoDataThatFits(peekOffset, room);
                if (max <= 0)
                    break;
                const range = crypto.nextRange(max);
                if (!range)
                    break;
                const frame = { type: 'crypto', offset: range.offset, data: crypto.slice(range.offset, range.length) };
                if (!add(frame))
                    break;
            }
            if (spaceId === 2 && this.handshakeComplete) {
                // Datagrams before stream data: they are the latency-sensitive traffic.
                for (;;) {
                    const f = this.datagrams.pollFrame(payloadLimit - w.pos, payloadLimit - payloadStart);
                    if (!f)
                        break;
                    if (!add(f))
                        break;
                }
                for (;;) {
                    const room = payloadLimit - w.pos;
                    if (room < 4)
                        break;
                    const f = this.streams.pollFrame(room, now);
                    if (!f)
                        break;
                    if (!add(f)) {
                        this.streams.onFrameLost(f);
                        break;
                    }
                }
            }
            if (space.probesOwed > 0 && !ackEliciting)
                add({ type: 'ping' });
        }
        if (frames.length === 0) {
            w.pos = start;
            return undefined;
        }
        if (space.probesOwed > 0 && ackEliciting)
            space.probesOwed--;
        // Header protection samples 16 bytes starting 4 bytes after the packet number (RFC 9001 §5.4.2).
        const minPayload = 4 - pnLength;
        const payloadLength = w.pos - payloadStart;
        if (payloadLength < minPayload)
            w.zeros(minPayload - payloadLength);
        space.nextPn++;
        return {
            space: spaceId, start, pnOffset, pnLength, pn, payloadEnd: w.pos, lengthFieldOffset, keys, keyPhase,
            frames, ackEliciting, largestAckedInAck,
        };
    }
    /** Writes injectFrameForTest() frames unchecked; raw bytes are recorded as a PING for recovery. */
    writeTestFrames(w, payloadLimit, frames) {
        let wrote = false;
        while (this.testFrames.length > 0) {
            const f = this.testFrames[0];
            const size = f instanceof Uint8Array ? f.length : frameSize(f);
            if (w.pos + size > payloadLimit)
                break;
            if (f instanceof Uint8Array) {
                w.bytes(f);
                frames.push({ type: 'ping' });
            }
            else {
                encodeFrame(w, f);
                frames.push(f);
            }
            this.testFrames.shift();
            wrote = true;
        }
        return wrote;
    }
    peekCryptoOffset(crypto) {
        // Offsets below 2^30 need at most a 4-byte varint: size the frame conservatively.
        void crypto;
        return 1 << 30;
    }
    finishPacket(now, p, out) {
        if (p.lengthFieldOffset >= 0) {
            const length = p.payloadEnd - p.pnOffset + TAG;
            writeVarintFixed(out, p.lengthFieldOffset, length, 2);
        }
        // Packet number, big-endian, truncated to pnLength bytes.
        for (let i = 0; i < p.pnLength; i++)
            out[p.pnOffset + i] = (p.pn >>> (8 * (p.pnLength - 1 - i))) & 0xff;
        const end = protectPacket(p.keys, out, p.start, p.pnOffset, p.pnLength, p.pn, p.payloadEnd);
        const size = end - p.start;
        const inFlight = p.ackEliciting || p.frames.some((f) => f.type === 'padding');
        const sent = {
            pn: p.pn, space: p.space, timeSent: now, size, ackEliciting: p.ackEliciting,
            inFlight: p.ackEliciting, frames: p.frames,
        };
        if (p.largestAckedInAck !== undefined)
            sent.largestAckedInAck = p.largestAckedInAck;
        void inFlight;
        this.loss.onPacketSent(sent, now);
        if (p.space === 2 && this.oneRtt)
            this.oneRtt.onPacketSent(p.pn);
        this.statsCounter.packetsSent++;
        if (p.ackEliciting && !this.lastAckElicitingSentSinceRx) {
            this.lastAckElicitingSentSinceRx = true;
            this.timers.set(TimerKind.IDLE, now + this.idleTimeoutWithPto());
        }
        // The client discards Initial keys when it first sends a Handshake packet (RFC 9001 §4.9.1).
        if (!this.isServer && p.space === 1 && !this.spaces[0].discarded)
            this.discardSpace(0);
    }
    sendClose(out) {
        if (this.closeSendsOwed <= 0 || !this.closeFrame)
            return undefined;
        this.closeSendsOwed--;
        const f = this.closeFrame;
        let offset = 0;
        let padToMinimum = false;
        const built = [];
        for (const spaceId of [0, 1, 2]) {
            const space = this.spaces[spaceId];
            if (space.discarded)
                continue;
            const keys = spaceId === 2 ? (this.handshakeComplete ? this.oneRtt?.writeKeys() : undefined) : space.writeKeys;
            if (!keys)
                continue;
            // An application close before 1-RTT keys becomes a transport APPLICATION_ERROR (RFC 9000 §10.2.3).
            const frame = spaceId !== 2 && f.application
                ? { type: 'connectionClose', application: false, errorCode: BigInt(TransportErrorCode.APPLICATION_ERROR), frameType: 0, reason: EMPTY }
                : f;
            const packet = this.buildClosePacket(spaceId, keys, frame, out, offset);
            if (!packet)
                continue;
            built.push(packet);
            offset = packet.payloadEnd + TAG;
            if (spaceId === 0 && !this.isServer)
                padToMinimum = true;
        }
        if (built.length === 0)
            return undefined;
        if (padToMinimum && offset < MIN_INITIAL_DATAGRAM) {
            const last = built[built.length - 1];
            const pad = MIN_INITIAL_DATAGRAM - offset;
            out.fill(0, last.payloadEnd, last.payloadEnd + pad);
            last.payloadEnd += pad;
            offset += pad;
        }
        for (const p of built) {
            if (p.lengthFieldOffset >= 0)
                writeVarintFixed(out, p.lengthFieldOffset, p.payloadEnd - p.pnOffset + TAG, 2);
            for (let i = 0; i < p.pnLength; i++)
                out[p.pnOffset + i] = (p.pn >>> (8 * (p.pnLength - 1 - i))) & 0xff;
            protectPacket(p.keys, out, p.start, p.pnOffset, p.pnLength, p.pn, p.payloadEnd);
        }
        return offset;
    }
    buildClosePacket(spaceId, keys, frame, out, start) {
        const space = this.spaces[spaceId];
        const pn = space.nextPn++;
        const pnLength = 4;
        const w = new ByteWriter(out, start);
        let lengthFieldOffset = -1;
        const dcid = this.cids.activeRemote;
        if (spaceId === 2) {
            w.u8(0x40 | (this.oneRtt.keyPhaseBit << 2) | (pnLength - 1)).bytes(dcid);
        }
        else {
            w.u8(0xc0 | (spaceId === 0 ? 0 : 0x20) | (pnLength - 1)).u32(QUIC_V1).vec8(dcid).vec8(this.localInitialSourceCid);
            if (spaceId === 0)
                w.vecVarint(this.isServer ? EMPTY : this.token);
            lengthFieldOffset = w.pos;
            w.pos += 2;
        }
        const pnOffset = w.pos;
        w.pos += pnLength;
        if (w.pos + frameSize(frame) + TAG > Math.min(out.length, this.maxPacketSize))
            return undefined;
        encodeFrame(w, frame);
        return {
            space: spaceId, start, pnOffset, pnLength, pn, payloadEnd: w.pos, lengthFieldOffset, keys,
            keyPhase: 0, frames: [frame], ackEliciting: false, largestAckedInAck: undefined,
        };
    }
    // ------------------------------------------------------------------ timers and helpers
    updateTimers(now) {
        if (this.state !== 'handshaking' && this.state !== 'established')
            return;
        this.timers.set(TimerKind.LOSS_DETECTION, this.loss.timer(this.lossContext()));
        let ack;
        for (const s of this.spaces) {
            if (s.discarded)
                continue;
            const d = s.ack.ackDeadline();
            if (d !== undefined && (ack === undefined || d < ack))
                ack = d;
        }
        this.timers.set(TimerKind.ACK_DELAY, ack);
        void now;
    }
    lossContext() {
        return {
            handshakeConfirmed: this.handshakeConfirmed,
            peerAddressValidated: this.isServer || this.peerValidatedUs,
            hasHandshakeKeys: this.spaces[1].writeKeys !== undefined,
            isServer: this.isServer,
            amplificationLimited: !this.addressValidated && 3 * this.bytesReceivedUnvalidated - this.bytesSentUnvalidated < MIN_INITIAL_DATAGRAM,
        };
    }
    ptoPeriod() {
        return this.rtt.ptoBase() + 25_000;
    }
    idleTimeoutWithPto() {
        if (this.idleTimeout === 0)
            return 3_600_000_000;
        return Math.max(this.idleTimeout, 3 * this.ptoPeriod());
    }
    pushEventOnce(type) {
        for (const e of this.events)
            if (e.type === type)
                return;
        this.events.push({ type });
    }
    canUseStreams() {
        return this.peerParams !== undefined && (this.state === 'established' || this.state === 'handshaking');
    }
    assertUsable() {
        if (this.state === 'closing' || this.state === 'draining' || this.state === 'closed') {
            throw new TransportError(TransportErrorCode.NO_ERROR, 'connection is closed');
        }
    }
    /**
     * @internal test hook: sends `frame` (or raw frame bytes, written verbatim) in the next 1-RTT
     * packet without any checks, so tests can play a peer that breaks the protocol.
     */
    injectFrameForTest(frame) {
        this.testFrames.push(frame);
    }
    /**
     * Moves to the next connection ID the peer issued (retiring the current one). Returns false when
     * the peer has not issued a spare one. Used by tests; a path change would use it too.
     */
    switchRemoteConnectionId() {
        if (!this.handshakeConfirmed)
            return false;
        return this.cids.switchToNextRemote();
    }
    /** Whether any packet from the peer has been authenticated (decrypted) yet. */
    get hasReceivedPacket() {
        return this.receivedFirstPacket;
    }
    /** Diagnostic: packets held until their keys arrive (bounded). */
    get undecryptableBacklog() {
        return this.undecryptable.length;
    }
    get hasPendingEvents() {
        return this.events.length > 0;
    }
    /** Test/diagnostic: whether the pacer is holding data back. */
    get isPacingBlocked() {
        return this.pacingBlocked;
    }
    /** The error the connection closed with, once closed. */
    get closeReason() {
        return this.closeInfo;
    }
    /** Used by the endpoint: random bytes for tokens etc. share the connection's source. */
    get randomSource() {
        return this.random;
    }
}
//# sourceMappingURL=connection.js.map