/**
 * Shared pieces of the leak tests: a test PKI, killable server children, clients with a short QUIC
 * idle timeout (how a vanished peer gets noticed), and the checks every test ends with.
 */
import assert from 'node:assert/strict';
import { createTestPki, type TestPki } from '../../../src/testing/test-pki.js';
import { IdleTimeoutError, WebTransportClient, WebTransportError } from '../../../src/index.js';
import { activeResources, excessResources, spawnKillableServer, type KillablePeer } from './killable-process.js';

/** Short enough to keep the tests fast, long enough for a loaded 2-core machine. */
export const IDLE_MS = 1000;
const CHUNK = new Uint8Array(16 * 1024);

/** The writing half of any stream. */
interface Writable {
  write(data: Uint8Array): Promise<void>;
}

export class KillableFixture {
  pki!: TestPki;
  #baseline = new Map<string, number>();
  readonly #peers: Array<KillablePeer<unknown>> = [];

  /** Call from before(): makes the PKI and notes the resources alive before any test. */
  async setup(): Promise<void> {
    this.pki = await createTestPki({ keyType: 'ec-p256', hostnames: ['localhost', '127.0.0.1'] });
    this.#baseline = activeResources();
  }

  /** A server child on `port` (0: any free port). */
  async startServer(port = 0): Promise<{ peer: KillablePeer<{ port: number }>; port: number }> {
    const peer = await spawnKillableServer({ port, certPem: this.pki.leafPem, keyPem: this.pki.keyPem });
    this.#peers.push(peer);
    return { peer, port: peer.hello.port };
  }

  /** Tracks a child started elsewhere so cleanup() kills it. */
  track(peer: KillablePeer<unknown>): void {
    this.#peers.push(peer);
  }

  clientOptions(): { config: { connectionIdleTimeoutMs: number } } {
    return { config: { connectionIdleTimeoutMs: IDLE_MS } };
  }

  newClient(): WebTransportClient {
    return new WebTransportClient(this.clientOptions());
  }

  connectOptions(): { ca: string; timeoutMs: number } {
    return { ca: this.pki.caPem, timeoutMs: 5000 };
  }

  /** Call from afterEach(): kills what is left, then checks nothing outlived the test. */
  async cleanup(): Promise<void> {
    await this.killAll();
    assert.deepEqual(await excessResources(this.#baseline), {}, 'sockets, timers or child processes left behind');
  }

  async killAll(): Promise<void> {
    await Promise.all(this.#peers.splice(0).map((p) => p.kill()));
  }
}

/** Writes until the stream fails and resolves with the error; `started` runs after the first write. */
export async function writeUntilFailure(stream: Writable, started: () => void = () => {}): Promise<unknown> {
  try {
    await stream.write(CHUNK);
    started();
    for (;;) await stream.write(CHUNK);
  } catch (error) {
    return error;
  }
}

/** Starts writeUntilFailure and waits for its first write to go through; `failure` settles with the error. */
export async function startWriting(stream: Writable): Promise<{ failure: Promise<unknown> }> {
  let started!: () => void;
  const first = new Promise<void>((resolve) => { started = resolve; });
  const failure = writeUntilFailure(stream, started);
  await Promise.race([first, failure]);
  return { failure };
}

/** Resolves with the rejection of `p` (fails if it resolves). */
export function rejectionOf(p: Promise<unknown>, what: string): Promise<unknown> {
  return p.then(() => assert.fail(`${what} resolved`), (error: unknown) => error);
}

/** A failure caused by the vanished peer must be a typed error. */
export function assertTypedFailure(error: unknown, what: string): void {
  assert.ok(error instanceof WebTransportError, `${what}: expected a WebTransportError, got ${String(error)}`);
}

/** True when `error` (or a cause of it) is the QUIC idle timeout. */
export function causedByIdleTimeout(error: unknown): boolean {
  for (let e = error; e instanceof Error; e = e.cause) if (e instanceof IdleTimeoutError) return true;
  return false;
}

export async function waitFor(condition: () => boolean, what: string, maxMs = 10_000): Promise<void> {
  const until = Date.now() + maxMs;
  while (!condition()) {
    if (Date.now() > until) assert.fail(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
