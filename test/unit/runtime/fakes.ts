/** Small fakes of the proto Endpoint/Connection and of the runtime seams, for driver and API tests. */
import type { Micros } from '../../../src/proto/util/time.js';
import type {
  ConnectionEvent, ProtoClientConnectOptions, ProtoConnection, ProtoConnectionState, ProtoConnectionStats,
  ProtoEndpoint, ProtoEndpointEvent, SocketAddress, StreamDirection, Transmit,
} from '../../../src/runtime/proto-types.js';
import type { TimerHandle, TimerScheduler } from '../../../src/runtime/timer-scheduler.js';
import type { DatagramSocket, SendCallback } from '../../../src/runtime/udp-socket.js';

export interface FakeStreamState {
  recv: Uint8Array[];
  recvFin: boolean;
  sendCapacity: number;
  sent: number[];
  finSent: boolean;
  reset?: bigint;
  stopped?: bigint;
}

export class FakeConnection implements ProtoConnection {
  static nextHandle = 1;
  readonly handle = FakeConnection.nextHandle++;
  readonly isServer: boolean;
  readonly remote: SocketAddress;
  state: ProtoConnectionState = 'handshaking';
  alpn: string | undefined = 'echo';
  maxDatagramSize = 1200;
  readonly streams = new Map<number, FakeStreamState>();
  readonly datagramsOut: Uint8Array[] = [];
  readonly datagramsIn: Uint8Array[] = [];
  readonly calls: string[] = [];
  readStreamCalls = 0;
  streamLimit: Record<StreamDirection, number> = { bidi: 100, uni: 100 };
  defaultSendCapacity = Number.MAX_SAFE_INTEGER;
  closedWith: { code: bigint; reason: string | undefined } | undefined;
  readonly #opened: Record<StreamDirection, number> = { bidi: 0, uni: 0 };
  readonly #emit: (c: FakeConnection, e: ConnectionEvent) => void;

  constructor(isServer: boolean, remote: SocketAddress, emit: (c: FakeConnection, e: ConnectionEvent) => void) {
    this.isServer = isServer;
    this.remote = remote;
    this.#emit = emit;
  }

  emit(event: ConnectionEvent): void {
    this.#emit(this, event);
  }

  stream(id: number): FakeStreamState {
    let s = this.streams.get(id);
    if (!s) {
      s = { recv: [], recvFin: false, sendCapacity: this.defaultSendCapacity, sent: [], finSent: false };
      this.streams.set(id, s);
    }
    return s;
  }

  openStream(direction: StreamDirection): number | undefined {
    if (this.#opened[direction] >= this.streamLimit[direction]) return undefined;
    const id = this.#opened[direction]++ * 4 + (direction === 'uni' ? 2 : 0) + (this.isServer ? 1 : 0);
    this.stream(id);
    return id;
  }

  writeStream(streamId: number, data: Uint8Array, fin = false): number {
    const s = this.stream(streamId);
    if (s.finSent || s.reset !== undefined) throw new Error('stream send side is closed');
    const n = Math.min(data.length, s.sendCapacity);
    s.sendCapacity -= n;
    for (let i = 0; i < n; i++) s.sent.push(data[i]!);
    if (fin && n === data.length) s.finSent = true;
    return n;
  }

  readStream(streamId: number, maxBytes: number): { data: Uint8Array; fin: boolean } | undefined {
    this.readStreamCalls++;
    const s = this.stream(streamId);
    const head = s.recv[0];
    if (head === undefined) return s.recvFin ? { data: new Uint8Array(0), fin: true } : undefined;
    if (head.length > maxBytes) {
      s.recv[0] = head.subarray(maxBytes);
      return { data: head.subarray(0, maxBytes), fin: false };
    }
    s.recv.shift();
    return { data: head, fin: s.recv.length === 0 && s.recvFin };
  }

  resetStream(streamId: number, code: bigint): void {
    this.stream(streamId).reset = code;
    this.calls.push(`reset ${streamId} ${code}`);
  }

  stopStream(streamId: number, code: bigint): void {
    this.stream(streamId).stopped = code;
    this.calls.push(`stop ${streamId} ${code}`);
  }

  sendDatagram(data: Uint8Array): 'queued' | 'too-large' | 'unsupported' | 'closed' {
    if (this.state === 'closed') return 'closed';
    if (this.maxDatagramSize === 0) return 'unsupported';
    if (data.length > this.maxDatagramSize) return 'too-large';
    this.datagramsOut.push(data);
    return 'queued';
  }

  readDatagram(): Uint8Array | undefined {
    return this.datagramsIn.shift();
  }

  initiateKeyUpdate(_now: Micros): boolean {
    return false;
  }

  close(_now: Micros, code: bigint, reason?: string): void {
    this.closedWith = { code, reason };
    this.state = 'closing';
  }

  stats(): ProtoConnectionStats {
    return {
      smoothedRttMicros: 1000, minRttMicros: 900, latestRttMicros: 1000, rttVarianceMicros: 10, congestionWindow: 12000,
      bytesInFlight: 0, packetsSent: 1, packetsReceived: 2, packetsLost: 0, datagramsSent: 1, datagramsReceived: 2,
      bytesSent: 3, bytesReceived: 4, ptoCount: 0, decryptionFailures: 0, retries: 0, maxPacketSize: 1200, pmtuProbesLost: 0, streams: {}, datagrams: {},
    };
  }
}

/** A fake Endpoint: tests queue its events, transmits and deadline, and inspect the inputs it got. */
export class FakeEndpoint implements ProtoEndpoint<FakeConnection> {
  readonly events: ProtoEndpointEvent<FakeConnection>[] = [];
  readonly transmits: { bytes: Uint8Array; remote: SocketAddress }[] = [];
  readonly received: { now: Micros; bytes: Uint8Array; remote: SocketAddress }[] = [];
  readonly timeoutsHandled: Micros[] = [];
  readonly connections: FakeConnection[] = [];
  deadline: Micros | undefined;
  connectionCount = 0;
  /** Called on every handleDatagram (e.g. to accept a connection or answer). */
  onDatagram: ((bytes: Uint8Array, remote: SocketAddress) => void) | undefined;
  onTimeout: ((now: Micros) => void) | undefined;

