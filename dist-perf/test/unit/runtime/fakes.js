export class FakeConnection {
    static nextHandle = 1;
    handle = FakeConnection.nextHandle++;
    isServer;
    remote;
    state = 'handshaking';
    alpn = 'echo';
    maxDatagramSize = 1200;
    streams = new Map();
    datagramsOut = [];
    datagramsIn = [];
    calls = [];
    readStreamCalls = 0;
    streamLimit = { bidi: 100, uni: 100 };
    defaultSendCapacity = Number.MAX_SAFE_INTEGER;
    closedWith;
    #opened = { bidi: 0, uni: 0 };
    #emit;
    constructor(isServer, remote, emit) {
        this.isServer = isServer;
        this.remote = remote;
        this.#emit = emit;
    }
    emit(event) {
        this.#emit(this, event);
    }
    stream(id) {
        let s = this.streams.get(id);
        if (!s) {
            s = { recv: [], recvFin: false, sendCapacity: this.defaultSendCapacity, sent: [], finSent: false };
            this.streams.set(id, s);
        }
        return s;
    }
    openStream(direction) {
        if (this.#opened[direction] >= this.streamLimit[direction])
            return undefined;
        const id = this.#opened[direction]++ * 4 + (direction === 'uni' ? 2 : 0) + (this.isServer ? 1 : 0);
        this.stream(id);
        return id;
    }
    writeStream(streamId, data, fin = false) {
        const s = this.stream(streamId);
        if (s.finSent || s.reset !== undefined)
            throw new Error('stream send side is closed');
        const n = Math.min(data.length, s.sendCapacity);
        s.sendCapacity -= n;
        for (let i = 0; i < n; i++)
            s.sent.push(data[i]);
        if (fin && n === data.length)
            s.finSent = true;
        return n;
    }
    readStream(streamId, maxBytes) {
        this.readStreamCalls++;
        const s = this.stream(streamId);
        const head = s.recv[0];
        if (head === undefined)
            return s.recvFin ? { data: new Uint8Array(0), fin: true } : undefined;
        if (head.length > maxBytes) {
            s.recv[0] = head.subarray(maxBytes);
            return { data: head.subarray(0, maxBytes), fin: false };
        }
        s.recv.shift();
        return { data: head, fin: s.recv.length === 0 && s.recvFin };
    }
    resetStream(streamId, code) {
        this.stream(streamId).reset = code;
        this.calls.push(`reset ${streamId} ${code}`);
    }
    stopStream(streamId, code) {
        this.stream(streamId).stopped = code;
        this.calls.push(`stop ${streamId} ${code}`);
    }
    sendDatagram(data) {
        if (this.state === 'closed')
            return 'closed';
        if (this.maxDatagramSize === 0)
            return 'unsupported';
        if (data.length > this.maxDatagramSize)
            return 'too-large';
        this.datagramsOut.push(data);
        return 'queued';
    }
    readDatagram() {
        return this.datagramsIn.shift();
    }
    initiateKeyUpdate(_now) {
        return false;
    }
    close(_now, code, reason) {
        this.closedWith = { code, reason };
        this.state = 'closing';
    }
    stats() {
        return {
            smoothedRttMicros: 1000, minRttMicros: 900, latestRttMicros: 1000, rttVarianceMicros: 10, congestionWindow: 12000,
            bytesInFlight: 0, packetsSent: 1, packetsReceived: 2, packetsLost: 0, datagramsSent: 1, datagramsReceived: 2,
            bytesSent: 3, bytesReceived: 4, ptoCount: 0, decryptionFailures: 0, retries: 0, streams: {}, datagrams: {},
        };
    }
}
/** A fake Endpoint: tests queue its events, transmits and deadline, and inspect the inputs it got. */
export class FakeEndpoint {
    events = [];
    transmits = [];
    received = [];
    timeoutsHandled = [];
    connections = [];
    deadline;
    connectionCount = 0;
    /** Called on every handleDatagram (e.g. to accept a connection or answer). */
    onDatagram;
    onTimeout;
    emit = (connection, event) => {
        this.events.push({ type: 'connection', connection, event });
    };
    newConnection(isServer, remote) {
        const c = new FakeConnection(isServer, remote, this.emit);
        this.connections.push(c);
        this.connectionCount++;
        return c;
    }
    connect(_now, remote, _options) {
        return this.newConnection(false, remote);
    }
    handleDatagram(now, data, remote) {
        this.received.push({ now, bytes: data.slice(), remote });
        this.onDatagram?.(data, remote);
    }
    pollTransmit(_now, out) {
        const t = this.transmits.shift();
        if (!t)
            return undefined;
        out.set(t.bytes);
        return { size: t.bytes.length, remote: t.remote };
    }
    pollTimeout() {
        return this.deadline;
    }
    handleTimeout(now) {
        this.timeoutsHandled.push(now);
        this.onTimeout?.(now);
    }
    pollEvent() {
        return this.events.shift();
    }
}
export class FakeClock {
    t = 1_000_000;
    now() {
        return this.t;
    }
}
export class FakeTimers {
    armed = new Map();
    history = [];
    #next = 1;
    setTimer(callback, delayMs) {
        const id = this.#next++;
        this.armed.set(id, { callback, delayMs });
        this.history.push(delayMs);
        return id;
    }
    clearTimer(handle) {
        this.armed.delete(handle);
    }
    /** Fires every armed timer (as if their delays elapsed). */
    fireAll() {
        const due = [...this.armed.entries()];
        this.armed.clear();
        for (const [, t] of due)
            t.callback();
    }
}
/** An in-memory socket: records sends, completes them when the test says so, injects receives. */
export class FakeSocket {
    sent = [];
    pendingCallbacks = [];
    closed = false;
    #onMessage;
    bind(port, address) {
        return Promise.resolve({ address, port: port || 40000 });
    }
    send(data, offset, length, remote, callback) {
        this.sent.push({ bytes: data.slice(offset, offset + length), remote, buffer: data });
        if (callback)
            this.pendingCallbacks.push(callback);
    }
    completeSends(n = this.pendingCallbacks.length) {
        for (const cb of this.pendingCallbacks.splice(0, n))
            cb(null);
    }
    onMessage(handler) {
        this.#onMessage = handler;
    }
    onError() { }
    deliver(data, remote) {
        this.#onMessage?.(data, remote);
    }
    address() {
        return { address: '127.0.0.1', port: 40000 };
    }
    close() {
        this.closed = true;
        return Promise.resolve();
    }
}
/** Lets setImmediate-scheduled flushes and pending Promise callbacks run. */
export function turn() {
    return new Promise((resolve) => setImmediate(resolve));
}
//# sourceMappingURL=fakes.js.map