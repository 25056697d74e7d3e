/**
 * Observability events (pywebtransport `EventType`, `Event`, `EventEmitter`), typed.
 *
 * Events only announce what happened; data paths never run through them (streams and datagrams
 * are pulled from their objects). `emit` is synchronous and does not await async listeners: a
 * listener that throws or rejects is reported (like an EventTarget listener) and the others still run.
 */
import { randomUUID } from 'node:crypto';
import type { StreamDirection } from './constants.js';

export const EventType = Object.freeze({
  CONNECTION_ESTABLISHED: 'connectionEstablished',
  CONNECTION_LOST: 'connectionLost',
  CONNECTION_FAILED: 'connectionFailed',
  CONNECTION_CLOSED: 'connectionClosed',
  SESSION_REQUEST: 'sessionRequest',
  SESSION_READY: 'sessionReady',
  SESSION_CLOSED: 'sessionClosed',
  SESSION_DRAINING: 'sessionDraining',
  STREAM_OPENED: 'streamOpened',
  STREAM_CLOSED: 'streamClosed',
  STREAM_DATA_RECEIVED: 'streamDataReceived',
  STREAM_ERROR: 'streamError',
  DATAGRAM_RECEIVED: 'datagramReceived',
  DATAGRAM_SENT: 'datagramSent',
  DATAGRAM_ERROR: 'datagramError',
  PROTOCOL_ERROR: 'protocolError',
  TIMEOUT_ERROR: 'timeoutError',
} as const);
export type EventType = (typeof EventType)[keyof typeof EventType];

export interface RemoteAddress {
  address: string;
  port: number;
}

/** Payload of each event type. Session ids are wire ids (the CONNECT stream id). */
export interface EventPayloads {
  connectionEstablished: { connectionId: string; remoteAddress?: RemoteAddress };
  connectionLost: { connectionId?: string; url?: string; error?: unknown };
  connectionFailed: { reason: string; url?: string; lastError?: unknown; attempt?: number };
  connectionClosed: { connectionId: string; code?: bigint; reason?: string; remote?: boolean };
  sessionRequest: { sessionId: number; path: string; headers: Readonly<Record<string, string>>; origin?: string; remoteAddress?: RemoteAddress };
  sessionReady: { sessionId: number; path?: string; headers?: Readonly<Record<string, string>> };
  sessionClosed: { sessionId: number; code: number; reason: string; remote: boolean };
  sessionDraining: { sessionId: number };
  streamOpened: { streamId: number; sessionId?: number; direction: StreamDirection };
  streamClosed: { streamId: number; sessionId?: number };
  streamDataReceived: { streamId: number; byteLength: number; endStream: boolean };
  streamError: { streamId: number; error: unknown };
  datagramReceived: { sessionId?: number; size: number };
  datagramSent: { sessionId?: number; size: number };
  datagramError: { sessionId?: number; error: unknown };
  protocolError: { error: unknown; message: string };
  timeoutError: { operation: string; timeoutMs?: number };
}

type Categories<M, P extends string> = Extract<keyof M, `${P}${string}`>;
export type ConnectionEventType = Categories<EventPayloads, 'connection'>;
export type SessionEventType = Categories<EventPayloads, 'session'>;
export type StreamEventType = Categories<EventPayloads, 'stream'>;
export type DatagramEventType = Categories<EventPayloads, 'datagram'>;

/** What each emitter kind announces. */
export type ClientEventMap = Pick<EventPayloads, ConnectionEventType | 'sessionReady' | 'sessionClosed' | 'protocolError' | 'timeoutError'>;
export type ServerEventMap = Pick<EventPayloads, ConnectionEventType | 'sessionRequest' | 'sessionReady' | 'sessionClosed' | 'protocolError'>;
export type SessionEventMap = Pick<EventPayloads, 'sessionReady' | 'sessionClosed' | 'sessionDraining' | 'streamOpened' | DatagramEventType>;
export type StreamEventMap = Pick<EventPayloads, 'streamDataReceived' | 'streamClosed' | 'streamError'>;

