/**
 * The receiving part of a stream (RFC 9000 §3.2):
 *
 *   Recv --FIN--> SizeKnown --all data--> DataRecvd --app read all--> DataRead
 *     \______________\____________________\--RESET_STREAM--> ResetRecvd (terminal here: the
 *                                                            streamReset event is the "read")
 *
 * Checks the final-size and stream flow-control rules; the connection-level limit is checked by
 * the caller using the returned byte counts. Data is handed out as views, never copied.
 */
import { TransportError, TransportErrorCode } from '../errors.js';
import { Assembler } from './assembler.js';
import { ReceiveWindow } from './flow-control.js';
const FRAME_STREAM = 0x08;
const FRAME_RESET_STREAM = 0x04;
export class RecvStream {
    id;
    state = 'recv';
    assembler = new Assembler();
    window;
    finalSize;
    resetCode;
    /** stop() was called: incoming data is dropped as it arrives. */
    stopCode;
    /** Bytes released to connection-level credit (read by the app or dropped). */
    retired = 0;
    finDelivered = false;
    // Scheduling flags owned by StreamsState.
    stopQueued = false;
    maxDataQueued = false;
    constructor(id, window, maxWindow) {
        this.id = id;
        this.window = new ReceiveWindow(window, maxWindow);
    }
    /** One past the highest byte offset received (the credit the peer consumed). */
    get highestOffset() {
        return this.assembler.highestOffset;
    }
    /** Terminal: the stream needs no more receive state. */
    get isTerminal() {
        if (this.state === 'dataRead' || this.state === 'resetRecvd')
            return true;
        // After stop(), we only wait for the final size to settle the connection credit.
        return this.stopCode !== undefined && this.finalSize !== undefined && this.highestOffset === this.finalSize;
    }
    /** True when read() returns something now (data or the FIN). */
    get readable() {
        if (this.stopCode !== undefined || this.state === 'resetRecvd' || this.state === 'dataRead')
            return false;
        if (this.assembler.readable)
            return true;
        return this.finalSize !== undefined && this.assembler.readOffset === this.finalSize && !this.finDelivered;
    }
    /** Whether a MAX_STREAM_DATA is still useful: the peer may still need credit. */
    get wantsCredit() {
        return this.state === 'recv' && this.stopCode === undefined;
    }
    /**
     * Handles a STREAM frame; returns how far the highest received offset grew (connection credit
     * the peer consumed). Throws FINAL_SIZE_ERROR / FLOW_CONTROL_ERROR.
     */
    onData(offset, data, fin) {
        const end = offset + data.length;
        this.checkFinalSize(end, fin, FRAME_STREAM);
        if (end > this.window.limit) {
            throw new TransportError(TransportErrorCode.FLOW_CONTROL_ERROR, `stream ${this.id} data beyond its limit`, FRAME_STREAM);
        }
        const grew = Math.max(0, end - this.assembler.highestOffset);
        if (fin && this.finalSize === undefined) {
            this.finalSize = end;
            if (this.state === 'recv')
                this.state = 'sizeKnown';
        }
        if (this.state === 'resetRecvd' || this.state === 'dataRead')
            return grew;
        if (this.stopCode !== undefined) {
            this.assembler.discard(end);
            return grew;
        }
        this.assembler.insert(offset, data);
        if (this.state === 'sizeKnown' && this.assembler.contiguousAvailable() + this.assembler.readOffset === this.finalSize) {
            this.state = 'dataRecvd';
        }
        return grew;
    }
    /**
     * Handles RESET_STREAM; returns how far the highest received offset grew. Returns -1 when the
     * reset changes nothing (all data already read, or a repeated reset).
     */
    onReset(code, finalSize) {
        this.checkFinalSize(finalSize, true, FRAME_RESET_STREAM);
        if (finalSize > this.window.limit) {
            throw new TransportError(TransportErrorCode.FLOW_CONTROL_ERROR, `stream ${this.id} final size beyond its limit`, FRAME_RESET_STREAM);
        }
        const grew = Math.max(0, finalSize - this.assembler.highestOffset);
        this.finalSize = finalSize;
        this.assembler.discard(finalSize);
        if (this.state === 'dataRead' || this.state === 'resetRecvd')
            return grew > 0 ? grew : -1;
        this.state = 'resetRecvd';
        this.resetCode = code;
        return grew;
    }
    checkFinalSize(end, fin, frameType) {
        if (this.finalSize !== undefined) {
            if (end > this.finalSize || (fin && end !== this.finalSize)) {
                throw new TransportError(TransportErrorCode.FINAL_SIZE_ERROR, `stream ${this.id} final size changed`, frameType);
            }
        }
        else if (fin && end < this.assembler.highestOffset) {
            throw new TransportError(TransportErrorCode.FINAL_SIZE_ERROR, `stream ${this.id} final size below received data`, frameType);
        }
    }
    /**
     * Returns up to maxBytes (a view) and whether the stream ended; undefined when nothing is
     * readable. Call takeRetired() after it to account connection credit.
     */
    read(maxBytes, now, rtt) {
        if (!this.readable)
            return undefined;
        const data = this.assembler.read(maxBytes) ?? new Uint8Array(0);
        const atEnd = this.finalSize !== undefined && this.assembler.readOffset === this.finalSize;
        if (atEnd) {
            this.finDelivered = true;
            this.state = 'dataRead';
        }
        const creditDue = this.window.onConsumed(data.length, now, rtt) && this.wantsCredit;
        return { data, fin: atEnd, creditDue };
    }
    /** The application stops reading (STOP_SENDING): buffered data is dropped. */
    stop(code) {
        if (this.stopCode !== undefined || this.state === 'dataRead' || this.state === 'resetRecvd')
            return false;
        this.stopCode = code;
        this.assembler.discard();
        // With all data already here, the peer would not need to act on STOP_SENDING.
        return this.state === 'recv' || this.state === 'sizeKnown';
    }
    /** Bytes newly released to connection-level credit since the last call. */
    takeRetired() {
        const released = this.assembler.readOffset;
        const delta = released - this.retired;
        this.retired = released;
        return delta;
    }
}
//# sourceMappingURL=recv-stream.js.map