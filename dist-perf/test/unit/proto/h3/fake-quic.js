import { H3Connection } from '../../../../src/proto/h3/connection.js';
/** mulberry32: small seeded PRNG for chunking decisions. */
export function prng(seed) {
    let a = seed >>> 0;
    return () => {
        a = (a + 0x6d2b79f5) >>> 0;
        let t = a;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}
export class FakeQuic {
    isServer;
    peer;
    maxDatagramSize = 1200;
    /** Per-stream bytes written and not yet read by the peer (Infinity: unlimited). */
    streamWindow = Infinity;
    /** Peer-granted stream limits (count of streams we may open). */
    maxBidi = Infinity;
    maxUni = Infinity;
    closed;
    events = [];
    recv = new Map();
    send = new Map();
    outbox = [];
    datagramsIn = [];
    /** Every STOP_SENDING / RESET_STREAM this side sent, for assertions. */
    stopsSent = [];
    resetsSent = [];
    openedBidi = 0;
    openedUni = 0;
    constructor(isServer) {
        this.isServer = isServer;
    }
    openStream(direction) {
        const bidi = direction === 'bidi';
        const count = bidi ? this.openedBidi : this.openedUni;
        if (count >= (bidi ? this.maxBidi : this.maxUni))
            return undefined;
        const id = count * 4 + (bidi ? 0 : 2) + (this.isServer ? 1 : 0);
        if (bidi)
            this.openedBidi++;
        else
            this.openedUni++;
        this.send.set(id, { inFlight: 0, wantsWritable: false, finished: false, stopped: undefined, reset: false });
        if (bidi)
            this.recv.set(id, { chunks: [], fin: false, finRead: false, stopped: false, reset: false });
        return id;
    }
    writeStream(streamId, data, fin = false) {
        if (this.closed)
            throw new Error('connection closed');
        const s = this.send.get(streamId);
        if (s === undefined)
            throw new Error(`stream ${streamId}: unknown or receive-only`);
        if (s.stopped !== undefined || s.reset)
            throw new Error(`stream ${streamId}: reset`);
        if (s.finished) {
            if (data.length === 0 && fin)
                return 0;
            throw new Error(`stream ${streamId}: finished`);
        }
        const n = Math.max(0, Math.min(data.length, this.streamWindow - s.inFlight));
        if (n < data.length)
            s.wantsWritable = true;
        const finNow = fin && n === data.length;
        if (n > 0 || finNow)
            this.outbox.push({ id: streamId, data: data.slice(0, n), fin: finNow });
        s.inFlight += n;
        if (finNow)
            s.finished = true;
        return n;
    }
    readStream(streamId, maxBytes) {
        const r = this.recv.get(streamId);
        if (r === undefined)
            throw new Error(`stream ${streamId}: unknown`);
        if (r.stopped || r.reset)
            return undefined;
        const head = r.chunks[0];
        if (head === undefined) {
            if (r.fin && !r.finRead) {
                r.finRead = true;
                return { data: new Uint8Array(0), fin: true };
            }
            return undefined;
        }
        let data = head;
        if (head.length > maxBytes) {
            data = head.subarray(0, maxBytes);
            r.chunks[0] = head.subarray(maxBytes);
        }
        else {
            r.chunks.shift();
        }
        this.peer.credit(streamId, data.length);
        const fin = r.fin && r.chunks.length === 0;
        if (fin)
            r.finRead = true;
        return { data, fin };
    }
    /** The peer read n bytes of our stream: reopen the window. */
    credit(streamId, n) {
        const s = this.send.get(streamId);
        if (s === undefined)
            return;
        s.inFlight -= n;
        if (s.wantsWritable && s.inFlight < this.streamWindow) {
            s.wantsWritable = false;
            this.events.push({ type: 'streamWritable', streamId });
        }
    }
    resetStream(streamId, code) {
        const s = this.send.get(streamId);
        if (s === undefined || s.reset)
            return;
        s.reset = true;
        this.resetsSent.push({ id: streamId, code });
        for (let i = this.outbox.length - 1; i >= 0; i--)
            if (this.outbox[i].id === streamId)
                this.outbox.splice(i, 1);
        this.peer.onReset(streamId, code);
    }
    stopStream(streamId, code) {
        const r = this.recv.get(streamId) ?? this.ensureRecv(streamId);
        if (r.stopped)
            return;
        r.stopped = true;
        r.chunks.length = 0;
        this.stopsSent.push({ id: streamId, code });
        this.peer.onStopped(streamId, code);
    }
    sendDatagram(data) {
        if (this.closed)
            return 'closed';
        if (data.length > this.maxDatagramSize)
            return 'too-large';
        this.peer.datagramsIn.push(data.slice());
        this.peer.events.push({ type: 'datagramsReadable' });
        return 'queued';
    }
    readDatagram() {
        return this.datagramsIn.shift();
    }
    close(_now, code = 0n, reason = '') {
        if (this.closed)
            return;
        this.closed = { code, reason, remote: false };
        this.events.push({ type: 'closed', info: { code, application: true, reason, remote: false, kind: 'close' } });
        if (!this.peer.closed) {
            this.peer.closed = { code, reason, remote: true };
            this.peer.events.push({ type: 'closed', info: { code, application: true, reason, remote: true, kind: 'close' } });
        }
    }
    ensureRecv(streamId) {
        let r = this.recv.get(streamId);
        if (r === undefined) {
            r = { chunks: [], fin: false, finRead: false, stopped: false, reset: false };
            this.recv.set(streamId, r);
            const uni = (streamId & 2) === 2;
            if (!uni && !this.send.has(streamId)) {
                this.send.set(streamId, { inFlight: 0, wantsWritable: false, finished: false, stopped: undefined, reset: false });
            }
            this.events.push({ type: 'streamOpened', streamId, direction: uni ? 'uni' : 'bidi' });
        }
        return r;
    }
    /** Bytes from the peer arrive. */
    receive(streamId, data, fin) {
        if (this.closed)
            return;
        const r = this.ensureRecv(streamId);
        if (r.stopped || r.reset) {
            this.peer.credit(streamId, data.length);
            return;
        }
        if (data.length > 0)
            r.chunks.push(data);
        if (fin)
            r.fin = true;
        this.events.push({ type: 'streamReadable', streamId });
    }
    onReset(streamId, code) {
        if (this.closed)
            return;
        const r = this.ensureRecv(streamId);
        if (r.reset)
            return;
        r.reset = true;
        r.chunks.length = 0;
        this.events.push({ type: 'streamReset', streamId, errorCode: code, finalSize: 0 });
    }
    onStopped(streamId, code) {
        if (this.closed)
            return;
        const s = this.send.get(streamId);
        if (s === undefined || s.stopped !== undefined)
            return;
        s.stopped = code;
        for (let i = this.outbox.length - 1; i >= 0; i--)
            if (this.outbox[i].id === streamId)
                this.outbox.splice(i, 1);
        this.events.push({ type: 'streamStopped', streamId, errorCode: code });
    }
    /** Raw bytes straight onto the wire (as a misbehaving peer would write them). */
    inject(streamId, data, fin = false) {
        if (!this.send.has(streamId))
            this.send.set(streamId, { inFlight: 0, wantsWritable: false, finished: false, stopped: undefined, reset: false });
        this.outbox.push({ id: streamId, data: Uint8Array.from(data), fin });
    }
}
/** Two FakeQuics wired together, plus the H3Connections driven by them. */
export class FakePair {
    client = new FakeQuic(false);
    server = new FakeQuic(true);
    clientEvents = [];
    serverEvents = [];
    h3Client;
    h3Server;
    now = 1_000;
    rng;
    maxChunk;
    constructor(options = {}) {
        this.client.peer = this.server;
        this.server.peer = this.client;
        this.rng = prng(options.seed ?? 1);
        this.maxChunk = options.maxChunk ?? 7;
    }
    /** Delivers everything in flight and feeds events to the H3 connections until both are quiet. */
    run(maxRounds = 100_000) {
        for (let round = 0; round < maxRounds; round++) {
            let busy = this.deliver(this.client, this.server);
            busy = this.deliver(this.server, this.client) || busy;
            busy = this.drain(this.client, this.h3Client, this.clientEvents) || busy;
            busy = this.drain(this.server, this.h3Server, this.serverEvents) || busy;
            if (!busy)
                return;
        }
        throw new Error('FakePair did not settle');
    }
    deliver(from, to) {
        if (from.outbox.length === 0)
            return false;
        const items = from.outbox.splice(0);
        for (const { id, data, fin } of items) {
            let off = 0;
            if (data.length === 0)
                to.receive(id, data, fin);
            while (off < data.length) {
                const n = 1 + Math.floor(this.rng() * this.maxChunk);
                const end = Math.min(data.length, off + n);
                to.receive(id, data.subarray(off, end), fin && end === data.length);
                off = end;
            }
        }
        return true;
    }
    drain(q, h3, sink) {
        let busy = false;
        for (let ev = q.events.shift(); ev !== undefined; ev = q.events.shift()) {
            busy = true;
            this.now += 10;
            h3?.handleQuicEvent(ev, this.now);
        }
        if (h3 !== undefined) {
            for (let e = h3.pollEvent(); e !== undefined; e = h3.pollEvent()) {
                busy = true;
                sink.push(e);
            }
        }
        return busy;
    }
}
const seededRandom = (seed) => {
    let x = seed;
    return {
        fill(out) {
            for (let i = 0; i < out.length; i++) {
                x = (x * 1103515245 + 12345) >>> 0;
                out[i] = x >>> 24;
            }
            return out;
        },
    };
};
export function setup(opts = {}) {
    const pair = new FakePair({ seed: opts.seed ?? 1, ...(opts.maxChunk !== undefined ? { maxChunk: opts.maxChunk } : {}) });
    const client = new H3Connection(pair.client, { isServer: false, random: seededRandom(7), ...opts.client });
    const server = new H3Connection(pair.server, { isServer: true, random: seededRandom(9), ...opts.server });
    pair.h3Client = client;
    pair.h3Server = server;
    pair.client.events.push({ type: 'handshakeCompleted', alpn: 'h3', resumed: false });
    pair.server.events.push({ type: 'handshakeCompleted', alpn: 'h3', resumed: false });
    pair.run();
    return { pair, client, server };
}
export function take(events, type) {
    return events.filter((e) => e.type === type);
}
/** Reads a whole body through readData (pull model), driving the pair as needed. */
export function readBody(s, side, streamId, max = 1 << 20) {
    const h3 = side === 'client' ? s.client : s.server;
    const parts = [];
    let fin = false;
    for (let guard = 0; guard < 1_000_000 && !fin; guard++) {
        const r = h3.readData(streamId, max);
        if (r === undefined) {
            const before = s.pair.client.outbox.length + s.pair.server.outbox.length;
            s.pair.run();
            if (before === 0 && h3.readData(streamId, 0) === undefined && guard > 3)
                break;
            continue;
        }
        if (r.data.length)
            parts.push(r.data.slice());
        fin = r.fin;
    }
    s.pair.run(); // hand over the events reading produced (requestFinished)
    return { body: Buffer.concat(parts), fin };
}
//# sourceMappingURL=fake-quic.js.map