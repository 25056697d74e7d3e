/**
 * An in-memory pair of QuicConnectionLike endpoints for H3 tests (the role aioquic's
 * FakeQuicConnection plays): stream bytes are delivered in seeded random chunks, each stream has
 * an optional send window (writes return short until the peer reads), RESET_STREAM /
 * STOP_SENDING / datagrams / close are mirrored to the peer as ConnectionEvents.
 */
import type { ConnectionEvent } from '../../../../src/proto/quic/connection/events.js';
import type { QuicConnectionLike } from '../../../../src/proto/h3/quic-connection-like.js';
import { H3Connection, type H3ConnectionOptions } from '../../../../src/proto/h3/connection.js';
import type { H3Event } from '../../../../src/proto/h3/events.js';
interface RecvState {
    chunks: Uint8Array[];
    fin: boolean;
    finRead: boolean;
    stopped: boolean;
    reset: boolean;
}
interface SendState {
    inFlight: number;
    wantsWritable: boolean;
    finished: boolean;
    stopped: bigint | undefined;
    reset: boolean;
}
/** mulberry32: small seeded PRNG for chunking decisions. */
export declare function prng(seed: number): () => number;
export declare class FakeQuic implements QuicConnectionLike {
    readonly isServer: boolean;
    peer: FakeQuic;
    maxDatagramSize: number;
    /** Per-stream bytes written and not yet read by the peer (Infinity: unlimited). */
    streamWindow: number;
    /** Peer-granted stream limits (count of streams we may open). */
    maxBidi: number;
    maxUni: number;
    closed: {
        code: bigint;
        reason: string;
        remote: boolean;
    } | undefined;
    readonly events: ConnectionEvent[];
    readonly recv: Map<number, RecvState>;
    readonly send: Map<number, SendState>;
    readonly outbox: {
        id: number;
        data: Uint8Array;
        fin: boolean;
    }[];
    readonly datagramsIn: Uint8Array[];
    /** Every STOP_SENDING / RESET_STREAM this side sent, for assertions. */
    readonly stopsSent: {
        id: number;
        code: bigint;
    }[];
    readonly resetsSent: {
        id: number;
        code: bigint;
    }[];
    private openedBidi;
    private openedUni;
    constructor(isServer: boolean);
    openStream(direction: 'bidi' | 'uni'): number | undefined;
    writeStream(streamId: number, data: Uint8Array, fin?: boolean): number;
    readStream(streamId: number, maxBytes: number): {
        data: Uint8Array;
        fin: boolean;
    } | undefined;
    /** The peer read n bytes of our stream: reopen the window. */
    private credit;
    resetStream(streamId: number, code: bigint): void;
    stopStream(streamId: number, code: bigint): void;
    sendDatagram(data: Uint8Array): 'queued' | 'too-large' | 'unsupported' | 'closed';
    readDatagram(): Uint8Array | undefined;
    close(_now: number, code?: bigint, reason?: string): void;
    private ensureRecv;
    /** Bytes from the peer arrive. */
    receive(streamId: number, data: Uint8Array, fin: boolean): void;
    private onReset;
    private onStopped;
    /** Raw bytes straight onto the wire (as a misbehaving peer would write them). */
    inject(streamId: number, data: Uint8Array | number[], fin?: boolean): void;
}
export interface FakePairOptions {
    seed?: number;
    /** Largest piece a write is cut into on delivery (default 7: many splits). */
    maxChunk?: number;
}
/** Two FakeQuics wired together, plus the H3Connections driven by them. */
export declare class FakePair {
    readonly client: FakeQuic;
    readonly server: FakeQuic;
    readonly clientEvents: H3Event[];
    readonly serverEvents: H3Event[];
    h3Client: H3Connection | undefined;
    h3Server: H3Connection | undefined;
    now: number;
    private readonly rng;
    private readonly maxChunk;
    constructor(options?: FakePairOptions);
    /** Delivers everything in flight and feeds events to the H3 connections until both are quiet. */
    run(maxRounds?: number): void;
    private deliver;
    private drain;
}
export type PairSetup = {
    pair: FakePair;
    client: H3Connection;
    server: H3Connection;
};
export declare function setup(opts?: {
    seed?: number;
    maxChunk?: number;
    client?: Partial<H3ConnectionOptions>;
    server?: Partial<H3ConnectionOptions>;
}): PairSetup;
export declare function take<T extends H3Event['type']>(events: H3Event[], type: T): Extract<H3Event, {
    type: T;
}>[];
/** Reads a whole body through readData (pull model), driving the pair as needed. */
export declare function readBody(s: PairSetup, side: 'client' | 'server', streamId: number, max?: number): {
    body: Uint8Array;
    fin: boolean;
};
export {};
