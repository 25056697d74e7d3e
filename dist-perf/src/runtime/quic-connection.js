import { AsyncQueue } from './async-queue.js';
import { QuicConnectionError, QuicDatagramError, toErrorCode } from './errors.js';
import { QuicStream } from './quic-stream.js';
export class QuicConnection {
    proto;
    /** Settles when the handshake completes (rejects with QuicConnectionError if it closes first). */
    established;
    /** Resolves when the connection is closed, whoever closed it. */
    closed;
    incomingStreams;
    #driver;
    #keyLog;
    #streams = new Map();
    #incoming = new AsyncQueue();
    #openWaiters = { bidi: [], uni: [] };
    #datagramWaiters = [];
    #resolveEstablished;
    #rejectEstablished;
    #resolveClosed;
    #closeError;
    #handshakeDone = false;
    constructor(driver, proto, options = {}) {
        this.#driver = driver;
        this.#keyLog = options.keyLog;
        this.proto = proto;
        this.incomingStreams = this.#incoming;
        this.established = new Promise((resolve, reject) => {
            this.#resolveEstablished = resolve;
            this.#rejectEstablished = reject;
        });
        // Nobody may be awaiting the handshake (e.g. a server connection that fails early).
        this.established.catch(() => { });
        this.closed = new Promise((resolve) => { this.#resolveClosed = resolve; });
    }
    get alpn() {
        return this.proto.alpn;
    }
    get isServer() {
        return this.proto.isServer;
    }
    get remoteAddress() {
        return this.proto.remote;
    }
    /** Largest datagram payload the peer accepts now; 0 when it does not support datagrams. */
    get maxDatagramSize() {
        return this.proto.maxDatagramSize;
    }
    get isClosed() {
        return this.#closeError !== undefined;
    }
    openBidirectionalStream() {
        return this.#openStream('bidi');
    }
    openUnidirectionalStream() {
        return this.#openStream('uni');
    }
    /** Queues one unreliable datagram; throws QuicDatagramError when it cannot be sent at all. */
    sendDatagram(data) {
        if (this.#closeError)
            throw new QuicDatagramError('closed', this.#closeError.message);
        const result = this.proto.sendDatagram(data);
        if (result !== 'queued') {
            const detail = result === 'too-large' ? `${data.length} bytes > maxDatagramSize ${this.proto.maxDatagramSize}`
                : result === 'unsupported' ? 'the peer does not accept datagrams' : 'connection closed';
            throw new QuicDatagramError(result, detail);
        }
        this.#driver.wake();
    }
    /** The next received datagram, or null once the connection is closed. */
    receiveDatagram() {
        const ready = this.proto.readDatagram();
        if (ready !== undefined)
            return Promise.resolve(ready);
        if (this.#closeError)
            return Promise.resolve(null);
        return new Promise((resolve) => this.#datagramWaiters.push(resolve));
    }
    get datagrams() {
        return {
            [Symbol.asyncIterator]: () => ({
                next: async () => {
                    const d = await this.receiveDatagram();
                    return d === null ? { value: undefined, done: true } : { value: d, done: false };
                },
            }),
        };
    }
    /** Application close (CONNECTION_CLOSE 0x1d); `closed` resolves after the closing period. */
    close(code = 0, reason = '') {
        if (this.#closeError || this.proto.state === 'closing' || this.proto.state === 'draining' || this.proto.state === 'closed')
            return;
        this.proto.close(this.#driver.now(), toErrorCode(code), reason);
        this.#driver.wake();
    }
    stats() {
        return this.proto.stats();
    }
    async [Symbol.asyncDispose]() {
        this.close();
        await this.closed;
    }
    wake() {
        this.#driver.wake();
    }
    onConnectionEvent(event) {
        switch (event.type) {
            case 'handshakeCompleted':
                this.#handshakeDone = true;
                this.#resolveEstablished();
                break;
            case 'streamOpened':
                this.#announcePeerStream(event.streamId);
                break;
            case 'streamReadable':
                this.#streams.get(event.streamId)?.onReadable();
                break;
            case 'streamWritable':
                this.#streams.get(event.streamId)?.onWritable();
                break;
            case 'streamReset':
                this.#streams.get(event.streamId)?.onReset(event.errorCode);
                break;
            case 'streamStopped':
                this.#streams.get(event.streamId)?.onStopped(event.errorCode);
                break;
            case 'streamClosed':
                this.#streams.delete(event.streamId);
                break;
            case 'streamsAvailable':
                for (const w of this.#openWaiters[event.direction].splice(0))
                    w.resolve();
                break;
            case 'datagramsReadable':
                this.#serveDatagrams();
                break;
            case 'keyLog':
                this.#keyLog?.(event.label, event.clientRandom, event.secret);
                break;
            case 'sessionTicket':
                break;
            case 'closed':
                this.#onClosed(event.info);
                break;
        }
    }
    async #openStream(direction) {
        for (;;) {
            if (this.#closeError)
                throw this.#closeError;
            const id = this.proto.openStream(direction);
            if (id !== undefined) {
                const stream = new QuicStream(this, id, true);
                this.#streams.set(id, stream);
                return stream;
            }
            // Blocked by the peer's MAX_STREAMS: retry after 'streamsAvailable'.
            await new Promise((resolve, reject) => this.#openWaiters[direction].push({ resolve, reject }));
        }
    }
    /** Only 'streamOpened' creates peer streams, so late events never resurrect a finished one. */
    #announcePeerStream(streamId) {
        if (this.#streams.has(streamId))
            return;
        const stream = new QuicStream(this, streamId, false);
        this.#streams.set(streamId, stream);
        this.#incoming.push(stream);
    }
    #serveDatagrams() {
        while (this.#datagramWaiters.length > 0) {
            const d = this.proto.readDatagram();
            if (d === undefined)
                return;
            this.#datagramWaiters.shift()(d);
        }
    }
    #onClosed(info) {
        if (this.#closeError)
            return;
        const error = new QuicConnectionError(info);
        this.#closeError = error;
        for (const stream of this.#streams.values())
            stream.onConnectionClosed(error);
        this.#streams.clear();
        this.#incoming.end();
        for (const w of this.#openWaiters.bidi.splice(0))
            w.reject(error);
        for (const w of this.#openWaiters.uni.splice(0))
            w.reject(error);
        for (const w of this.#datagramWaiters.splice(0))
            w(null);
        if (!this.#handshakeDone)
            this.#rejectEstablished(error);
        this.#resolveClosed(info);
    }
}
//# sourceMappingURL=quic-connection.js.map