/**
 * The sending side of one stream as HTTP/3 uses it. Framing bytes (stream type, HEADERS, frame
 * headers, capsules, control frames) must reach QUIC whole, so what QUIC does not accept waits
 * here and is flushed on streamWritable. Body bytes are never copied: a DATA frame header
 * announces exactly the bytes passed, and when QUIC takes fewer, the rest of that frame is "owed"
 * and the caller's next bytes fill it (the body is a byte stream, frame boundaries carry no meaning).
 */
import { encodeDataFrameHeader } from './frames.js';
const EMPTY = new Uint8Array(0);
export class OutboundStream {
    id;
    pending = [];
    pendingFin = false;
    /** DATA payload bytes announced by a frame header and not yet accepted by QUIC. */
    owed = 0;
    /** FIN handed to QUIC (or queued behind pending bytes). */
    finished = false;
    /** The stream was reset (by us or after the peer's STOP_SENDING): writes are dropped. */
    aborted = false;
    constructor(id) {
        this.id = id;
    }
    /** Nothing waits to be written. */
    get idle() {
        return this.pending.length === 0 && !this.pendingFin;
    }
    /** Bytes queued here because QUIC's send buffer was full. */
    get queuedBytes() {
        let n = 0;
        for (const p of this.pending)
            n += p.length;
        return n;
    }
    /** Queues framing bytes that must all go out, then tries to flush. */
    enqueue(quic, bytes, fin = false) {
        if (this.aborted || this.finished)
            return;
        if (bytes.length > 0)
            this.pending.push(bytes);
        if (fin) {
            this.pendingFin = true;
            this.finished = true;
        }
        this.flush(quic);
    }
    /** Writes queued bytes; true when nothing is left queued. */
    flush(quic) {
        if (this.aborted)
            return true;
        while (this.pending.length > 0) {
            const head = this.pending[0];
            const last = this.pending.length === 1;
            const n = this.write(quic, head, last && this.pendingFin);
            if (n < head.length) {
                this.pending[0] = head.subarray(n);
                return false;
            }
            this.pending.shift();
            if (last && this.pendingFin)
                this.pendingFin = false;
        }
        if (this.pendingFin) {
            this.write(quic, EMPTY, true);
            this.pendingFin = false;
        }
        return true;
    }
    /**
     * Sends body bytes inside DATA frames; returns how many were accepted. When short, the caller
     * continues later (after streamWritable) with data.subarray(accepted).
     */
    writeData(quic, data, fin) {
        if (this.aborted || this.finished)
            return 0;
        if (!this.flush(quic))
            return 0;
        let accepted = 0;
        if (this.owed > 0) {
            const n = Math.min(this.owed, data.length);
            const k = this.write(quic, data.subarray(0, n), fin && n === data.length && n === this.owed);
            this.owed -= k;
            accepted = k;
            if (k < n || this.aborted)
                return accepted;
            if (this.owed > 0)
                return accepted; // the caller's data ended inside the frame
        }
        const rest = accepted === 0 ? data : data.subarray(accepted);
        if (rest.length === 0) {
            if (fin && !this.finished)
                this.enqueue(quic, EMPTY, true);
            else if (fin)
                this.finished = true;
            return accepted;
        }
        const header = encodeDataFrameHeader(rest.length);
        const h = this.write(quic, header, false);
        this.owed = rest.length;
        if (h < header.length) {
            if (!this.aborted)
                this.pending.push(header.subarray(h));
            return accepted;
        }
        const k = this.write(quic, rest, fin);
        this.owed -= k;
        if (fin && this.owed === 0 && !this.aborted)
            this.finished = true;
        return accepted + k;
    }
    /** Raw bytes (a WebTransport stream after its header): no framing, no copy. */
    writeRaw(quic, data, fin) {
        if (this.aborted || this.finished)
            return 0;
        if (!this.flush(quic))
            return 0;
        return this.write(quic, data, fin);
    }
    /** One QUIC write; a stream QUIC refuses (reset, finished, gone) counts as aborted. */
    write(quic, bytes, fin) {
        try {
            const n = quic.writeStream(this.id, bytes, fin);
            if (fin && n === bytes.length)
                this.finished = true;
            return n;
        }
        catch {
            this.aborted = true;
            this.pending.length = 0;
            this.pendingFin = false;
            return 0;
        }
    }
}
//# sourceMappingURL=outbound-stream.js.map