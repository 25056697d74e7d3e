import type { ProtoConnection, StreamDirection } from './proto-types.js';
/** What a stream needs from its connection. */
export interface StreamHost {
    readonly proto: ProtoConnection;
    /** Schedules the driver's flush after a command. */
    wake(): void;
}
export declare const DEFAULT_READ_SIZE: number;
export declare class QuicStream implements AsyncIterable<Uint8Array> {
    #private;
    readonly id: number;
    readonly direction: StreamDirection;
    /** True when we opened the stream. */
    readonly local: boolean;
    constructor(host: StreamHost, id: number, local: boolean);
    /** Bidi streams and our own uni streams can be written. */
    get writable(): boolean;
    /** Bidi streams and the peer's uni streams can be read. */
    get readable(): boolean;
    write(data: Uint8Array): Promise<void>;
    /** Sends FIN after everything written so far. */
    end(): Promise<void>;
    /** Up to maxBytes of the next data, or null once the peer's FIN was read. */
    read(maxBytes?: number): Promise<Uint8Array | null>;
    /** Abandons the send side with RESET_STREAM; pending writes reject. */
    reset(code: number | bigint): void;
    /** Asks the peer to stop sending (STOP_SENDING); pending reads reject. */
    stopSending(code: number | bigint): void;
    [Symbol.asyncIterator](): AsyncIterator<Uint8Array>;
    onReadable(): void;
    onWritable(): void;
    onReset(code: bigint): void;
    onStopped(code: bigint): void;
    onConnectionClosed(error: unknown): void;
}
