export declare const HandshakeType: {
    readonly client_hello: 1;
    readonly server_hello: 2;
    readonly new_session_ticket: 4;
    readonly end_of_early_data: 5;
    readonly encrypted_extensions: 8;
    readonly certificate: 11;
    readonly certificate_request: 13;
    readonly certificate_verify: 15;
    readonly finished: 20;
    readonly key_update: 24;
    readonly message_hash: 254;
};
export type HandshakeType = (typeof HandshakeType)[keyof typeof HandshakeType];
/** Largest handshake message we accept (certificate chains included). */
export declare const MAX_HANDSHAKE_MESSAGE: number;
/** Wraps a message body in its 4-byte handshake header. */
export declare function frameHandshake(type: number, body: Uint8Array): Uint8Array;
export interface HandshakeMessage {
    readonly type: number;
    /** The body (after the 4-byte header). */
    readonly body: Uint8Array;
    /** Header and body, as hashed into the transcript. */
    readonly raw: Uint8Array;
}
/**
 * Splits a byte stream into whole handshake messages. Only one incomplete message is ever
 * buffered, and its declared size is capped, so memory stays bounded whatever the peer sends.
 * Returned messages own their bytes (they may be retained; the caller's buffer may be reused).
 */
export declare class HandshakeReassembler {
    private pending;
    private readonly maxMessage;
    constructor(maxMessage?: number);
    /** Bytes buffered that do not form a whole message yet. */
    get buffered(): number;
    /** Adds bytes and returns the complete messages they finish, in order. */
    push(data: Uint8Array): HandshakeMessage[];
}
