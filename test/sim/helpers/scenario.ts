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
import { nodeCryptoProvider } from '../../../src/crypto/node-provider.js';
import { createCertificateVerifier } from '../../../src/crypto/node-cert-verifier.js';
import { createTestPki } from '../../../src/testing/test-pki.js';
import { ProtoPair, type DriveOptions, type Side } from '../../../src/testing/proto-pair.js';
import type { LinkConfig } from '../../../src/testing/sim-link.js';
import type { SeededRandom } from '../../../src/testing/seeded-random.js';
import { testSeed } from '../../../src/testing/seeded-random.js';
import { withSeededKeyShares } from '../../../src/testing/seeded-crypto.js';
import { memoizedSigningKey } from '../../../src/testing/memoized-signing-key.js';
import { StreamStateError } from '../../../src/proto/quic/streams/stream-state-error.js';
import { MICROS_PER_MS, type Micros } from '../../../src/proto/util/time.js';

type EndpointConfig = ConstructorParameters<typeof Endpoint>[0];
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
  handshake(options?: DriveOptions): { client: Connection; server: Connection };
  /** ConnectionEvents one side has seen so far (for one connection, or all). */
  events(side: Side, connection?: Connection): ConnectionEvent[];
}

export async function createScenario(options: ScenarioOptions = {}): Promise<Scenario> {
  const seed = options.seed ?? testSeed(1);
  const serverName = options.serverName ?? 'localhost';
  const alpn = options.alpn ?? ['test'];
  const deterministic = options.deterministic ?? true;
  const pki = options.pki ?? await createTestPki({ keyType: options.keyType ?? 'ec-p256', hostnames: [serverName] });
  const signingKey = deterministic ? memoizedSigningKey(pki.signingKey) : pki.signingKey;
  const provider = (random: SeededRandom) =>
    deterministic ? withSeededKeyShares(nodeCryptoProvider, random.fork('key-shares')) : nodeCryptoProvider;
  // Wall clock: the PKI's validity is relative to the real date, so take the origin once.
  const wallOrigin = Date.now() * MICROS_PER_MS;
  const clockOf: { pair?: ProtoPair<EndpointEvent> } = {};
  const wallClock = (): Micros => wallOrigin + (clockOf.pair?.now() ?? 0);

  const serverConfig = {
    tls: { certificateChain: pki.chain, signingKey, alpnProtocols: alpn },
    retry: options.retry ?? false,
    ...options.serverConfig,
  } as unknown as NonNullable<EndpointConfig['server']>;

  const pair = new ProtoPair<EndpointEvent>({
    seed,
    client: (random) => new Endpoint(
      { transport: options.clientTransport ?? {}, wallClock } as EndpointConfig,
      { crypto: provider(random), random }),
    server: (random) => new Endpoint(
      { server: serverConfig, transport: options.serverTransport ?? {}, wallClock } as EndpointConfig,
      { crypto: provider(random), random }),
    ...(options.link ? { link: options.link } : {}),
    ...(options.clientToServer ? { clientToServer: options.clientToServer } : {}),
    ...(options.serverToClient ? { serverToClient: options.serverToClient } : {}),
  });
  clockOf.pair = pair;
  const client = pair.client as Endpoint;
  const server = pair.server as Endpoint;
  const verifier = options.verifier !== undefined ? options.verifier
    : (options.verify ?? true) ? createCertificateVerifier({ ca: [pki.caDer] }) : null;

  const scenario: Scenario = {
    seed, pair, client, server, pki,
    clientConnection: undefined,
    serverConnection: undefined,
    connect(overrides = {}) {
      const conn = client.connect(pair.now(), pair.serverAddress, {
        serverName, alpnProtocols: alpn, verifier,
        ...(options.clientTransport ? { transport: options.clientTransport } : {}),
        ...options.connectOptions,
        ...overrides,
      } as ClientConnectOptions);
      scenario.clientConnection = conn;
      pair.flush();
      return conn;
    },
    handshake(driveOptions = {}) {
      const c = scenario.clientConnection ?? scenario.connect();
      pair.drive(() => {
        const s = scenario.serverConnection;
        return s !== undefined && hasEvent(scenario.events('client', c), 'handshakeCompleted')
          && hasEvent(scenario.events('server', s), 'handshakeCompleted');
      }, { maxTimeMs: 30_000, ...driveOptions });
      return { client: c, server: scenario.serverConnection! };
    },
    events(side, connection) {
      return connectionEvents(side === 'client' ? pair.clientEvents : pair.serverEvents, connection);
    },
  };
  pair.onEvent = (side, ev) => {
    if (side === 'server' && ev.type === 'accepted' && scenario.serverConnection === undefined) {
      scenario.serverConnection = ev.connection;
    }
  };
  if (options.connect ?? true) scenario.connect();
  return scenario;
}

