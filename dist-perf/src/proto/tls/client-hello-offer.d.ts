import type { ClientHello } from './client-hello.js';
import { type KeyShareEntry, type OfferedPsks } from './extensions.js';
export interface ClientOffer {
    readonly serverName: string | undefined;
    readonly alpn: readonly Uint8Array[];
    readonly transportParameters: Uint8Array;
    readonly supportedGroups: readonly number[];
    readonly keyShares: readonly KeyShareEntry[];
    /** undefined only when the client relies on a PSK alone. */
    readonly signatureAlgorithms: readonly number[] | undefined;
    /** Present only when the client allows psk_dhe_ke (the only PSK mode we use). */
    readonly psk: OfferedPsks | undefined;
    readonly cookie: Uint8Array | undefined;
}
export declare function readClientOffer(ch: ClientHello): ClientOffer;
