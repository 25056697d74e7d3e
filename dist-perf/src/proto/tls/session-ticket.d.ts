/**
 * Session resumption (RFC 8446 §4.6.1, §4.2.11): the NewSessionTicket codec, the server's
 * self-encrypted tickets, and PSK binders. No 0-RTT: tickets never allow early data.
 */
import type { CryptoProvider, HashAlgorithm } from '../crypto/provider.js';
import type { Micros } from '../util/time.js';
import type { RandomSource } from '../util/random.js';
import { type Extension } from './extensions.js';
/** RFC 8446 §4.6.1: tickets live at most seven days. */
export declare const MAX_TICKET_LIFETIME_SECONDS = 604800;
export interface NewSessionTicket {
    readonly lifetimeSeconds: number;
    readonly ageAdd: number;
    readonly nonce: Uint8Array;
    readonly ticket: Uint8Array;
    /** From the early_data extension; 0 when absent. */
    readonly maxEarlyData: number;
}
export declare function encodeNewSessionTicket(t: Omit<NewSessionTicket, 'maxEarlyData'>, extensions?: readonly Extension[]): Uint8Array;
export declare function decodeNewSessionTicket(body: Uint8Array): NewSessionTicket;
/** What the server seals into a ticket: enough to rebuild the PSK and check the resumption. */
export interface TicketContents {
    readonly suite: number;
    readonly alpn: string;
    readonly serverName: string;
    readonly psk: Uint8Array;
    readonly issuedAt: Micros;
    readonly lifetimeSeconds: number;
    readonly ageAdd: number;
}
/** Seals ticket contents with AES-256-GCM under the server's 32-byte ticket key. */
export declare function sealTicket(crypto: CryptoProvider, random: RandomSource, key: Uint8Array, c: TicketContents): Uint8Array;
/** The contents of a ticket we issued, or undefined for anything else (forged, other key, garbage). */
export declare function openTicket(crypto: CryptoProvider, key: Uint8Array, ticket: Uint8Array): TicketContents | undefined;
/** A PSK binder: the Finished computation keyed by the binder key (RFC 8446 §4.2.11.2). */
export declare function computeBinder(crypto: CryptoProvider, hash: HashAlgorithm, psk: Uint8Array, transcriptHash: Uint8Array): Uint8Array;
