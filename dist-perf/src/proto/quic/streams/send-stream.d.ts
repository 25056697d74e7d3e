/**
 * The sending part of a stream (RFC 9000 §3.1):
 *
 *   Ready --first frame--> Send --FIN sent--> DataSent --all acked--> DataRecvd
 *     \________________________\_________________\--reset()--> ResetSent --acked--> ResetRecvd
 *
 * It owns the send buffer and the stream-level credit; the connection-level credit is passed in.
 */
import type { StreamFrame } from '../wire/frames.js';
import { SendBuffer } from './send-buffer.js';
import { SendCredit } from './flow-control.js';
export type SendState = 'ready' | 'send' | 'dataSent' | 'dataRecvd' | 'resetSent' | 'resetRecvd';
export declare class SendStream {
    readonly id: number;
    state: SendState;
    readonly buffer: SendBuffer;
    readonly credit: SendCredit;
    /** FIN written by the application (final size = buffer.writeOffset). */
    finWritten: boolean;
    private finSent;
    private finAcked;
    /** A frame carrying the FIN was lost and must be resent. */
    private finLost;
    resetCode: bigint | undefined;
    resetFinalSize: number;
    /** Set by STOP_SENDING: the peer's code (the reset we answer with uses it too). */
    stopCode: bigint | undefined;
    /** A write() returned short: announce streamWritable when space frees up. */
    wantsWritable: boolean;
    inSendQueue: boolean;
    inRetransmitQueue: boolean;
    resetQueued: boolean;
    blockedQueued: boolean;
    constructor(id: number, creditLimit: number, bufferCapacity: number);
    get isReset(): boolean;
    /** Terminal: nothing more will be sent or acknowledged. */
    get isTerminal(): boolean;
    /** Buffers data (and the FIN once all of it fits); returns the bytes accepted. */
    write(data: Uint8Array, fin: boolean): number;
    /** True when a FIN must (still or again) go out with, or after, the last byte. */
    private get finPending();
    /** Lost bytes (or a lost FIN after all data was resent) wait to be resent. */
    get hasRetransmit(): boolean;
    /** New data or a first FIN that the stream credit allows (connection credit is checked apart). */
    get hasNewData(): boolean;
    /** Unsent bytes exist but the peer's stream credit is used up. */
    get blockedByStreamCredit(): boolean;
    /** Only a bare FIN is left: it needs no connection credit. */
    get onlyFinPending(): boolean;
    /** The next retransmission frame that fits in `space`, or undefined. */
    pollRetransmit(space: number): StreamFrame | undefined;
    /** The next new-data frame within `space` and `connAvailable` bytes of connection credit. */
    pollNew(space: number, connAvailable: number): StreamFrame | undefined;
    private pollBareFin;
    private onFrameSent;
    /** A STREAM frame of ours was acknowledged; returns the bytes released from the buffer. */
    onAcked(f: StreamFrame): number;
    /** A STREAM frame of ours was lost: its unacknowledged bytes (and FIN) will be resent. */
    onLost(f: StreamFrame): void;
    /**
     * Abandons sending (RFC 9000 §3.1 "Reset"). Returns true when a RESET_STREAM must be sent;
     * false when the stream already finished or was reset.
     */
    reset(code: bigint): boolean;
    onResetAcked(): void;
}
