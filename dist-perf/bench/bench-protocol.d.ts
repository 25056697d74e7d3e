export interface BenchStream {
    write(data: Uint8Array): Promise<void>;
    end(): Promise<void>;
    /** The next chunk, or null once the peer's FIN was read. */
    read(): Promise<Uint8Array | null>;
}
export interface BenchConnection {
    openBidi(): Promise<BenchStream>;
    /** Queues one datagram; false when the stack refused it (queue full). */
    sendDatagram(data: Uint8Array): boolean;
    /** Datagrams queued locally and not yet written to the socket. */
    datagramBacklog(): number;
    /** Closes without waiting for the draining period. */
    close(): Promise<void>;
}
/** Per-connection server counters. */
export interface ServerCounters {
    datagrams: number;
}
export declare const Op: {
    readonly upload: 85;
    readonly download: 68;
    readonly stats: 83;
};
export declare const DEFAULT_CHUNK: number;
export declare function encodeU64(n: number): Uint8Array;
/** Writes `total` payload bytes in `chunk`-sized writes (views on one buffer: no copies). */
export declare function sendPayload(stream: BenchStream, total: number, chunk?: number): Promise<void>;
/** Reads to FIN and returns the byte count (the bytes themselves are dropped). */
export declare function drainCount(stream: BenchStream): Promise<number>;
/** Reads to FIN and returns everything (for short replies only). */
export declare function readSmall(stream: BenchStream, limit?: number): Promise<Uint8Array>;
/** Serves one peer-opened bidi stream according to its op byte. */
export declare function serveBenchStream(stream: BenchStream, counters: ServerCounters): Promise<void>;
export interface TransferSample {
    bytes: number;
    seconds: number;
    mbPerSecond: number;
}
/** Client->server: until the server confirmed it counted every byte. */
export declare function uploadOnce(conn: BenchConnection, bytes: number, chunk?: number): Promise<TransferSample>;
/** Server->client: from the request until the FIN of the payload. */
export declare function downloadOnce(conn: BenchConnection, bytes: number): Promise<TransferSample>;
export declare function serverDatagramCount(conn: BenchConnection): Promise<number>;
export interface DatagramSample {
    size: number;
    seconds: number;
    /** Datagrams the stack accepted and did not drop locally. */
    sent: number;
    received: number;
    lossPercent: number;
    sentPerSecond: number;
    receivedPerSecond: number;
}
/**
 * Offers `size`-byte datagrams for `durationMs`, keeping the local queue topped up to `backlog`
 * (so we measure what the stack moves, not how fast a queue drops), then asks the server how
 * many arrived. `sentCount` reports what really left (stacks differ in how they drop).
 */
export declare function datagramBlast(conn: BenchConnection, options: {
    durationMs: number;
    size: number;
    backlog: number;
    settleMs: number;
    sentCount: (accepted: number) => number;
}): Promise<DatagramSample>;
