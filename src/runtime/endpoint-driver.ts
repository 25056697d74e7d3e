/**
 * Drives one sans-IO Endpoint over one DatagramSocket. Every input (a datagram, the timer, a
 * command from the API layer) is followed by ONE coalesced flush that drains events to the
 * per-connection handlers, drains transmits to the socket and re-arms the single timer.
 */
import type { Micros } from '../proto/util/time.js';
import { systemClock, type Clock } from './clock.js';
import type {
  ConnectionEvent, ProtoClientConnectOptions, ProtoConnection, ProtoEndpoint, SocketAddress,
} from './proto-types.js';
import { SendBufferPool } from './send-buffer-pool.js';
import { MAX_TIMER_DELAY_MS, nodeTimerScheduler, type TimerHandle, type TimerScheduler } from './timer-scheduler.js';
import type { DatagramSocket } from './udp-socket.js';

export interface ConnectionEventHandler {
  onConnectionEvent(event: ConnectionEvent): void;
}

export interface EndpointDriverOptions<C extends ProtoConnection> {
  socket: DatagramSocket;
  endpoint: ProtoEndpoint<C>;
  clock?: Clock;
  timers?: TimerScheduler;
  pool?: SendBufferPool;
  /** Server side: a new connection appeared; register a handler for it synchronously. */
  onAccepted?: (connection: C) => void;
  /** Schedules the coalesced flush; a macrotask so a whole batch of received datagrams shares it. */
  scheduleFlush?: (callback: () => void) => void;
  /** Transmits written per flush before yielding to the event loop (so receives are not starved). */
  maxTransmitsPerFlush?: number;
}

export interface DriverStats {
  datagramsReceived: number;
  datagramsSent: number;
  sendErrors: number;
  flushes: number;
  timerFires: number;
}

/** Drivers whose socket is still open, so that a process can count the QUIC connections it holds. */
const openDrivers = new Set<{ readonly connectionCount: number }>();

/**
 * QUIC connections held by this process's open endpoints, including those still closing or
 * draining (RFC 9000 §10.2): e.g. a memory measurement waits for this before it counts.
 */
export function openQuicConnectionCount(): number {
  let n = 0;
  for (const d of openDrivers) n += d.connectionCount;
  return n;
}

/**
 * Microtask ticks between delivering events and sending: enough for an async handler a few
 * awaits deep (event -> resolved promise -> application -> command) to queue its reply.
 */
const REACTION_TICKS = 4;


