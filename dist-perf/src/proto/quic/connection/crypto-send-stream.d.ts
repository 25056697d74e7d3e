/**
 * The sending half of the CRYPTO stream of one encryption level: handshake bytes from TLS,
 * sent once in order, with lost ranges retransmitted (RFC 9000 §19.6).
 */
import type { CryptoFrame } from '../wire/frames.js';
export declare class CryptoSendStream {
    private chunks;
    private chunkStarts;
    /** Total bytes handed over by TLS. */
    private length;
    /** Next never-sent offset. */
    private sentOffset;
    /** Ranges to send again, ascending, non-overlapping. */
    private retransmit;
    /** Acknowledged ranges (coarse: used to skip retransmitting acked data). */
    private acked;
    write(data: Uint8Array): void;
    hasData(): boolean;
    /** True when everything handed over has been acknowledged. */
    allAcked(): boolean;
    /** The next range to send, at most `maxLength` bytes. */
    nextRange(maxLength: number): {
        offset: number;
        length: number;
    } | undefined;
    /** The bytes of [offset, offset+length) (a view when inside one chunk). */
    slice(offset: number, length: number): Uint8Array;
    onAcked(frame: CryptoFrame): void;
    onLost(frame: CryptoFrame): void;
    /** Queue every sent-but-unacknowledged byte again (PTO probes, Retry). */
    requeueUnacked(): void;
    /** Forget send progress: everything is resent from offset 0 (after Retry, with new keys). */
    resetProgress(): void;
    private isAcked;
    private chunkIndex;
}
