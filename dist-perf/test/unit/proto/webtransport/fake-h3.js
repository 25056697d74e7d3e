import { H3SettingId } from '../../../../src/proto/h3/settings.js';
export class FakeH3 {
    isServer;
    peer;
    inbox = [];
    log = [];
    nextBidi;
    nextUni;
    /** QUIC stream limits for streams we open (remaining count). */
    bidiCredit = 1000;
    uniCredit = 1000;
    inbound = new Map();
    constructor(isServer) {
        this.isServer = isServer;
        this.nextBidi = isServer ? 1 : 0;
        this.nextUni = isServer ? 3 : 2;
    }
    static pair() {
        const c = new FakeH3(false);
        const s = new FakeH3(true);
        c.peer = s;
        s.peer = c;
        return [c, s];
    }
    /** Delivers `raw` as the SETTINGS this side receives from its peer. */
    receiveSettings(raw) {
        this.inbox.push({ type: 'settings', settings: { raw } });
    }
    sendRequest(headers) {
        if (this.bidiCredit <= 0)
            return undefined;
        this.bidiCredit--;
        const id = this.allocBidi();
        this.log.push({ op: 'request', streamId: id, headers });
        const protocol = headers.find(([n]) => n === ':protocol')?.[1];
        this.peer.inbox.push({ type: 'headers', streamId: id, headers, endStream: false, method: 'CONNECT', protocol, isExtendedConnect: protocol !== undefined });
        return id;
    }
    sendResponse(streamId, headers, endStream = false) {
        this.log.push({ op: 'response', streamId, headers, end: endStream });
        const status = Number(headers.find(([n]) => n === ':status')?.[1]);
        this.peer.inbox.push({ type: 'headers', streamId, headers, endStream, status, isExtendedConnect: false });
        if (endStream)
            this.peer.inbox.push({ type: 'requestFinished', streamId });
    }
    sendCapsule(streamId, type, value, endStream = false) {
        this.log.push({ op: 'capsule', streamId, type, value, end: endStream });
        this.peer.inbox.push({ type: 'capsule', streamId, capsuleType: type, value });
        if (endStream)
            this.peer.inbox.push({ type: 'requestFinished', streamId });
    }
    endStream(streamId) {
        this.log.push({ op: 'end', streamId });
        this.peer.inbox.push({ type: 'requestFinished', streamId });
    }
    sendHttpDatagram(streamId, payload) {
        if (payload.length > 1200)
            return 'too-large';
        this.log.push({ op: 'datagram', streamId, payload });
        this.peer.inbox.push({ type: 'httpDatagram', streamId, payload: payload.slice() });
        return 'queued';
    }
    maxHttpDatagramSize() {
        return 1200;
    }
    openWebTransportStream(sessionId, direction) {
        const credit = direction === 'bidi' ? this.bidiCredit : this.uniCredit;
        if (credit <= 0)
            return undefined;
        if (direction === 'bidi')
            this.bidiCredit--;
        else
            this.uniCredit--;
        const id = direction === 'bidi' ? this.allocBidi() : this.allocUni();
        this.log.push({ op: 'open', streamId: id, sessionId, direction });
        this.peer.inbox.push({ type: 'webTransportStream', sessionId, streamId: id, direction });
        if (direction === 'bidi')
            this.inbound.set(id, { chunks: [], fin: false });
        return id;
    }
    readRaw(streamId, maxBytes) {
        const s = this.inbound.get(streamId);
        if (s === undefined)
            return undefined;
        const head = s.chunks[0];
        if (head === undefined)
            return s.fin ? { data: new Uint8Array(0), fin: true } : undefined;
        let data = head;
        if (head.length > maxBytes) {
            data = head.subarray(0, maxBytes);
            s.chunks[0] = head.subarray(maxBytes);
        }
        else {
            s.chunks.shift();
        }
        return { data, fin: s.fin && s.chunks.length === 0 };
    }
    writeRaw(streamId, data, fin = false) {
        let s = this.peer.inbound.get(streamId);
        if (s === undefined) {
            s = { chunks: [], fin: false };
            this.peer.inbound.set(streamId, s);
        }
        if (data.length > 0)
            s.chunks.push(data.slice());
        if (fin)
            s.fin = true;
        this.peer.inbox.push({ type: 'rawReadable', streamId });
        return data.length;
    }
    resetStream(streamId, code) {
        this.log.push({ op: 'reset', streamId, code });
        this.peer.inbox.push({ type: 'streamReset', streamId, code: BigInt(code) });
    }
    stopSending(streamId, code) {
        this.log.push({ op: 'stop', streamId, code });
        this.peer.inbox.push({ type: 'streamStopped', streamId, code: BigInt(code) });
    }
    /** Registers an inbound stream the peer opened (so readRaw works before any data). */
    ensureInbound(streamId) {
        if (!this.inbound.has(streamId))
            this.inbound.set(streamId, { chunks: [], fin: false });
    }
    allocBidi() {
        const id = this.nextBidi;
        this.nextBidi += 4;
        return id;
    }
    allocUni() {
        const id = this.nextUni;
        this.nextUni += 4;
        return id;
    }
}
/** SETTINGS maps of real peers (webtransport-protocol.md §C.3, §C.7). */
export const CHROMIUM_156_SETTINGS = new Map([
    [H3SettingId.SETTINGS_QPACK_MAX_TABLE_CAPACITY, 65536],
    [H3SettingId.SETTINGS_MAX_FIELD_SECTION_SIZE, 16384],
    [H3SettingId.SETTINGS_QPACK_BLOCKED_STREAMS, 100],
    [H3SettingId.SETTINGS_H3_DATAGRAM, 1],
    [H3SettingId.SETTINGS_H3_DATAGRAM_DRAFT04, 1],
    [H3SettingId.SETTINGS_ENABLE_WEBTRANSPORT, 1],
]);
//# sourceMappingURL=fake-h3.js.map