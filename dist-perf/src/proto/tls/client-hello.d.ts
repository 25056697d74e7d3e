import { type Extension, type ExtensionBlock } from './extensions.js';
export interface ClientHello {
    readonly random: Uint8Array;
    readonly legacySessionId: Uint8Array;
    readonly cipherSuites: readonly number[];
    readonly extensions: ExtensionBlock;
}
/** Encodes a whole ClientHello handshake message (header included). */
export declare function encodeClientHello(random: Uint8Array, cipherSuites: readonly number[], extensions: readonly Extension[]): Uint8Array;
export declare function decodeClientHello(body: Uint8Array): ClientHello;
