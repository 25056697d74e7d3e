export declare const H3UniStreamType: {
    readonly CONTROL: 0;
    readonly PUSH: 1;
    readonly QPACK_ENCODER: 2;
    readonly QPACK_DECODER: 3;
    /** WebTransport unidirectional stream (WT_STREAM uni, all drafts). */
    readonly WEBTRANSPORT_STREAM: 84;
};
/** The signal value opening a bidirectional WebTransport stream. */
export declare const WEBTRANSPORT_BIDI_SIGNAL = 65;
export type UniStreamHeader = {
    readonly kind: 'control';
} | {
    readonly kind: 'push';
    readonly pushId: number;
} | {
    readonly kind: 'qpackEncoder';
} | {
    readonly kind: 'qpackDecoder';
} | {
    readonly kind: 'webtransport';
    readonly sessionId: number;
}
/**
 * Unknown or reserved (GREASE) type: abort reading with H3_STREAM_CREATION_ERROR or discard
 * (RFC 9114 §6.2). Types above 2^53 are reported as Number.MAX_SAFE_INTEGER.
 */
 | {
    readonly kind: 'unknown';
    readonly streamType: number;
    readonly reserved: boolean;
};
export type BidiStreamHeader = 
/** An ordinary request stream: nothing was consumed, HTTP/3 frames start at offset 0. */
{
    readonly kind: 'request';
} | {
    readonly kind: 'webtransport';
    readonly sessionId: number;
};
export interface ParsedHeader<H> {
    readonly header: H;
    /** Bytes of the prefix; the stream payload starts right after. */
    readonly consumed: number;
}
/** Parses a uni stream prefix from its first bytes; undefined while incomplete. Throws H3Error(H3_ID_ERROR). */
export declare function parseUniStreamHeader(data: Uint8Array): ParsedHeader<UniStreamHeader> | undefined;
/** Parses the optional 0x41 signal at the start of a bidi stream; undefined while incomplete. */
export declare function parseBidiStreamHeader(data: Uint8Array): ParsedHeader<BidiStreamHeader> | undefined;
/**
 * Accumulates the first bytes of a stream until its header is complete. It keeps at most 15
 * bytes; the chunk that completes the header is not copied, its tail is `remainder`.
 */
export declare class StreamHeaderReader<H> {
    private readonly parse;
    private pending;
    /** The header, once complete. */
    header: H | undefined;
    /** Stream payload that came with the bytes completing the header (empty if none). */
    remainder: Uint8Array;
    constructor(parse: (data: Uint8Array) => ParsedHeader<H> | undefined);
    /** Feeds bytes; returns the header once complete (then read `remainder`). */
    push(chunk: Uint8Array): H | undefined;
}
export declare function uniStreamHeaderReader(): StreamHeaderReader<UniStreamHeader>;
export declare function bidiStreamHeaderReader(): StreamHeaderReader<BidiStreamHeader>;
/** Encodes a uni stream prefix: type, plus push id or session id where the type has one. */
export declare function encodeUniStreamHeader(header: UniStreamHeader): Uint8Array;
/** `40 54 <session id>`: the prefix of a WebTransport unidirectional stream. */
export declare function encodeWebTransportUniHeader(sessionId: number): Uint8Array;
/** `40 41 <session id>`: the prefix of a WebTransport bidirectional stream. */
export declare function encodeWebTransportBidiHeader(sessionId: number): Uint8Array;