export interface WebTransportEvent<K extends string = EventType, D = K extends keyof EventPayloads ? EventPayloads[K] : unknown> {
  readonly type: K;
  readonly data: D;
  /** Wall-clock ms since the epoch. */
  readonly timestamp: number;
  readonly source: unknown;
  readonly id: string;
}

/** Discriminated union of every event, narrowed by `type`. */
export type AnyWebTransportEvent = { [K in EventType]: WebTransportEvent<K> }[EventType];

export interface CreateEventOptions {
  source?: unknown;
  timestamp?: number;
}

export function createEvent<K extends EventType>(type: K, data: EventPayloads[K], options: CreateEventOptions = {}): WebTransportEvent<K, EventPayloads[K]> {
  return Object.freeze({ type, data, timestamp: options.timestamp ?? Date.now(), source: options.source, id: randomUUID() });
}

export const isConnectionEvent = (event: { type: string }): boolean => event.type.startsWith('connection');
export const isSessionEvent = (event: { type: string }): boolean => event.type.startsWith('session');
export const isStreamEvent = (event: { type: string }): boolean => event.type.startsWith('stream');
export const isDatagramEvent = (event: { type: string }): boolean => event.type.startsWith('datagram');
export const isErrorEvent = (event: { type: string }): boolean => event.type.endsWith('Error');

// ── EventEmitter ─────────────────────────────────────────────────────────────────────────────
export type EventHandler<E> = (event: E) => void | Promise<void>;
type EventsOf<M> = { [K in keyof M & string]: WebTransportEvent<K, M[K]> }[keyof M & string];

export interface EventEmitterOptions {
  /** A warning is emitted once per type past this many listeners (default 100). */
  maxListeners?: number;
  /** Events kept for getEventHistory (default 0: none). */
  historySize?: number;
  /** Events queued while paused; beyond it the oldest queued event is dropped (default 1000). */
  maxPausedEvents?: number;
  /** Receives errors thrown or rejected by listeners; default: reported as uncaught exceptions. */
  onListenerError?: (error: unknown, event: WebTransportEvent<string, unknown>) => void;
}

/** Counters of an emitter (pywebtransport EventEmitter.get_stats). */
export interface EventEmitterStats {
  readonly eventsEmitted: number;
  /** Typed listeners (persistent + once) over all types. */
  readonly listenerCount: number;
  readonly eventTypes: number;
  readonly anyListeners: number;
  readonly pendingWaits: number;
  readonly historySize: number;
  readonly paused: boolean;
  readonly queuedWhilePaused: number;
  readonly droppedWhilePaused: number;
  readonly maxListeners: number;
}

interface Waiter {
  type: string;
  condition: ((event: never) => boolean) | undefined;
  resolve: (event: never) => void;
  reject: (error: unknown) => void;
}

function reportUncaught(error: unknown): void {
  process.nextTick(() => {
    throw error;
  });
}

export class EventEmitter<M extends object = EventPayloads> {
  #maxListeners: number;
  readonly #historySize: number;
  readonly #onListenerError: (error: unknown, event: WebTransportEvent<string, unknown>) => void;
  readonly #persistent = new Map<string, EventHandler<never>[]>();
  readonly #once = new Map<string, EventHandler<never>[]>();
  #any: EventHandler<never>[] = [];
  readonly #waiters = new Set<Waiter>();
  readonly #warned = new Set<string>();
  #history: WebTransportEvent<string, unknown>[] = [];
  #paused: WebTransportEvent<string, unknown>[] | undefined;
  readonly #maxPaused: number;
  #closed = false;
  readonly #counts = { emitted: 0, droppedWhilePaused: 0 };

