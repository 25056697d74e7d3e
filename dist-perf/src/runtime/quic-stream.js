/**
 * A QUIC stream as Promises. Writes resolve once the core accepted every byte (backpressure
 * through 'streamWritable'); reads pull from the core only when asked, so flow-control credit
 * follows what the application actually consumed.
 */
import { QuicStreamError, toErrorCode } from './errors.js';
export const DEFAULT_READ_SIZE = 64 * 1024;
export class QuicStream {
    id;
    direction;
    /** True when we opened the stream. */
    local;
    #host;
    #writes = [];
    #reads = [];
    /** Set once the send side can take no more writes (end() queued, reset, stopped, closed). */
    #writeClosed;
    #writeError = undefined;
    #readError = undefined;
    #finReceived = false;
    constructor(host, id, local) {
        this.#host = host;
        this.id = id;
        this.local = local;
        this.direction = (id & 2) === 0 ? 'bidi' : 'uni';
        this.#writeClosed = !this.writable;
        if (!this.readable)
            this.#finReceived = true;
    }
    /** Bidi streams and our own uni streams can be written. */
    get writable() {
        return this.direction === 'bidi' || this.local;
    }
    /** Bidi streams and the peer's uni streams can be read. */
    get readable() {
        return this.direction === 'bidi' || !this.local;
    }
    write(data) {
        return this.#enqueueWrite(data, false);
    }
    /** Sends FIN after everything written so far. */
    end() {
        return this.#enqueueWrite(new Uint8Array(0), true);
    }
    /** Up to maxBytes of the next data, or null once the peer's FIN was read. */
    read(maxBytes = DEFAULT_READ_SIZE) {
        if (!this.readable)
            return Promise.reject(new Error(`stream ${this.id} is send-only`));
        if (!(maxBytes > 0))
            return Promise.reject(new RangeError('maxBytes must be positive'));
        return new Promise((resolve, reject) => {
            this.#reads.push({ maxBytes, resolve, reject });
            this.#pumpReads();
        });
    }
    /** Abandons the send side with RESET_STREAM; pending writes reject. */
    reset(code) {
        const value = toErrorCode(code);
        if (!this.writable || this.#writeError !== undefined)
            return;
        this.#failWrites(new QuicStreamError('localReset', this.id, value));
        this.#command(() => this.#host.proto.resetStream(this.id, value));
    }
    /** Asks the peer to stop sending (STOP_SENDING); pending reads reject. */
    stopSending(code) {
        const value = toErrorCode(code);
        if (!this.readable || this.#readError !== undefined || this.#finReceived)
            return;
        this.#failReads(new QuicStreamError('localStop', this.id, value));
        this.#command(() => this.#host.proto.stopStream(this.id, value));
    }
    async *[Symbol.asyncIterator]() {
        for (;;) {
            const chunk = await this.read();
            if (chunk === null)
                return;
            yield chunk;
        }
    }
    // ---- called by QuicConnection when the core reports on this stream ----
    onReadable() {
        this.#pumpReads();
    }
    onWritable() {
        this.#pumpWrites();
    }
    onReset(code) {
        this.#failReads(new QuicStreamError('reset', this.id, code));
    }
    onStopped(code) {
        this.#failWrites(new QuicStreamError('stopped', this.id, code));
    }
    onConnectionClosed(error) {
        this.#failWrites(error);
        this.#failReads(error);
    }
    // ---- internals ----
    #enqueueWrite(data, fin) {
        if (this.#writeError !== undefined)
            return Promise.reject(this.#writeError);
        if (this.#writeClosed) {
            return Promise.reject(new Error(this.writable ? `stream ${this.id} already ended` : `stream ${this.id} is receive-only`));
        }
        if (fin)
            this.#writeClosed = true;
        if (data.length === 0 && !fin)
            return Promise.resolve();
        return new Promise((resolve, reject) => {
            this.#writes.push({ data, offset: 0, fin, resolve, reject });
            // Only the head can make progress; queued writes wait their turn behind a blocked one.
            if (this.#writes.length === 1)
                this.#pumpWrites();
        });
    }
    #pumpWrites() {
        const proto = this.#host.proto;
        let progressed = false;
        for (let head = this.#writes[0]; head !== undefined; head = this.#writes[0]) {
            const chunk = head.offset === 0 ? head.data : head.data.subarray(head.offset);
            let accepted;
            try {
                accepted = proto.writeStream(this.id, chunk, head.fin);
            }
            catch (error) {
                this.#failWrites(error);
                break;
            }
            progressed = true;
            head.offset += accepted;
            if (head.offset < head.data.length)
                break; // the core's buffer is full: wait for 'streamWritable'
            this.#writes.shift();
            head.resolve();
        }
        if (progressed)
            this.#host.wake();
    }
    #pumpReads() {
        const proto = this.#host.proto;
        let consumed = false;
        for (let head = this.#reads[0]; head !== undefined; head = this.#reads[0]) {
            if (this.#readError !== undefined) {
                this.#failReads(this.#readError);
                break;
            }
            if (this.#finReceived) {
                this.#reads.shift();
                head.resolve(null);
                continue;
            }
            let result;
            try {
                result = proto.readStream(this.id, head.maxBytes);
            }
            catch (error) {
                this.#failReads(error);
                break;
            }
            if (result === undefined)
                break; // nothing buffered: wait for 'streamReadable'
            consumed = true;
            if (result.fin)
                this.#finReceived = true;
            if (result.data.length === 0) {
                if (!result.fin)
                    break;
                continue; // the FIN alone: the loop resolves this read with null
            }
            this.#reads.shift();
            head.resolve(result.data);
        }
        // Reading releases flow-control credit the core may now advertise.
        if (consumed)
            this.#host.wake();
    }
    #failWrites(error) {
        if (this.#writeError === undefined && this.writable)
            this.#writeError = error;
        this.#writeClosed = true;
        for (const w of this.#writes.splice(0))
            w.reject(error);
    }
    #failReads(error) {
        if (this.#readError === undefined && this.readable && !this.#finReceived)
            this.#readError = error;
        for (const r of this.#reads.splice(0))
            r.reject(error);
    }
    #command(action) {
        try {
            action();
        }
        catch {
            // The core refuses commands on streams that are already gone; nothing left to undo.
        }
        this.#host.wake();
    }
}
//# sourceMappingURL=quic-stream.js.map