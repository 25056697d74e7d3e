/**
 * Test helpers for the TLS state machines: certificates made with @peculiar/x509, a minimal
 * node:crypto SigningKey, fixed verifiers, and an in-memory pump between two TlsSessions.
 */
import { type KeyObject } from 'node:crypto';
import '../../crypto/reflect-metadata-shim.js';
import type { RandomSource } from '../../../../src/proto/util/random.js';
import { type TlsClientConfig } from '../../../../src/proto/tls/client.js';
import { type TlsServerConfig } from '../../../../src/proto/tls/server.js';
import { CertificateVerificationError, type CertificateVerifier, type SigningKey, type TlsEvent, type TlsSession } from '../../../../src/proto/tls/session.js';
export type KeyKind = 'p256' | 'p384' | 'rsa' | 'ed25519';
export interface Identity {
    readonly chain: Uint8Array[];
    readonly key: SigningKey;
}
/** A test-only SigningKey over a node:crypto private key; `schemes` may be narrowed. */
export declare function testSigningKey(kind: KeyKind, key: KeyObject, schemes?: number[]): SigningKey;
/** A self-signed certificate and its key (memoized per kind: key generation is slow). */
export declare function identity(kind: KeyKind, schemes?: number[]): Promise<Identity>;
export declare const nodeRandom: RandomSource;
export declare const deps: {
    crypto: import("../../../../src/proto/index.js").CryptoProvider;
    random: RandomSource;
};
export declare const acceptAll: CertificateVerifier;
export declare function refusing(reason: CertificateVerificationError['reason']): CertificateVerifier;
/** Records what it was asked to verify. */
export declare function recordingVerifier(): CertificateVerifier & {
    calls: {
        chain: readonly Uint8Array[];
        serverName: string | undefined;
    }[];
};
export declare const CLIENT_TP: Uint8Array<ArrayBufferLike>;
export declare const SERVER_TP: Uint8Array<ArrayBufferLike>;
export declare function clientConfig(over?: Partial<TlsClientConfig>): TlsClientConfig;
export declare function serverConfig(over?: Partial<TlsServerConfig>, kind?: KeyKind): Promise<TlsServerConfig>;
export interface PumpResult {
    client: TlsEvent[];
    server: TlsEvent[];
}
/**
 * Moves handshake bytes between the two sessions until both are quiet. Events are recorded
 * per side in order. `tamper` may rewrite data in flight (return it unchanged to pass).
 */
export declare function pump(client: TlsSession, server: TlsSession, now?: number, tamper?: (from: 'client' | 'server', ev: Extract<TlsEvent, {
    type: 'handshakeData';
}>) => Uint8Array): PumpResult;
export declare function handshake(cc: TlsClientConfig, sc: TlsServerConfig, now?: number): PumpResult & {
    client: TlsEvent[];
    c: TlsSession;
    s: TlsSession;
};
export declare function secretsOf(events: TlsEvent[]): string[];
export declare function typesOf(events: TlsEvent[]): string[];
