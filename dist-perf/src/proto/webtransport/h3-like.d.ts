/**
 * The narrow view of an HTTP/3 connection the WebTransport engine needs (architecture §1.2 rule
 * 3): commands on request/CONNECT streams, capsules, HTTP datagrams and raw WebTransport streams,
 * plus the subset of H3 events it consumes. src/proto/h3/connection.ts H3Connection satisfies the
 * command interface structurally, and its H3Event members of these types have these shapes, so
 * the runtime feeds them with `if (isWtH3Event(ev)) engine.handleH3Event(now, ev)`.
 */
export type WtHeaderList = ReadonlyArray<readonly [string, string]>;
export interface WtH3Like {
    readonly isServer: boolean;
    /** Client: opens a request stream with these HEADERS; undefined while QUIC's stream limit is reached. */
    sendRequest(headers: WtHeaderList): number | undefined;
    /** Server: the response HEADERS on a request stream (endStream = FIN right after). */
    sendResponse(streamId: number, headers: WtHeaderList, endStream?: boolean): void;
    /** A capsule inside a DATA frame on the CONNECT stream; endStream sends FIN after it. */
    sendCapsule(streamId: number, type: number, value: Uint8Array, endStream?: boolean): void;
    /** FIN on a request/CONNECT stream. */
    endStream(streamId: number): void;
    sendHttpDatagram(streamId: number, payload: Uint8Array): 'queued' | 'too-large' | 'unsupported' | 'closed';
    /** Largest HTTP datagram payload for this CONNECT stream right now (0: none). */
    maxHttpDatagramSize(streamId: number): number;
    /** Opens a WebTransport stream and writes its 0x41 / 0x54 header; undefined at QUIC's stream limit. */
    openWebTransportStream(sessionId: number, direction: 'bidi' | 'uni'): number | undefined;
    /** Payload bytes of a WebTransport stream (a view); undefined when nothing is readable. */
    readRaw(streamId: number, maxBytes: number): {
        data: Uint8Array;
        fin: boolean;
    } | undefined;
    /** Returns the bytes accepted (short: wait for streamWritable). */
    writeRaw(streamId: number, data: Uint8Array, fin?: boolean): number;
    /** RESET_STREAM with an HTTP/3-space code. */
    resetStream(streamId: number, code: number): void;
    /** STOP_SENDING with an HTTP/3-space code. */
    stopSending(streamId: number, code: number): void;
}
/** The H3 events the engine consumes (same shapes as the matching H3Event members). */
export type WtH3Event = {
    readonly type: 'settings';
    readonly settings: {
        readonly raw: ReadonlyMap<number, number>;
    };
} | {
    readonly type: 'headers';
    readonly streamId: number;
    readonly headers: WtHeaderList;
    readonly endStream: boolean;
    readonly status?: number;
    readonly method?: string;
    readonly protocol?: string;
    readonly isExtendedConnect: boolean;
} | {
    readonly type: 'requestFinished';
    readonly streamId: number;
} | {
    readonly type: 'streamReset';
    readonly streamId: number;
    readonly code: bigint;
} | {
    readonly type: 'streamStopped';
    readonly streamId: number;
    readonly code: bigint;
} | {
    readonly type: 'streamError';
    readonly streamId: number;
    readonly code: number;
    readonly reason: string;
} | {
    readonly type: 'streamWritable';
    readonly streamId: number;
} | {
    readonly type: 'streamsAvailable';
    readonly direction: 'bidi' | 'uni';
} | {
    readonly type: 'goaway';
    readonly id: number;
} | {
    readonly type: 'capsule';
    readonly streamId: number;
    readonly capsuleType: number;
    readonly value: Uint8Array;
} | {
    readonly type: 'httpDatagram';
    readonly streamId: number;
    readonly payload: Uint8Array;
} | {
    readonly type: 'webTransportStream';
    readonly sessionId: number;
    readonly streamId: number;
    readonly direction: 'bidi' | 'uni';
} | {
    readonly type: 'rawReadable';
    readonly streamId: number;
} | {
    readonly type: 'closed';
    readonly code: bigint;
    readonly reason: string;
    readonly remote: boolean;
};
/** Narrows an H3 event to the ones the engine takes. */
export declare function isWtH3Event<E extends {
    readonly type: string;
}>(ev: E): ev is E & WtH3Event;
