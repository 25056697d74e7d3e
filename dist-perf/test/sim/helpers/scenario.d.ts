/**
 * Helpers for scenario tests: a real client + server Endpoint pair on a ProtoPair, with a test
 * PKI, seeded randomness and (by default) reproducible key shares and signatures, so the same seed
 * gives the same transcript hash. Written against /work/notes/endpoint-api.md.
 */
import { Endpoint, type EndpointEvent } from '../../../src/proto/quic/endpoint/endpoint.js';
import type { Connection } from '../../../src/proto/quic/connection/connection.js';
import type { ConnectionEvent } from '../../../src/proto/quic/connection/events.js';
import type { TransportConfig } from '../../../src/proto/quic/connection/config.js';
import type { CertificateVerifier } from '../../../src/proto/tls/session.js';
import { createTestPki } from '../../../src/testing/test-pki.js';
import { ProtoPair, type DriveOptions, type Side } from '../../../src/testing/proto-pair.js';
import type { LinkConfig } from '../../../src/testing/sim-link.js';
import type { SeededRandom } from '../../../src/testing/seeded-random.js';
type ClientConnectOptions = Parameters<Endpoint['connect']>[2];
type TestPki = Awaited<ReturnType<typeof createTestPki>>;
type KeyType = 'ec-p256' | 'ec-p384' | 'rsa-2048' | 'ed25519';
export interface ScenarioOptions {
    /** Default: SIM_SEED from the environment, else 1. */
    seed?: number;
    alpn?: string[];
    keyType?: KeyType;
    serverName?: string;
    link?: Partial<LinkConfig>;
    clientToServer?: Partial<LinkConfig>;
    serverToClient?: Partial<LinkConfig>;
    clientTransport?: Partial<TransportConfig>;
    serverTransport?: Partial<TransportConfig>;
    retry?: boolean;
    /** Verify the server against the test CA (default true); false passes verifier: null. */
    verify?: boolean;
    /** Replace the verifier altogether (e.g. a CertificateHashVerifier). */
    verifier?: CertificateVerifier | null;
    /** Seeded key shares and memoised signatures (default true): same seed, same bytes. */
    deterministic?: boolean;
    /** Extra fields merged into the server's EndpointConfig.server / the client's connect options. */
    serverConfig?: Record<string, unknown>;
    connectOptions?: Partial<ClientConnectOptions>;
    /** Reuse a PKI (certificates are generated per call otherwise, which changes transcripts). */
    pki?: TestPki;
    /** Start the client's connect() right away (default true). */
    connect?: boolean;
}
export interface Scenario {
    readonly seed: number;
    readonly pair: ProtoPair<EndpointEvent>;
    readonly client: Endpoint;
    readonly server: Endpoint;
    readonly pki: TestPki;
    /** The client connection (after connect()). */
    clientConnection: Connection | undefined;
    /** The first connection the server accepted. */
    serverConnection: Connection | undefined;
    /** Calls client.connect() now and flushes its first flight. */
    connect(overrides?: Partial<ClientConnectOptions>): Connection;
    /** Drives until both sides reported handshakeCompleted; returns both connections. */
    handshake(options?: DriveOptions): {
        client: Connection;
        server: Connection;
    };
    /** ConnectionEvents one side has seen so far (for one connection, or all). */
    events(side: Side, connection?: Connection): ConnectionEvent[];
}
export declare function createScenario(options?: ScenarioOptions): Promise<Scenario>;
/** The ConnectionEvents inside a list of EndpointEvents (optionally for one connection). */
export declare function connectionEvents(events: readonly EndpointEvent[], connection?: Connection): ConnectionEvent[];
export declare function hasEvent(events: readonly ConnectionEvent[], type: ConnectionEvent['type']): boolean;
/** The closed event's info, if the connection closed. */
export declare function closeInfo(events: readonly ConnectionEvent[]): Extract<ConnectionEvent, {
    type: 'closed';
}>['info'] | undefined;
/** Reads everything the stream has buffered right now (copies); fin once the FIN was read. */
export declare function readAvailable(connection: Connection, streamId: number, maxChunk?: number): {
    data: Uint8Array;
    fin: boolean;
};
/**
 * Sends `data` + FIN on `streamId` from `sender`, feeding more as the core accepts it, while the
 * receiving connection reads as data arrives (so flow control keeps moving). Drives the pair until
 * the receiver has the FIN and returns the bytes it read. `receiver` is a function because the
 * receiving side may only learn about its connection while driving.
 */
export declare function transferOnStream(pair: ProtoPair<EndpointEvent>, sender: Connection, streamId: number, data: Uint8Array, receiver: () => Connection | undefined, options?: DriveOptions): Uint8Array;
/** Seeded payload bytes for integrity checks. */
export declare function payload(random: SeededRandom, length: number): Uint8Array;
export {};
