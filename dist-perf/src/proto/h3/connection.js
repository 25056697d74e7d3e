import { encodeCapsule } from './capsule.js';
import { encodeControlStreamPreamble, localSettingsList, PeerControlState } from './control-stream.js';
import { H3Error, H3ErrorCode, randomReservedH3Code } from './errors.js';
import { ConnectProtocol, isSuccessfulConnectStatus } from './extended-connect.js';
import { encodeDataFrame, encodeGoawayFrame, encodeHeadersFrame, H3FrameReader } from './frames.js';
import { isInformationalStatus, validateRequestHeaders, validateResponseHeaders, validateTrailers, } from './header-validation.js';
import { decodeHttpDatagram, encodeHttpDatagram, httpDatagramPrefixSize } from './http-datagram.js';
import { OutboundStream } from './outbound-stream.js';
import { QpackDecoder, QpackEncoder, QpackError } from './qpack/index.js';
import { isServerInitiated, isUniStream } from './quic-connection-like.js';
import { RequestStream, safeRead, StreamAbort } from './request-stream.js';
import { H3SettingId, viewSettings } from './settings.js';
import { bidiStreamHeaderReader, encodeUniStreamHeader, encodeWebTransportBidiHeader, encodeWebTransportUniHeader, uniStreamHeaderReader, } from './stream-types.js';
const WT_SETTING_IDS = new Set([
    H3SettingId.SETTINGS_ENABLE_WEBTRANSPORT, H3SettingId.SETTINGS_WEBTRANSPORT_MAX_SESSIONS,
    H3SettingId.SETTINGS_WT_MAX_SESSIONS, H3SettingId.SETTINGS_WT_ENABLED,
]);
const DEFAULT_CAPSULE_PROTOCOLS = [ConnectProtocol.WEBTRANSPORT, ConnectProtocol.WEBTRANSPORT_H3, ConnectProtocol.CONNECT_UDP];
const UNI_READ_CHUNK = 16 * 1024;
const EMPTY = new Uint8Array(0);
export class H3Connection {
    quic;
    isServer;
    now = 0;
    encoder;
    decoder;
    settingsList;
    localExtendedConnect;
    localH3Datagram;
    webTransportEnabled;
    maxFieldSectionSize;
    highWater;
    random;
    greaseStream;
    ctx;
    events = [];
    eventHead = 0;
    started = false;
    terminated = false;
    closedEmitted = false;
    // Our critical streams (undefined until opened) and bytes waiting for them.
    control;
    encoderStream;
    decoderStream;
    greaseOpened = false;
    encoderBacklog = [];
    decoderBacklog = [];
    // The peer's critical streams.
    peerControlId;
    peerEncoderId;
    peerDecoderId;
    peerControl;
    peerSettingsView;
    requests = new Map();
    outbound = new Map();
    raws = new Map();
    peerUni = new Map();
    peerBidiHeaders = new Map();
    /** Server: highest request stream id accepted; the GOAWAY we sent (first id we refuse). */
    maxPeerRequestId = -4;
    goawaySent;
    constructor(quic, options) {
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
        const capsuleProtocols = new Set(options.capsuleProtocols ?? DEFAULT_CAPSULE_PROTOCOLS);
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
    get peerSettings() {
        return this.peerSettingsView;
    }
    /** The GOAWAY id the peer sent, if any. */
    get peerGoawayId() {
        return this.peerControl.goawayId;
    }
    get isClosed() {
        return this.terminated;
    }
    /** QPACK state, for diagnostics and tests. */
    get qpackStats() {
        return { encoderInsertCount: this.encoder.insertCount, decoderInsertCount: this.decoder.insertCount, blockedStreams: this.decoder.blockedStreamCount };
    }
    /** Largest HTTP datagram payload for a stream right now (0 when datagrams are unavailable). */
    maxHttpDatagramSize(streamId) {
        return Math.max(0, this.quic.maxDatagramSize - httpDatagramPrefixSize(streamId));
    }
    pollEvent() {
        if (this.eventHead >= this.events.length)
            return undefined;
        const ev = this.events[this.eventHead++];
        if (this.eventHead > 64 && this.eventHead * 2 > this.events.length) {
            this.events.splice(0, this.eventHead);
            this.eventHead = 0;
        }
        return ev;
    }
    // ------------------------------------------------------------------ input
    /** Opens our control and QPACK streams (also done on handshakeCompleted). */
    start(now) {
        if (now !== undefined)
            this.now = now;
        this.started = true;
        this.guard(() => this.openCriticalStreams());
    }
    handleQuicEvent(ev, now) {
        this.now = now;
        if (ev.type === 'closed') {
            if (!this.closedEmitted)
                this.emit({ type: 'closed', code: ev.info.code, reason: ev.info.reason, remote: ev.info.remote });
            this.closedEmitted = true;
            this.terminated = true;
            return;
        }
        if (this.terminated)
            return;
        this.guard(() => this.dispatch(ev));
    }
    dispatch(ev) {
        switch (ev.type) {
            case 'handshakeCompleted':
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
                if (this.started)
                    this.openCriticalStreams();
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
    guard(fn) {
        try {
            fn();
        }
        catch (e) {
            if (e instanceof H3Error)
                this.fail(e.code, e.reason);
            else if (e instanceof QpackError)
                this.fail(e.code, e.message);
            else if (e instanceof StreamAbort)
                this.fail(e.code, e.message); // only from a critical path
            else
                this.fail(H3ErrorCode.H3_INTERNAL_ERROR, e instanceof Error ? e.message : String(e));
        }
    }
    // ------------------------------------------------------------------ our critical streams
    openCriticalStreams() {
        if (this.control === undefined) {
            const id = this.quic.openStream('uni');
            if (id === undefined)
                return;
            this.control = this.openOutbound(id, encodeControlStreamPreamble(this.settingsList, this.random));
        }
        if (this.encoderStream === undefined) {
            const id = this.quic.openStream('uni');
            if (id === undefined)
                return;
            this.encoderStream = this.openOutbound(id, encodeUniStreamHeader({ kind: 'qpackEncoder' }));
            for (const b of this.encoderBacklog.splice(0))
                this.encoderStream.enqueue(this.quic, b);
        }
        if (this.decoderStream === undefined) {
            const id = this.quic.openStream('uni');
            if (id === undefined)
                return;
            this.decoderStream = this.openOutbound(id, encodeUniStreamHeader({ kind: 'qpackDecoder' }));
            for (const b of this.decoderBacklog.splice(0))
                this.decoderStream.enqueue(this.quic, b);
        }
        if (this.greaseStream && !this.greaseOpened) {
            const id = this.quic.openStream('uni');
            if (id === undefined)
                return;
            this.greaseOpened = true;
            const rng = this.random;
            const type = encodeUniStreamHeader({ kind: 'unknown', streamType: randomReservedH3Code(rng), reserved: true });
            const body = rng.fill(new Uint8Array(rng.fill(new Uint8Array(1))[0] % 16));
            new OutboundStream(id).enqueue(this.quic, concat(type, body), true);
        }
    }
    openOutbound(id, first) {
        const out = new OutboundStream(id);
        this.outbound.set(id, out);
        out.enqueue(this.quic, first);
        return out;
    }
    flushEncoderStream() {
        const bytes = this.encoder.pollEncoderStream();
        if (bytes === undefined)
            return;
        if (this.encoderStream === undefined)
            this.encoderBacklog.push(bytes);
        else
            this.encoderStream.enqueue(this.quic, bytes);
    }
    flushDecoderStream() {
        const bytes = this.decoder.pollDecoderStream();
        if (bytes === undefined)
            return;
        if (this.decoderStream === undefined)
            this.decoderBacklog.push(bytes);
        else
            this.decoderStream.enqueue(this.quic, bytes);
    }
    isLocalCritical(id) {
        return id === this.control?.id || id === this.encoderStream?.id || id === this.decoderStream?.id;
    }
    isPeerCritical(id) {
        return id === this.peerControlId || id === this.peerEncoderId || id === this.peerDecoderId;
    }
    // ------------------------------------------------------------------ incoming streams
    onReadable(id) {
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
        if (this.isServer)
            this.acceptRequestStream(id);
        else
            this.readServerBidi(id);
    }
    /** Server: a new client bidi stream is a request (or a WebTransport stream). */
    acceptRequestStream(id) {
        if (this.goawaySent !== undefined && id >= this.goawaySent) {
            // Beyond our GOAWAY: not processed, the client may retry elsewhere (RFC 9114 §5.2).
            this.quic.stopStream(id, BigInt(H3ErrorCode.H3_REQUEST_REJECTED));
            this.quic.resetStream(id, BigInt(H3ErrorCode.H3_REQUEST_REJECTED));
            return;
        }
        if (id > this.maxPeerRequestId)
            this.maxPeerRequestId = id;
        const s = new RequestStream(id, this.highWater, this.maxFieldSectionSize, this.webTransportEnabled);
        s.quicReadable = true;
        this.requests.set(id, s);
        this.outbound.set(id, new OutboundStream(id));
        this.pumpRequest(s);
    }
    /** Client: a server-initiated bidi stream must be a WebTransport stream (RFC 9114 §6.1). */
    readServerBidi(id) {
        let hr = this.peerBidiHeaders.get(id);
        if (hr === undefined) {
            hr = bidiStreamHeaderReader();
            this.peerBidiHeaders.set(id, hr);
        }
        for (;;) {
            const got = safeRead(this.quic, id, 16);
            if (got === undefined)
                return;
            const header = hr.push(got.data);
            if (header === undefined) {
                if (got.fin)
                    this.peerBidiHeaders.delete(id);
                if (got.fin || got.data.length === 0)
                    return;
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
    pumpRequest(s) {
        try {
            const r = s.pump(this.quic, this.ctx);
            if (r !== undefined)
                this.startRaw(s.id, r.webTransportSessionId, 'bidi', s.takeRaw(), false, s);
        }
        catch (e) {
            if (e instanceof StreamAbort)
                this.abortStream(s.id, e.code, e.message);
            else
                throw e;
        }
    }
    /** Hands a WebTransport stream to the layer above; its payload is read with readRaw(). */
    startRaw(id, sessionId, direction, leftover, fin, from) {
        if (from !== undefined)
            this.requests.delete(id);
        const kept = leftover.filter((b) => b.length > 0);
        this.raws.set(id, { sessionId, leftover: kept, fin });
        this.emit({ type: 'webTransportStream', sessionId, streamId: id, direction });
        this.emit({ type: 'rawReadable', streamId: id });
    }
    readPeerUni(u) {
        for (;;) {
            if (u.kind === 'webtransport' || u.kind === 'discard')
                return;
            const got = safeRead(this.quic, u.id, UNI_READ_CHUNK);
            if (got === undefined)
                return;
            let data = got.data;
            if (u.kind === undefined) {
                const header = u.header.push(data);
                if (header === undefined) {
                    if (got.fin)
                        this.peerUni.delete(u.id);
                    if (got.fin || data.length === 0)
                        return;
                    continue;
                }
                data = u.header.remainder;
                if (this.assignUni(u, header, data, got.fin))
                    return;
            }
            if (data.length > 0)
                this.onUniData(u, data);
            if (got.fin) {
                if (this.isPeerCritical(u.id))
                    throw new H3Error(H3ErrorCode.H3_CLOSED_CRITICAL_STREAM, `critical stream ${u.id} ended`);
                this.peerUni.delete(u.id);
                return;
            }
            if (got.data.length === 0)
                return;
        }
    }
    /** Sets up a peer uni stream by its type; true when its bytes are no longer ours to read. */
    assignUni(u, header, rest, fin) {
        switch (header.kind) {
            case 'control':
                if (this.peerControlId !== undefined)
                    throw new H3Error(H3ErrorCode.H3_STREAM_CREATION_ERROR, 'second control stream');
                this.peerControlId = u.id;
                u.frames = new H3FrameReader({ kind: 'control' });
                break;
            case 'qpackEncoder':
                if (this.peerEncoderId !== undefined)
                    throw new H3Error(H3ErrorCode.H3_STREAM_CREATION_ERROR, 'second QPACK encoder stream');
                this.peerEncoderId = u.id;
                break;
            case 'qpackDecoder':
                if (this.peerDecoderId !== undefined)
                    throw new H3Error(H3ErrorCode.H3_STREAM_CREATION_ERROR, 'second QPACK decoder stream');
                this.peerDecoderId = u.id;
                break;
            case 'push':
                // Only servers push, and only up to a MAX_PUSH_ID we never send.
                if (this.isServer)
                    throw new H3Error(H3ErrorCode.H3_STREAM_CREATION_ERROR, 'push stream from a client');
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
    discardUni(u) {
        u.kind = 'discard';
        this.peerUni.delete(u.id);
        this.quic.stopStream(u.id, BigInt(H3ErrorCode.H3_STREAM_CREATION_ERROR));
    }
    onUniData(u, data) {
        switch (u.kind) {
            case 'control': {
                const frames = u.frames;
                frames.push(data);
                for (let f = frames.next(); f !== undefined; f = frames.next()) {
                    const action = this.peerControl.handleFrame(f);
                    if (action === undefined)
                        continue;
                    if (action.type === 'settings')
                        this.onPeerSettings(action.settings);
                    else
                        this.emit({ type: 'goaway', id: action.id });
                }
                return;
            }
            case 'qpackEncoder':
                this.decoder.handleEncoderStream(data);
                this.flushDecoderStream();
                for (const id of this.decoder.unblockedStreams()) {
                    const s = this.requests.get(id);
                    if (s === undefined)
                        continue;
                    try {
                        const r = s.resume(this.quic, this.ctx);
                        if (r !== undefined)
                            this.startRaw(s.id, r.webTransportSessionId, 'bidi', s.takeRaw(), false, s);
                    }
                    catch (e) {
                        if (e instanceof StreamAbort)
                            this.abortStream(s.id, e.code, e.message);
                        else
                            throw e;
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
    onPeerSettings(settings) {
        const view = viewSettings(settings);
        // RFC 9297 §2.1.1: H3_DATAGRAM = 1 needs the QUIC max_datagram_frame_size transport parameter.
        if (settings.get(H3SettingId.SETTINGS_H3_DATAGRAM) === 1 && this.quic.maxDatagramSize === 0) {
            throw new H3Error(H3ErrorCode.H3_SETTINGS_ERROR, 'SETTINGS_H3_DATAGRAM without QUIC datagram support');
        }
        const wt = [];
        if (settings.get(H3SettingId.SETTINGS_ENABLE_WEBTRANSPORT) === 1)
            wt.push('draft02');
        if ((settings.get(H3SettingId.SETTINGS_WEBTRANSPORT_MAX_SESSIONS) ?? 0) > 0)
            wt.push('draft07');
        if ((settings.get(H3SettingId.SETTINGS_WT_MAX_SESSIONS) ?? 0) > 0)
            wt.push('draft13');
        if (settings.get(H3SettingId.SETTINGS_WT_ENABLED) === 1)
            wt.push('draft15');
        this.peerSettingsView = { ...view, raw: settings, webTransport: wt };
        this.encoder.setPeerSettings({ maxTableCapacity: view.qpackMaxTableCapacity, blockedStreams: view.qpackBlockedStreams });
        this.flushEncoderStream();
        this.emit({ type: 'settings', settings: this.peerSettingsView });
    }
    decodeFieldSection(id, section) {
        try {
            const r = this.decoder.decodeFieldSection(id, section);
            return r.blocked ? undefined : r.headers;
        }
        finally {
            this.flushDecoderStream();
        }
    }
    onWritable(id) {
        const out = this.outbound.get(id);
        if (out === undefined)
            return;
        out.flush(this.quic);
        if (!this.isLocalCritical(id) && out.idle)
            this.emit({ type: 'streamWritable', streamId: id });
    }
    onPeerReset(id, code) {
        if (this.isPeerCritical(id))
            throw new H3Error(H3ErrorCode.H3_CLOSED_CRITICAL_STREAM, `critical stream ${id} reset`);
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
    onPeerStopped(id, code) {
        if (this.isLocalCritical(id))
            throw new H3Error(H3ErrorCode.H3_CLOSED_CRITICAL_STREAM, `peer stopped our critical stream ${id}`);
        const out = this.outbound.get(id);
        if (out !== undefined)
            out.aborted = true;
        if (this.requests.has(id) || this.raws.has(id) || out !== undefined)
            this.emit({ type: 'streamStopped', streamId: id, code });
    }
    /** QUIC forgot the stream: drop what we keep for it (critical streams never get here). */
    forget(id) {
        if (this.isLocalCritical(id) || this.isPeerCritical(id))
            return;
        const s = this.requests.get(id);
        // Keep a stream whose buffered body the application has not read yet (readData drops it).
        if (s !== undefined && s.bufferedBytes > 0) {
            s.quicGone = true;
            return;
        }
        this.requests.delete(id);
        this.outbound.delete(id);
        const raw = this.raws.get(id);
        if (raw === undefined || raw.leftover.length === 0)
            this.raws.delete(id);
        this.peerUni.delete(id);
        this.peerBidiHeaders.delete(id);
    }
    /** Stream Cancellation (RFC 9204 §4.4.2) when a request's field sections will never be decoded. */
    cancelSections(s) {
        if (s.sectionsPending) {
            this.decoder.cancelStream(s.id);
            this.flushDecoderStream();
        }
    }
    onDatagrams() {
        for (let d = this.quic.readDatagram(); d !== undefined; d = this.quic.readDatagram()) {
            if (!this.localH3Datagram)
                continue; // not negotiated: not ours to interpret
            const { streamId, payload } = decodeHttpDatagram(d);
            this.emit({ type: 'httpDatagram', streamId, payload });
        }
    }
    // ------------------------------------------------------------------ errors
    /** Closes the connection with an H3 error code (once). */
    fail(code, reason) {
        if (this.terminated)
            return;
        this.terminated = true;
        this.quic.close(this.now, BigInt(code), reason);
        this.emit({ type: 'connectionError', code, reason });
    }
    /** A stream error: reset our side, stop the peer's, and report it. */
    abortStream(id, code, reason) {
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
    emit(ev) {
        this.events.push(ev);
    }
    // ------------------------------------------------------------------ commands: requests
    /**
     * Client: opens a request stream and sends its HEADERS. Returns undefined while QUIC's stream
     * limit is reached (retry on streamsAvailable). Throws H3Error(H3_MESSAGE_ERROR) for invalid
     * headers, H3Error(H3_REQUEST_REJECTED) after the server's GOAWAY.
     */
    sendRequest(headers, options = {}) {
        if (this.isServer)
            throw new H3Error(H3ErrorCode.H3_INTERNAL_ERROR, 'sendRequest on a server');
        this.assertOpen();
        if (this.peerControl.goawayId !== undefined)
            throw new H3Error(H3ErrorCode.H3_REQUEST_REJECTED, 'the server sent GOAWAY');
        const p = validateRequestHeaders(headers, { extendedConnectEnabled: true });
        if (p.protocol !== undefined && this.peerSettingsView?.enableConnectProtocol !== true && !this.peerSettingsView?.webTransport.includes('draft02')) {
            throw new H3Error(H3ErrorCode.H3_REQUEST_REJECTED, 'the server did not enable extended CONNECT');
        }
        const id = this.quic.openStream('bidi');
        if (id === undefined)
            return undefined;
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
    sendResponse(streamId, headers, endStream = false) {
        this.assertOpen();
        const s = this.requests.get(streamId);
        const out = this.outbound.get(streamId);
        if (!this.isServer || s === undefined || out === undefined)
            throw new H3Error(H3ErrorCode.H3_INTERNAL_ERROR, `no request stream ${streamId}`);
        const { status } = validateResponseHeaders(headers);
        this.writeHeaders(out, headers, endStream);
        if (!isInformationalStatus(status) && s.isExtendedConnect && this.ctx.capsuleProtocols.has(s.protocol) && isSuccessfulConnectStatus(status)) {
            // Capsules the client sent before our 2xx are parsed only now (WT16 §5.3).
            try {
                s.startCapsules(this.ctx);
                this.pumpRequest(s);
            }
            catch (e) {
                if (e instanceof StreamAbort)
                    this.abortStream(streamId, e.code, e.message);
                else
                    throw e;
            }
        }
    }
    /** Sends trailers and ends the stream. */
    sendTrailers(streamId, headers) {
        this.assertOpen();
        validateTrailers(headers);
        const out = this.outbound.get(streamId);
        if (out === undefined)
            throw new H3Error(H3ErrorCode.H3_INTERNAL_ERROR, `no stream ${streamId}`);
        this.writeHeaders(out, headers, true);
    }
    /**
     * Sends body bytes in DATA frames; returns how many QUIC accepted. When short, wait for
     * streamWritable and continue with data.subarray(accepted) (the DATA frame already announced them).
     */
    sendData(streamId, data, endStream = false) {
        const out = this.outbound.get(streamId);
        if (out === undefined || this.terminated)
            return 0;
        return out.writeData(this.quic, data, endStream);
    }
    /** Ends the body (FIN) without more bytes. */
    endStream(streamId) {
        this.outbound.get(streamId)?.enqueue(this.quic, EMPTY, true);
    }
    /** A capsule inside one DATA frame on a CONNECT stream (always queued whole). */
    sendCapsule(streamId, type, value, endStream = false) {
        const out = this.outbound.get(streamId);
        if (out === undefined || this.terminated)
            return;
        out.enqueue(this.quic, encodeDataFrame(encodeCapsule(type, value)), endStream);
    }
    /** An HTTP datagram (RFC 9297) for the request stream `streamId`. */
    sendHttpDatagram(streamId, payload) {
        if (this.terminated)
            return 'closed';
        if (!this.localH3Datagram || this.peerSettingsView?.h3Datagram !== true)
            return 'unsupported';
        return this.quic.sendDatagram(encodeHttpDatagram(streamId, payload));
    }
    /** Pulls received body bytes (a view); fin once the body is complete. undefined: nothing yet. */
    readData(streamId, maxBytes) {
        const s = this.requests.get(streamId);
        if (s === undefined)
            return undefined;
        const r = s.readData(maxBytes, this.ctx);
        if (!s.closed)
            this.guard(() => this.pumpRequest(s));
        s.afterRead(this.ctx);
        if (s.quicGone && s.bufferedBytes === 0) {
            this.requests.delete(streamId);
            this.outbound.delete(streamId);
        }
        return r;
    }
    /** Resets our sending side (RESET_STREAM with an H3 code). */
    resetStream(streamId, code) {
        const out = this.outbound.get(streamId);
        if (out !== undefined)
            out.aborted = true;
        this.quic.resetStream(streamId, BigInt(code));
    }
    /** Stops the peer's sending side (STOP_SENDING) and drops what we buffered. */
    stopSending(streamId, code) {
        const s = this.requests.get(streamId);
        if (s !== undefined) {
            this.cancelSections(s);
            s.abandon();
        }
        this.raws.delete(streamId);
        this.quic.stopStream(streamId, BigInt(code));
    }
    writeHeaders(out, headers, endStream) {
        const limit = this.peerSettingsView?.maxFieldSectionSize ?? Infinity;
        if (Number.isFinite(limit)) {
            let size = 0;
            for (const [n, v] of headers)
                size += n.length + v.length + 32;
            if (size > limit)
                throw new H3Error(H3ErrorCode.H3_EXCESSIVE_LOAD, `field section of ${size} bytes exceeds the peer's limit ${limit}`);
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
    sendGoaway() {
        if (this.control === undefined || this.terminated)
            return;
        let id = 0;
        if (this.isServer) {
            id = this.maxPeerRequestId + 4;
            if (this.goawaySent !== undefined)
                id = Math.min(id, this.goawaySent);
            this.goawaySent = id;
        }
        this.control.enqueue(this.quic, encodeGoawayFrame(id));
    }
    /** Closes the QUIC connection with an H3 code (default H3_NO_ERROR). */
    close(code = H3ErrorCode.H3_NO_ERROR, reason = '', now) {
        if (now !== undefined)
            this.now = now;
        if (this.terminated)
            return;
        this.terminated = true;
        this.quic.close(this.now, BigInt(code), reason);
    }
    assertOpen() {
        if (this.terminated)
            throw new H3Error(H3ErrorCode.H3_INTERNAL_ERROR, 'connection closed');
    }
    // ------------------------------------------------------------------ commands: WebTransport
    /** Opens a WebTransport stream for a session and writes its 0x41 / 0x54 header. */
    openWebTransportStream(sessionId, direction) {
        this.assertOpen();
        const id = this.quic.openStream(direction);
        if (id === undefined)
            return undefined;
        const header = direction === 'bidi' ? encodeWebTransportBidiHeader(sessionId) : encodeWebTransportUniHeader(sessionId);
        this.openOutbound(id, header);
        if (direction === 'bidi')
            this.raws.set(id, { sessionId, leftover: [], fin: false });
        return id;
    }
    /** Reads a WebTransport stream's payload (no H3 framing); fin at its end. */
    readRaw(streamId, maxBytes) {
        const raw = this.raws.get(streamId);
        if (raw === undefined)
            return undefined;
        const head = raw.leftover[0];
        if (head !== undefined) {
            let data = head;
            if (head.length > maxBytes) {
                data = head.subarray(0, maxBytes);
                raw.leftover[0] = head.subarray(maxBytes);
            }
            else {
                raw.leftover.shift();
            }
            return { data, fin: raw.fin && raw.leftover.length === 0 };
        }
        if (raw.fin)
            return { data: EMPTY, fin: true };
        const r = safeRead(this.quic, streamId, maxBytes);
        if (r?.fin)
            raw.fin = true;
        return r;
    }
    /** Writes a WebTransport stream's payload; returns the bytes QUIC accepted. */
    writeRaw(streamId, data, fin = false) {
        const out = this.outbound.get(streamId);
        if (out === undefined || this.terminated)
            return 0;
        return out.writeRaw(this.quic, data, fin);
    }
}
function concat(a, b) {
    const out = new Uint8Array(a.length + b.length);
    out.set(a);
    out.set(b, a.length);
    return out;
}
//# sourceMappingURL=connection.js.map