/** The ConnectionEvents inside a list of EndpointEvents (optionally for one connection). */
export function connectionEvents(events: readonly EndpointEvent[], connection?: Connection): ConnectionEvent[] {
  const out: ConnectionEvent[] = [];
  for (const e of events) {
    if (e.type === 'connection' && (connection === undefined || e.connection === connection)) out.push(e.event);
  }
  return out;
}

export function hasEvent(events: readonly ConnectionEvent[], type: ConnectionEvent['type']): boolean {
  return events.some((e) => e.type === type);
}

/** The closed event's info, if the connection closed. */
export function closeInfo(events: readonly ConnectionEvent[]): Extract<ConnectionEvent, { type: 'closed' }>['info'] | undefined {
  for (const e of events) if (e.type === 'closed') return e.info;
  return undefined;
}

/** Reads everything the stream has buffered right now (copies); fin once the FIN was read. */
export function readAvailable(connection: Connection, streamId: number, maxChunk = 65_536): { data: Uint8Array; fin: boolean } {
  const chunks: Uint8Array[] = [];
  let fin = false;
  // A peer stream that has not arrived yet is unknown to the connection: nothing to read.
  const read = (): { data: Uint8Array; fin: boolean } | undefined => {
    try {
      return connection.readStream(streamId, maxChunk);
    } catch (err) {
      if (err instanceof StreamStateError && err.reason === 'unknown') return undefined;
      throw err;
    }
  };
  for (let r = read(); r !== undefined; r = read()) {
    if (r.data.length > 0) chunks.push(r.data.slice());
    if (r.fin) {
      fin = true;
      break;
    }
    if (r.data.length === 0) break;
  }
  return { data: concatBytes(chunks), fin };
}

/**
 * Sends `data` + FIN on `streamId` from `sender`, feeding more as the core accepts it, while the
 * receiving connection reads as data arrives (so flow control keeps moving). Drives the pair until
 * the receiver has the FIN and returns the bytes it read. `receiver` is a function because the
 * receiving side may only learn about its connection while driving.
 */
export function transferOnStream(pair: ProtoPair<EndpointEvent>, sender: Connection, streamId: number,
  data: Uint8Array, receiver: () => Connection | undefined, options: DriveOptions = {}): Uint8Array {
  let offset = 0;
  let finQueued = false;
  const received: Uint8Array[] = [];
  let fin = false;
  pair.drive(() => {
    if (!finQueued) {
      const n = sender.writeStream(streamId, data.subarray(offset), true);
      offset += n;
      finQueued = offset === data.length;
    }
    const r = receiver();
    if (r !== undefined) {
      const got = readAvailable(r, streamId);
      if (got.data.length > 0) received.push(got.data);
      fin = fin || got.fin;
    }
    return fin;
  }, { maxTimeMs: 120_000, ...options });
  return concatBytes(received);
}

/** Seeded payload bytes for integrity checks. */
export function payload(random: SeededRandom, length: number): Uint8Array {
  return random.fill(new Uint8Array(length));
}

function concatBytes(chunks: readonly Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  return out;
}
