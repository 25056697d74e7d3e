/**
 * EventBus: typed publish/subscribe shared by independent components (pywebtransport 0.5.1
 * EventBus). It is an EventEmitter with subscription ids, whole-event publishing, and bridges that
 * forward another component's emitter onto the bus. Unlike 0.5.1 it is not forced to be a
 * singleton: create one per application, or use EventBus.shared() for a process-wide bus.
 */
import { EventEmitter } from './events.js';
import type { CreateEventOptions, EventEmitterOptions, EventHandler, EventPayloads, WebTransportEvent } from './events.js';

export interface SubscribeOptions {
  /** Remove the subscription after its first event. */
  readonly once?: boolean;
}

/** Anything with EventEmitter's onAny, e.g. a component's own emitter. */
export interface EventSource {
  onAny(handler: (event: WebTransportEvent<string, unknown>) => void): () => void;
}

interface Subscription {
  readonly type: string;
  readonly handler: EventHandler<never>;
  readonly remove: () => void;
}

let sharedBus: EventBus | undefined;

export class EventBus<M extends object = EventPayloads> extends EventEmitter<M> {
  readonly #subscriptions = new Map<string, Subscription>();
  #nextId = 1;

  constructor(options: EventEmitterOptions = {}) {
    super({ maxListeners: 1000, ...options });
  }

  /** The process-wide bus (created on first use) for code that cannot pass a bus around. */
  static shared(): EventBus {
    sharedBus ??= new EventBus();
    return sharedBus;
  }

  /** Subscribes and returns an id for unsubscribe(). */
  subscribe<K extends keyof M & string>(type: K, handler: EventHandler<WebTransportEvent<K, M[K]>>, { once = false }: SubscribeOptions = {}): string {
    const id = `sub_${this.#nextId++}`;
    // Each subscription gets its own wrapper so the same handler can be subscribed twice.
    const wrapper: EventHandler<WebTransportEvent<K, M[K]>> = (event) => {
      if (once) this.#subscriptions.delete(id);
      return handler(event);
    };
    const remove = once ? this.once(type, wrapper) : this.on(type, wrapper);
    this.#subscriptions.set(id, { type, handler: wrapper as EventHandler<never>, remove });
    return id;
  }

  /** Removes a subscription; false when the id is unknown (or already removed). */
  unsubscribe(id: string): boolean {
    const subscription = this.#subscriptions.get(id);
    if (subscription === undefined) return false;
    this.#subscriptions.delete(id);
    subscription.remove();
    return true;
  }

  get subscriptionCount(): number {
    return this.#subscriptions.size;
  }

  clearAllSubscriptions(): void {
    for (const subscription of this.#subscriptions.values()) subscription.remove();
    this.#subscriptions.clear();
  }

  /** Re-delivers an existing event (keeping its type, data, source and timestamp). */
  publish<K extends keyof M & string>(event: WebTransportEvent<K, M[K]>): WebTransportEvent<K, M[K]> {
    const options: CreateEventOptions = { source: event.source, timestamp: event.timestamp };
    return this.emit(event.type, event.data, options);
  }

  /**
   * Forwards every event of `source` (or only `types`) onto this bus; returns a function that
   * stops forwarding. This is how components with their own emitters share one bus.
   */
  forward(source: EventSource, types?: readonly (keyof M & string)[]): () => void {
    const wanted = types === undefined ? undefined : new Set<string>(types);
    return source.onAny((event) => {
      if (wanted !== undefined && !wanted.has(event.type)) return;
      this.publish(event as unknown as WebTransportEvent<keyof M & string, M[keyof M & string]>);
    });
  }

  override close(): void {
    this.#subscriptions.clear();
    super.close();
    if (sharedBus === (this as unknown)) sharedBus = undefined;
  }
}
