import { type Extension, type ExtensionBlock } from './extensions.js';
/** SHA-256("HelloRetryRequest"): the random that marks a ServerHello as a HelloRetryRequest. */
export declare const HELLO_RETRY_REQUEST_RANDOM: Uint8Array<ArrayBufferLike>;
export interface ServerHello {
    readonly random: Uint8Array;
    readonly legacySessionIdEcho: Uint8Array;
    readonly cipherSuite: number;
    readonly extensions: ExtensionBlock;
    readonly isHelloRetryRequest: boolean;
}
/** Encodes a whole ServerHello (or, with HELLO_RETRY_REQUEST_RANDOM, an HRR) message. */
export declare function encodeServerHello(random: Uint8Array, sessionIdEcho: Uint8Array, cipherSuite: number, extensions: readonly Extension[]): Uint8Array;
export declare function decodeServerHello(body: Uint8Array): ServerHello;