  readonly emit = (connection: FakeConnection, event: ConnectionEvent): void => {
    this.events.push({ type: 'connection', connection, event });
  };

  newConnection(isServer: boolean, remote: SocketAddress): FakeConnection {
    const c = new FakeConnection(isServer, remote, this.emit);
    this.connections.push(c);
    this.connectionCount++;
    return c;
  }

  connect(_now: Micros, remote: SocketAddress, _options: ProtoClientConnectOptions): FakeConnection {
    return this.newConnection(false, remote);
  }

  handleDatagram(now: Micros, data: Uint8Array, remote: SocketAddress): void {
    this.received.push({ now, bytes: data.slice(), remote });
    this.onDatagram?.(data, remote);
  }

  pollTransmit(_now: Micros, out: Uint8Array): Transmit | undefined {
    const t = this.transmits.shift();
    if (!t) return undefined;
    out.set(t.bytes);
    return { size: t.bytes.length, remote: t.remote };
  }

  pollTimeout(): Micros | undefined {
    return this.deadline;
  }

  handleTimeout(now: Micros): void {
    this.timeoutsHandled.push(now);
    this.onTimeout?.(now);
  }

  pollEvent(): ProtoEndpointEvent<FakeConnection> | undefined {
    return this.events.shift();
  }
}

export class FakeClock {
  t: Micros = 1_000_000;
  now(): Micros {
    return this.t;
  }
}

export class FakeTimers implements TimerScheduler {
  readonly armed = new Map<number, { callback: () => void; delayMs: number }>();
  readonly history: number[] = [];
  #next = 1;

  setTimer(callback: () => void, delayMs: number): TimerHandle {
    const id = this.#next++;
    this.armed.set(id, { callback, delayMs });
    this.history.push(delayMs);
    return id;
  }

  clearTimer(handle: TimerHandle): void {
    this.armed.delete(handle as number);
  }

  /** Fires every armed timer (as if their delays elapsed). */
  fireAll(): void {
    const due = [...this.armed.entries()];
    this.armed.clear();
    for (const [, t] of due) t.callback();
  }
}

/** An in-memory socket: records sends, completes them when the test says so, injects receives. */
export class FakeSocket implements DatagramSocket {
  readonly sent: { bytes: Uint8Array; remote: SocketAddress; buffer: Uint8Array }[] = [];
  readonly pendingCallbacks: SendCallback[] = [];
  closed = false;
  #onMessage: ((data: Uint8Array, remote: SocketAddress) => void) | undefined;

  bind(port: number, address: string): Promise<SocketAddress> {
    return Promise.resolve({ address, port: port || 40000 });
  }

  send(data: Uint8Array, offset: number, length: number, remote: SocketAddress, callback?: SendCallback): void {
    this.sent.push({ bytes: data.slice(offset, offset + length), remote, buffer: data });
    if (callback) this.pendingCallbacks.push(callback);
  }

  completeSends(n = this.pendingCallbacks.length): void {
    for (const cb of this.pendingCallbacks.splice(0, n)) cb(null);
  }

  onMessage(handler: (data: Uint8Array, remote: SocketAddress) => void): void {
    this.#onMessage = handler;
  }

  onError(): void {}

  deliver(data: Uint8Array, remote: SocketAddress): void {
    this.#onMessage?.(data, remote);
  }

  address(): SocketAddress {
    return { address: '127.0.0.1', port: 40000 };
  }

  close(): Promise<void> {
    this.closed = true;
    return Promise.resolve();
  }
}

/** Lets setImmediate-scheduled flushes and pending Promise callbacks run. */
export function turn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
