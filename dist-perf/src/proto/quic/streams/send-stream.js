import { maxStreamDataThatFits, streamFrameHeaderSize } from '../wire/frame-encoder.js';
import { SendBuffer } from './send-buffer.js';
import { SendCredit } from './flow-control.js';
import { StreamStateError } from './stream-state-error.js';
export class SendStream {
    id;
    state = 'ready';
    buffer;
    credit;
    /** FIN written by the application (final size = buffer.writeOffset). */
    finWritten = false;
    finSent = false;
    finAcked = false;
    /** A frame carrying the FIN was lost and must be resent. */
    finLost = false;
    resetCode;
    resetFinalSize = 0;
    /** Set by STOP_SENDING: the peer's code (the reset we answer with uses it too). */
    stopCode;
    /** A write() returned short: announce streamWritable when space frees up. */
    wantsWritable = false;
    // Scheduling flags owned by StreamsState (avoid duplicate queue entries).
    inSendQueue = false;
    inRetransmitQueue = false;
    resetQueued = false;
    blockedQueued = false;
    constructor(id, creditLimit, bufferCapacity) {
        this.id = id;
        this.credit = new SendCredit(creditLimit);
        this.buffer = new SendBuffer(bufferCapacity);
    }
    get isReset() {
        return this.state === 'resetSent' || this.state === 'resetRecvd';
    }
    /** Terminal: nothing more will be sent or acknowledged. */
    get isTerminal() {
        return this.state === 'dataRecvd' || this.state === 'resetRecvd';
    }
    /** Buffers data (and the FIN once all of it fits); returns the bytes accepted. */
    write(data, fin) {
        if (this.isReset)
            throw new StreamStateError(this.id, 'reset', this.stopCode);
        if (this.finWritten) {
            if (data.length === 0 && fin)
                return 0; // repeated close: harmless
            throw new StreamStateError(this.id, 'finished');
        }
        const n = this.buffer.write(data);
        if (n < data.length)
            this.wantsWritable = true;
        else if (fin)
            this.finWritten = true;
        return n;
    }
    /** True when a FIN must (still or again) go out with, or after, the last byte. */
    get finPending() {
        return this.finWritten && !this.finAcked && (!this.finSent || this.finLost);
    }
    /** Lost bytes (or a lost FIN after all data was resent) wait to be resent. */
    get hasRetransmit() {
        if (this.isReset)
            return false;
        return this.buffer.hasLost || (this.finLost && this.buffer.sentOffset === this.buffer.writeOffset);
    }
    /** New data or a first FIN that the stream credit allows (connection credit is checked apart). */
    get hasNewData() {
        if (this.isReset)
            return false;
        const b = this.buffer;
        if (b.unsentBytes > 0 && this.credit.available > 0)
            return true;
        return this.finWritten && !this.finSent && b.unsentBytes === 0;
    }
    /** Unsent bytes exist but the peer's stream credit is used up. */
    get blockedByStreamCredit() {
        return !this.isReset && this.buffer.unsentBytes > 0 && this.credit.available === 0;
    }
    /** Only a bare FIN is left: it needs no connection credit. */
    get onlyFinPending() {
        return !this.isReset && this.buffer.unsentBytes === 0 && this.finWritten && !this.finSent;
    }
    /** The next retransmission frame that fits in `space`, or undefined. */
    pollRetransmit(space) {
        if (!this.hasRetransmit)
            return undefined;
        const b = this.buffer;
        const lostAt = b.firstLostOffset();
        if (lostAt === undefined) {
            // Only the FIN was lost: a zero-length frame at the final offset.
            return this.pollBareFin(space, b.writeOffset);
        }
        const max = maxStreamDataThatFits(this.id, lostAt, space, true);
        if (max === 0)
            return undefined;
        const len = b.takeLost(max);
        const end = lostAt + len;
        const fin = this.finWritten && !this.finAcked && end === b.writeOffset && (this.finLost || !this.finSent);
        if (fin) {
            this.finLost = false;
            this.finSent = true;
        }
        return { type: 'stream', streamId: this.id, offset: lostAt, data: b.slice(lostAt, len), fin };
    }
    /** The next new-data frame within `space` and `connAvailable` bytes of connection credit. */
    pollNew(space, connAvailable) {
        if (this.isReset)
            return undefined;
        const b = this.buffer;
        const offset = b.sentOffset;
        if (b.unsentBytes === 0)
            return this.finPending && !this.finSent ? this.pollBareFin(space, offset) : undefined;
        const allowed = Math.min(b.unsentBytes, this.credit.available, connAvailable);
        if (allowed === 0)
            return undefined;
        const max = maxStreamDataThatFits(this.id, offset, space, true);
        if (max === 0)
            return undefined;
        const len = b.takeNew(Math.min(allowed, max));
        this.credit.used = b.sentOffset;
        const fin = this.finWritten && b.sentOffset === b.writeOffset;
        this.onFrameSent(fin);
        return { type: 'stream', streamId: this.id, offset, data: b.slice(offset, len), fin };
    }
    pollBareFin(space, offset) {
        if (streamFrameHeaderSize(this.id, offset, 0, true) > space)
            return undefined;
        this.finLost = false;
        this.onFrameSent(true);
        return { type: 'stream', streamId: this.id, offset, data: new Uint8Array(0), fin: true };
    }
    onFrameSent(fin) {
        if (this.state === 'ready')
            this.state = 'send';
        if (fin) {
            this.finSent = true;
            if (this.state === 'send')
                this.state = 'dataSent';
        }
    }
    /** A STREAM frame of ours was acknowledged; returns the bytes released from the buffer. */
    onAcked(f) {
        if (this.isReset)
            return 0;
        const freed = this.buffer.onAcked(f.offset, f.data.length);
        if (f.fin) {
            this.finAcked = true;
            this.finLost = false;
        }
        if (this.state === 'dataSent' && this.finAcked && this.buffer.allAcked)
            this.state = 'dataRecvd';
        return freed;
    }
    /** A STREAM frame of ours was lost: its unacknowledged bytes (and FIN) will be resent. */
    onLost(f) {
        if (this.isReset || this.state === 'dataRecvd')
            return;
        this.buffer.onLost(f.offset, f.data.length);
        if (f.fin && !this.finAcked)
            this.finLost = true;
    }
    /**
     * Abandons sending (RFC 9000 §3.1 "Reset"). Returns true when a RESET_STREAM must be sent;
     * false when the stream already finished or was reset.
     */
    reset(code) {
        if (this.isReset || this.state === 'dataRecvd')
            return false;
        this.resetCode = code;
        // The final size is the credit consumed: every byte ever sent (RFC 9000 §4.5).
        this.resetFinalSize = this.buffer.sentOffset;
        this.buffer.clear();
        this.state = 'resetSent';
        this.wantsWritable = false;
        return true;
    }
    onResetAcked() {
        if (this.state === 'resetSent')
            this.state = 'resetRecvd';
    }
}
//# sourceMappingURL=send-stream.js.map