export class EndpointDriver<C extends ProtoConnection = ProtoConnection> {
  readonly socket: DatagramSocket;
  readonly endpoint: ProtoEndpoint<C>;
  readonly clock: Clock;
  readonly stats: DriverStats = { datagramsReceived: 0, datagramsSent: 0, sendErrors: 0, flushes: 0, timerFires: 0 };
  readonly #timers: TimerScheduler;
  readonly #pool: SendBufferPool;
  readonly #handlers = new Map<number, ConnectionEventHandler>();
  readonly #onAccepted: ((connection: C) => void) | undefined;
  readonly #scheduleFlush: (callback: () => void) => void;
  readonly #maxTransmitsPerFlush: number;
  /** Slots handed to socket.send, in send order; completions arrive in the same order. */
  readonly #inFlight: Uint8Array[] = [];
  #inFlightHead = 0;
  /**
   * Slot counts of the send batches in flight. Only a batch's last send carries the completion
   * callback (a callback per packet cost ~0.5 µs of a ~5 µs send); since completions are FIFO,
   * it frees the whole batch.
   */
  readonly #batches: number[] = [];
  #batchHead = 0;
  #flushScheduled = false;
  #timer: TimerHandle | undefined;
  #armedDeadline: Micros | undefined;
  #socketClosed = false;
  #blockedOnBuffers = false;
  #idleWaiters: (() => void)[] = [];
  readonly #flushCallback = (): void => {
    // Events first; the transmits wait a few microtask ticks so that what the application does
    // in reaction (a reply, the next request) leaves in the same packets as the ACKs. #flushScheduled
    // stays set meanwhile: wake() has nothing to schedule.
    if (this.#dispatchEvents()) {
      this.#ticksLeft = REACTION_TICKS;
      queueMicrotask(this.#reactionTick);
      return;
    }
    this.#flushScheduled = false;
    this.#flush();
  };
  /** Microtask ticks still to wait before the transmits (one bound callback, no closure per flush). */
  #ticksLeft = 0;
  readonly #reactionTick = (): void => {
    if (--this.#ticksLeft > 0) queueMicrotask(this.#reactionTick);
    else this.#transmitCallback();
  };
  readonly #transmitCallback = (): void => {
    this.#flushScheduled = false;
    this.#flush();
  };
  readonly #timerCallback = (): void => {
    this.#timer = undefined;
    this.#armedDeadline = undefined;
    this.stats.timerFires++;
    this.endpoint.handleTimeout(this.clock.now());
    this.#flush();
  };
  readonly #sendCallback = (error: Error | null): void => {
    const count = this.#batches[this.#batchHead++]!;
    if (this.#batchHead === this.#batches.length) {
      this.#batches.length = 0;
      this.#batchHead = 0;
    }
    for (let i = 0; i < count; i++) {
      const slot = this.#inFlight[this.#inFlightHead]!;
      this.#inFlight[this.#inFlightHead++] = undefined as unknown as Uint8Array;
      this.#pool.release(slot);
    }
    if (this.#inFlightHead === this.#inFlight.length) {
      this.#inFlight.length = 0;
      this.#inFlightHead = 0;
    }
    // Errors of the batch's earlier sends are not reported by node:dgram (no callback); loss recovery copes.
    if (error) this.stats.sendErrors++;
    // Transmits were held back for lack of buffers: resume them.
    if (this.#blockedOnBuffers) {
      this.#blockedOnBuffers = false;
      this.wake();
    }
  };

  constructor(options: EndpointDriverOptions<C>) {
    this.socket = options.socket;
    this.endpoint = options.endpoint;
    this.clock = options.clock ?? systemClock;
    this.#timers = options.timers ?? nodeTimerScheduler;
    this.#pool = options.pool ?? new SendBufferPool();
    this.#onAccepted = options.onAccepted;
    this.#scheduleFlush = options.scheduleFlush ?? setImmediate;
    this.#maxTransmitsPerFlush = options.maxTransmitsPerFlush ?? 256;
    openDrivers.add(this);
    this.socket.onMessage((data, remote) => {
      this.stats.datagramsReceived++;
      this.endpoint.handleDatagram(this.clock.now(), data, remote);
      this.wake();
    });
    // Socket errors (e.g. ICMP unreachable on some platforms) are not fatal for QUIC: loss recovery copes.
    this.socket.onError(() => { this.stats.sendErrors++; });
  }

  now(): Micros {
    return this.clock.now();
  }

  /** Attaches the handler that receives this connection's events (until its 'closed' event). */
  register(connection: C, handler: ConnectionEventHandler): void {
    this.#handlers.set(connection.handle, handler);
  }

  /** Starts a client connection; events go to `handler`. */
  connect(remote: SocketAddress, options: ProtoClientConnectOptions, handler: ConnectionEventHandler): C {
    const connection = this.endpoint.connect(this.clock.now(), remote, options);
    this.register(connection, handler);
    this.wake();
    return connection;
  }

  /** Call after any command on a connection: schedules one flush for the current turn. */
  wake(): void {
    if (this.#flushScheduled || this.#socketClosed) return;
    this.#flushScheduled = true;
    this.#scheduleFlush(this.#flushCallback);
  }

  /** Runs a flush now (the driver's inputs do this themselves; tests and shutdown use it). */
  flushNow(): void {
    this.#flush();
  }

  get connectionCount(): number {
    return this.endpoint.connectionCount;
  }

  /** Resolves once the endpoint holds no connections (after their draining periods). */
  whenIdle(): Promise<void> {
    if (this.endpoint.connectionCount === 0) return Promise.resolve();
    return new Promise((resolve) => this.#idleWaiters.push(resolve));
  }

  /**
   * Closes every connection (application close with `code`), waits for them to finish draining
   * or for `timeoutMs`, then stops the timer and closes the socket.
   */
  async close(options: { code?: bigint; reason?: string; timeoutMs?: number; connections?: Iterable<C> } = {}): Promise<void> {
    if (this.#socketClosed) return;
    const now = this.clock.now();
    for (const connection of options.connections ?? []) {
      if (connection.state === 'handshaking' || connection.state === 'established') {
        connection.close(now, options.code ?? 0n, options.reason ?? '');
      }
    }
    this.#flush();
    const timeoutMs = options.timeoutMs ?? 2000;
    if (this.endpoint.connectionCount > 0 && timeoutMs > 0) {
      let bound: TimerHandle | undefined;
      await Promise.race([
        this.whenIdle(),
        new Promise<void>((resolve) => { bound = this.#timers.setTimer(resolve, timeoutMs); }),
      ]);
      this.#timers.clearTimer(bound);
    }
    this.#socketClosed = true;
    openDrivers.delete(this);
    this.#disarm();
    this.#handlers.clear();
    await this.socket.close();
  }

  /** Hands queued events to the handlers; true when there were any. */
  #dispatchEvents(): boolean {
    if (this.#socketClosed) return false;
    let any = false;
    for (let ev = this.endpoint.pollEvent(); ev !== undefined; ev = this.endpoint.pollEvent()) {
      any = true;
      if (ev.type === 'accepted') this.#onAccepted?.(ev.connection);
      else this.#dispatch(ev.connection, ev.event);
    }
    return any;
  }

  #flush(): void {
    if (this.#socketClosed) return;
    this.stats.flushes++;
    const endpoint = this.endpoint;
    let now = this.clock.now();
    let sent = 0;
    let pending = true;
    // Handlers may issue commands (e.g. a pending write continuing on 'streamWritable') that queue
    // more events or transmits, so alternate until both queues are empty.
    while (pending) {
      pending = false;
      for (let ev = endpoint.pollEvent(); ev !== undefined; ev = endpoint.pollEvent()) {
        pending = true;
        if (ev.type === 'accepted') this.#onAccepted?.(ev.connection);
        else this.#dispatch(ev.connection, ev.event);
      }
      now = this.clock.now();
      // Each packet is sent once the next one exists, so that the last of the batch is known
      // and alone gets the completion callback.
      let held: Uint8Array | undefined;
      let heldSize = 0;
      let heldRemote: SocketAddress | undefined;
      let batch = 0;
      while (sent < this.#maxTransmitsPerFlush) {
        const slot = this.#pool.acquire();
        if (slot === undefined) {
          this.#blockedOnBuffers = true; // every buffer is in flight: the next send callback wakes us
          break;
        }
        const tx = endpoint.pollTransmit(now, slot);
        if (tx === undefined) {
          this.#pool.release(slot);
          break;
        }
        if (held !== undefined) this.socket.send(held, 0, heldSize, heldRemote!);
        held = slot;
        heldSize = tx.size;
        heldRemote = tx.remote;
        this.#inFlight.push(slot);
        batch++;
        this.stats.datagramsSent++;
        sent++;
        pending = true;
      }
      if (held !== undefined) {
        this.#batches.push(batch);
        this.socket.send(held, 0, heldSize, heldRemote!, this.#sendCallback);
      }
      if (sent >= this.#maxTransmitsPerFlush) {
        // Let received datagrams in before writing more; the rest goes out next turn.
        this.wake();
        break;
      }
    }
    this.#arm(now);
    if (endpoint.connectionCount === 0 && this.#idleWaiters.length > 0) {
      const waiters = this.#idleWaiters;
      this.#idleWaiters = [];
      for (const w of waiters) w();
    }
  }

  #dispatch(connection: C, event: ConnectionEvent): void {
    const handler = this.#handlers.get(connection.handle);
    if (event.type === 'closed') this.#handlers.delete(connection.handle);
    handler?.onConnectionEvent(event);
  }

  /** One OS timer for the whole endpoint, at pollTimeout(); untouched when the deadline is unchanged. */
  #arm(now: Micros): void {
    const deadline = this.endpoint.pollTimeout();
    if (deadline === this.#armedDeadline && this.#timer !== undefined) return;
    this.#disarm();
    if (deadline === undefined) return;
    const delayMs = Math.min(Math.max(0, Math.ceil((deadline - now) / 1000)), MAX_TIMER_DELAY_MS);
    this.#armedDeadline = deadline;
    this.#timer = this.#timers.setTimer(this.#timerCallback, delayMs);
  }

  #disarm(): void {
    if (this.#timer !== undefined) this.#timers.clearTimer(this.#timer);
    this.#timer = undefined;
    this.#armedDeadline = undefined;
  }
}
