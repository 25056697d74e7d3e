/**
 * Byte-level reading and writing over Uint8Array without copies on read.
 *
 * ByteReader throws TruncatedInputError when input ends early; each layer's decoder catches it
 * and rethrows its own typed protocol error (TransportError, H3Error, TlsAlertError, ...).
 */
/** Raised by ByteReader when the input is shorter than its encoding claims. */
export declare class TruncatedInputError extends Error {
    constructor(message?: string);
}
/** Raised by ByteReader for a value that JavaScript numbers cannot hold exactly. */
export declare class ValueTooLargeError extends Error {
    constructor(message?: string);
}
export declare class ByteReader {
    readonly buf: Uint8Array;
    pos: number;
    readonly end: number;
    constructor(buf: Uint8Array, start?: number, end?: number);
    get remaining(): number;
    get done(): boolean;
    private need;
    u8(): number;
    u16(): number;
    u24(): number;
    u32(): number;
    /** A QUIC variable-length integer (RFC 9000 §16) as a number; throws above 2^53 - 1. */
    varint(): number;
    /** A QUIC variable-length integer as a bigint (full 62-bit range, for error codes). */
    varintBig(): bigint;
    /** A view of the next n bytes (no copy). */
    bytes(n: number): Uint8Array;
    /** A view of everything left (no copy). */
    rest(): Uint8Array;
    skip(n: number): void;
    /** Bytes with a u8/u16/u24 length prefix (TLS vectors). */
    vec8(): Uint8Array;
    vec16(): Uint8Array;
    vec24(): Uint8Array;
    /** Bytes with a varint length prefix. */
    vecVarint(): Uint8Array;
}
/**
 * A writer that grows its buffer as needed (growable = true, the default when constructed
 * from a capacity) or writes into a caller-owned buffer and throws RangeError when full.
 */
export declare class ByteWriter {
    buf: Uint8Array;
    pos: number;
    private readonly growable;
    constructor(init?: number | Uint8Array, start?: number);
    private ensure;
    get length(): number;
    u8(v: number): this;
    u16(v: number): this;
    u24(v: number): this;
    u32(v: number): this;
    /** A QUIC varint in its minimal encoding. */
    varint(v: number | bigint): this;
    bytes(data: Uint8Array): this;
    zeros(n: number): this;
    vec8(data: Uint8Array): this;
    vec16(data: Uint8Array): this;
    vec24(data: Uint8Array): this;
    vecVarint(data: Uint8Array): this;
    /**
     * Reserves a length prefix of `width` bytes (1, 2 or 3), runs `body`, then fills it in.
     * Used for nested TLS structures.
     */
    lengthPrefixed(width: 1 | 2 | 3, body: (w: this) => void): this;
    /** The written bytes (a view; the writer must not be reused afterwards if you keep it). */
    finish(): Uint8Array;
}
/** Size in bytes of the minimal varint encoding of v. */
export declare function varintSize(v: number | bigint): 1 | 2 | 4 | 8;
/** Writes the minimal varint encoding of v at buf[offset]; returns the offset after it. */
export declare function writeVarintAt(buf: Uint8Array, offset: number, v: number | bigint): number;
/** Writes v as a varint of exactly `size` bytes (non-minimal allowed), e.g. a reserved length field. */
export declare function writeVarintFixed(buf: Uint8Array, offset: number, v: number, size: 1 | 2 | 4 | 8): number;
export declare function concatBytes(...parts: Uint8Array[]): Uint8Array;
export declare function bytesEqual(a: Uint8Array, b: Uint8Array): boolean;
export declare function toHex(b: Uint8Array): string;
export declare function fromHex(hex: string): Uint8Array;
export declare function utf8(s: string): Uint8Array;
/** Strict UTF-8 decode; throws TypeError on invalid input. */
export declare function fromUtf8(b: Uint8Array): string;
