import type { H3Event } from './events.js';
import { type Header } from './qpack/index.js';
import type { QuicConnectionLike } from './quic-connection-like.js';
/** A stream-level error: reset this stream (and stop reading it) with `code`. */
export declare class StreamAbort extends Error {
    readonly code: number;
    constructor(code: number, reason: string);
}
/** What the stream needs from its connection. */
export interface RequestStreamContext {
    /** We are the server (this stream carries a request to us). */
    readonly isServer: boolean;
    /** Whether we sent SETTINGS_ENABLE_CONNECT_PROTOCOL = 1 (server side). */
    readonly extendedConnectEnabled: boolean;
    /** :protocol tokens whose CONNECT streams carry capsules. */
    readonly capsuleProtocols: ReadonlySet<string>;
    /** Whether a WebTransport stream signal may start this stream. */
    readonly webTransportEnabled: boolean;
    /** QPACK: the decoded field section, or undefined when blocked on the encoder stream. */
    decodeFieldSection(streamId: number, fieldSection: Uint8Array): Header[] | undefined;
    emit(ev: H3Event): void;
}
/** Result of pump(): keep going, or this stream turned out to be a WebTransport stream. */
export type PumpResult = undefined | {
    readonly webTransportSessionId: number;
};
export declare class RequestStream {
    readonly id: number;
    private readonly reader;
    private readonly highWater;
    private phase;
    /** QUIC may have bytes for us (streamReadable seen and not drained). */
    quicReadable: boolean;
    /** QUIC delivered our last byte (FIN): the reader holds everything left. */
    private quicFin;
    /** The message ended cleanly and every byte was parsed. */
    private ended;
    private finishedAnnounced;
    /** Body pieces waiting for readData (views of QUIC's buffers). */
    private readonly pending;
    private pendingBytes;
    private blockedSection;
    private contentLength;
    private bodyReceived;
    /** Receive side abandoned (reset by the peer, stopped by us, or aborted on an error). */
    closed: boolean;
    /** QUIC already forgot the stream; the connection drops it once the buffered body is read. */
    quicGone: boolean;
    /** Headers of the message (request or final response) were fully decoded. */
    headersDone: boolean;
    /** Method of the request (sent by us as client, or received as server). */
    method: string | undefined;
    /** `:protocol` of an extended CONNECT. */
    protocol: string | undefined;
    /** DATA payload is capsules (set by the connection when the 2xx goes out / comes in). */
    private capsules;
    constructor(id: number, highWater: number, maxFieldSectionBytes: number, allowWebTransport: boolean);
    get isExtendedConnect(): boolean;
    get usesCapsules(): boolean;
    get isBlocked(): boolean;
    /** Body bytes buffered for the application. */
    get bufferedBytes(): number;
    /** The remaining bytes the frame reader holds (the rest of a WebTransport stream's first read). */
    takeRaw(): Uint8Array[];
    /** Reads from QUIC and parses as far as the buffer limit and QPACK allow. */
    pump(quic: QuicConnectionLike, ctx: RequestStreamContext): PumpResult;
    /** Parses the frames the reader holds. */
    private parse;
    private applyHeaders;
    private onBody;
    /** From now on DATA payload is capsules; body bytes already buffered are parsed first. */
    startCapsules(ctx: RequestStreamContext): void;
    private drainCapsules;
    /** The QUIC FIN was reached and every byte parsed. */
    private onEnd;
    private announceFinish;
    /** Takes up to `max` buffered body bytes (a view, no copy); fin once the body is complete and read. */
    readData(max: number, ctx: RequestStreamContext): {
        data: Uint8Array;
        fin: boolean;
    } | undefined;
    /** After readData: announce the end if the last byte was just read. */
    afterRead(ctx: RequestStreamContext): void;
    /** QPACK unblocked this stream: decode the held section and continue. */
    resume(quic: QuicConnectionLike, ctx: RequestStreamContext): PumpResult;
    /** Whether every field section of the message was decoded (else QPACK needs a Stream Cancellation). */
    get sectionsPending(): boolean;
    /** Drops everything buffered: the receive side is abandoned. */
    abandon(): void;
}
/** QUIC read that treats a stream QUIC no longer knows as empty. */
export declare function safeRead(quic: QuicConnectionLike, id: number, max: number): {
    data: Uint8Array;
    fin: boolean;
} | undefined;