  constructor(options: EventEmitterOptions = {}) {
    this.#maxListeners = options.maxListeners ?? 100;
    this.#maxPaused = options.maxPausedEvents ?? 1000;
    if (!Number.isInteger(this.#maxPaused) || this.#maxPaused < 1) throw new RangeError(`maxPausedEvents must be a positive integer, got ${this.#maxPaused}`);
    this.#historySize = options.historySize ?? 0;
    this.#onListenerError = options.onListenerError ?? reportUncaught;
  }

  /** Adds a listener (a duplicate is ignored); returns a function that removes it. */
  on<K extends keyof M & string>(type: K, handler: EventHandler<WebTransportEvent<K, M[K]>>): () => void {
    this.#add(this.#persistent, type, handler as EventHandler<never>);
    return () => this.off(type, handler);
  }

  /** Adds a listener removed after its first call. */
  once<K extends keyof M & string>(type: K, handler: EventHandler<WebTransportEvent<K, M[K]>>): () => void {
    this.#add(this.#once, type, handler as EventHandler<never>);
    return () => this.off(type, handler);
  }

  /** Removes one listener, or every listener of `type` when `handler` is omitted. */
  off<K extends keyof M & string>(type: K, handler?: EventHandler<WebTransportEvent<K, M[K]>>): void {
    for (const map of [this.#persistent, this.#once]) {
      if (handler === undefined) map.delete(type);
      else {
        const list = map.get(type);
        const index = list?.indexOf(handler as EventHandler<never>) ?? -1;
        if (index >= 0) list!.splice(index, 1);
      }
    }
  }

  /** Listens to every event type. */
  onAny(handler: EventHandler<EventsOf<M>>): () => void {
    if (!this.#any.includes(handler as EventHandler<never>)) this.#any.push(handler as EventHandler<never>);
    return () => this.offAny(handler);
  }

  offAny(handler?: EventHandler<EventsOf<M>>): void {
    this.#any = handler === undefined ? [] : this.#any.filter((h) => h !== handler);
  }

  /** Builds the event and delivers it now (or queues it while paused). Returns the event. */
  emit<K extends keyof M & string>(type: K, data: M[K], options: CreateEventOptions = {}): WebTransportEvent<K, M[K]> {
    const event = Object.freeze({ type, data, timestamp: options.timestamp ?? Date.now(), source: options.source, id: randomUUID() });
    if (this.#closed) return event;
    this.#counts.emitted++;
    if (this.#paused === undefined) {
      this.#deliver(event);
    } else {
      this.#paused.push(event);
      if (this.#paused.length > this.#maxPaused) {
        this.#paused.shift();
        this.#counts.droppedWhilePaused++;
      }
    }
    return event;
  }

  /** Resolves with the next event of `type` (matching `condition`); rejects with the signal's reason. */
  waitFor<K extends keyof M & string>(
    type: K,
    { signal, condition }: { signal?: AbortSignal; condition?: (event: WebTransportEvent<K, M[K]>) => boolean } = {},
  ): Promise<WebTransportEvent<K, M[K]>> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    if (this.#closed) return Promise.reject(new DOMException('event emitter closed', 'AbortError'));
    return new Promise((resolve, reject) => {
      const onAbort = (): void => {
        this.#waiters.delete(waiter);
        reject(signal!.reason);
      };
      const waiter: Waiter = {
        type,
        condition: condition as Waiter['condition'],
        resolve: (event) => {
          signal?.removeEventListener('abort', onAbort);
          resolve(event);
        },
        reject: (error) => {
          signal?.removeEventListener('abort', onAbort);
          reject(error);
        },
      };
      this.#waiters.add(waiter);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  /** Queues emitted events until resume(). */
  pause(): void {
    this.#paused ??= [];
  }

  /** Delivers the queued events in order. */
  resume(): void {
    const queued = this.#paused;
    this.#paused = undefined;
    for (const event of queued ?? []) this.#deliver(event);
  }

  get isPaused(): boolean {
    return this.#paused !== undefined;
  }

  /** Newest last; at most `limit` events, optionally of one type. */
  getEventHistory({ type, limit = 100 }: { type?: keyof M & string; limit?: number } = {}): WebTransportEvent<string, unknown>[] {
    const events = type === undefined ? this.#history : this.#history.filter((e) => e.type === type);
    return events.slice(Math.max(0, events.length - limit));
  }

  clearHistory(): void {
    this.#history = [];
  }

  listenerCount(type: keyof M & string): number {
    return (this.#persistent.get(type)?.length ?? 0) + (this.#once.get(type)?.length ?? 0);
  }

  listeners<K extends keyof M & string>(type: K): EventHandler<WebTransportEvent<K, M[K]>>[] {
    const all = [...(this.#persistent.get(type) ?? []), ...(this.#once.get(type) ?? [])];
    return all as EventHandler<WebTransportEvent<K, M[K]>>[];
  }

  removeAllListeners(type?: keyof M & string): void {
    if (type !== undefined) {
      this.off(type);
      return;
    }
    this.#persistent.clear();
    this.#once.clear();
    this.#any = [];
  }

  getStats(): EventEmitterStats {
    let listenerCount = 0;
    const types = new Set<string>();
    for (const map of [this.#persistent, this.#once]) {
      for (const [type, list] of map) {
        listenerCount += list.length;
        if (list.length > 0) types.add(type);
      }
    }
    return {
      eventsEmitted: this.#counts.emitted,
      listenerCount,
      eventTypes: types.size,
      anyListeners: this.#any.length,
      pendingWaits: this.#waiters.size,
      historySize: this.#history.length,
      paused: this.#paused !== undefined,
      queuedWhilePaused: this.#paused?.length ?? 0,
      droppedWhilePaused: this.#counts.droppedWhilePaused,
      maxListeners: this.#maxListeners,
    };
  }

  setMaxListeners(maxListeners: number): void {
    this.#maxListeners = maxListeners;
  }

  /** Drops every listener and queued event; pending waitFor calls reject with an AbortError. */
  close(): void {
    this.#closed = true;
    this.removeAllListeners();
    this.#paused = undefined;
    const error = new DOMException('event emitter closed', 'AbortError');
    for (const waiter of this.#waiters) waiter.reject(error);
    this.#waiters.clear();
  }

  #add(map: Map<string, EventHandler<never>[]>, type: string, handler: EventHandler<never>): void {
    let list = map.get(type);
    if (list === undefined) map.set(type, (list = []));
    if (list.includes(handler)) return;
    list.push(handler);
    if (this.listenerCount(type as keyof M & string) > this.#maxListeners && !this.#warned.has(type)) {
      this.#warned.add(type);
      process.emitWarning(`${this.listenerCount(type as keyof M & string)} '${type}' listeners exceed maxListeners (${this.#maxListeners})`, 'MaxListenersExceededWarning');
    }
  }

  #deliver(event: WebTransportEvent<string, unknown>): void {
    if (this.#historySize > 0) {
      this.#history.push(event);
      if (this.#history.length > this.#historySize) this.#history.shift();
    }
    const persistent = this.#persistent.get(event.type);
    const once = this.#once.get(event.type);
    if (once !== undefined) this.#once.delete(event.type);
    // Snapshots: listeners added or removed during delivery take effect from the next event.
    for (const handler of [...(persistent ?? []), ...(once ?? []), ...this.#any]) this.#call(handler, event);
    for (const waiter of [...this.#waiters]) {
      if (waiter.type !== event.type) continue;
      let matches = true;
      try {
        matches = waiter.condition === undefined || waiter.condition(event as never);
      } catch (error) {
        this.#waiters.delete(waiter);
        waiter.reject(error);
        continue;
      }
      if (matches) {
        this.#waiters.delete(waiter);
        waiter.resolve(event as never);
      }
    }
  }

  #call(handler: EventHandler<never>, event: WebTransportEvent<string, unknown>): void {
    try {
      const result = handler(event as never);
      if (result instanceof Promise) result.catch((error: unknown) => this.#onListenerError(error, event));
    } catch (error) {
      this.#onListenerError(error, event);
    }
  }
}
