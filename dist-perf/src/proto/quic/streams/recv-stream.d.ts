import type { Micros } from '../../util/time.js';
import { Assembler } from './assembler.js';
import { ReceiveWindow } from './flow-control.js';
export type RecvState = 'recv' | 'sizeKnown' | 'dataRecvd' | 'dataRead' | 'resetRecvd';
export declare class RecvStream {
    readonly id: number;
    state: RecvState;
    readonly assembler: Assembler;
    readonly window: ReceiveWindow;
    finalSize: number | undefined;
    resetCode: bigint | undefined;
    /** stop() was called: incoming data is dropped as it arrives. */
    stopCode: bigint | undefined;
    /** Bytes released to connection-level credit (read by the app or dropped). */
    private retired;
    private finDelivered;
    stopQueued: boolean;
    maxDataQueued: boolean;
    constructor(id: number, window: number, maxWindow: number);
    /** One past the highest byte offset received (the credit the peer consumed). */
    get highestOffset(): number;
    /** Terminal: the stream needs no more receive state. */
    get isTerminal(): boolean;
    /** True when read() returns something now (data or the FIN). */
    get readable(): boolean;
    /** Whether a MAX_STREAM_DATA is still useful: the peer may still need credit. */
    get wantsCredit(): boolean;
    /**
     * Handles a STREAM frame; returns how far the highest received offset grew (connection credit
     * the peer consumed). Throws FINAL_SIZE_ERROR / FLOW_CONTROL_ERROR.
     */
    onData(offset: number, data: Uint8Array, fin: boolean): number;
    /**
     * Handles RESET_STREAM; returns how far the highest received offset grew. Returns -1 when the
     * reset changes nothing (all data already read, or a repeated reset).
     */
    onReset(code: bigint, finalSize: number): number;
    private checkFinalSize;
    /**
     * Returns up to maxBytes (a view) and whether the stream ended; undefined when nothing is
     * readable. Call takeRetired() after it to account connection credit.
     */
    read(maxBytes: number, now: Micros, rtt: Micros): {
        data: Uint8Array;
        fin: boolean;
        creditDue: boolean;
    } | undefined;
    /** The application stops reading (STOP_SENDING): buffered data is dropped. */
    stop(code: bigint): boolean;
    /** Bytes newly released to connection-level credit since the last call. */
    takeRetired(): number;
}
