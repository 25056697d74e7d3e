/**
 * Observability events (pywebtransport `EventType`, `Event`, `EventEmitter`), typed.
 *
 * Events only announce what happened; data paths never run through them (streams and datagrams
 * are pulled from their objects). `emit` is synchronous and does not await async listeners: a
 * listener that throws or rejects is reported (like an EventTarget listener) and the others still run.
 */
import { randomUUID } from 'node:crypto';
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
});
export function createEvent(type, data, options = {}) {
    return Object.freeze({ type, data, timestamp: options.timestamp ?? Date.now(), source: options.source, id: randomUUID() });
}
export const isConnectionEvent = (event) => event.type.startsWith('connection');
export const isSessionEvent = (event) => event.type.startsWith('session');
export const isStreamEvent = (event) => event.type.startsWith('stream');
export const isDatagramEvent = (event) => event.type.startsWith('datagram');
export const isErrorEvent = (event) => event.type.endsWith('Error');
function reportUncaught(error) {
    process.nextTick(() => {
        throw error;
    });
}
export class EventEmitter {
    #maxListeners;
    #historySize;
    #onListenerError;
    #persistent = new Map();
    #once = new Map();
    #any = [];
    #waiters = new Set();
    #warned = new Set();
    #history = [];
    #paused;
    #closed = false;
    constructor(options = {}) {
        this.#maxListeners = options.maxListeners ?? 100;
        this.#historySize = options.historySize ?? 0;
        this.#onListenerError = options.onListenerError ?? reportUncaught;
    }
    /** Adds a listener (a duplicate is ignored); returns a function that removes it. */
    on(type, handler) {
        this.#add(this.#persistent, type, handler);
        return () => this.off(type, handler);
    }
    /** Adds a listener removed after its first call. */
    once(type, handler) {
        this.#add(this.#once, type, handler);
        return () => this.off(type, handler);
    }
    /** Removes one listener, or every listener of `type` when `handler` is omitted. */
    off(type, handler) {
        for (const map of [this.#persistent, this.#once]) {
            if (handler === undefined)
                map.delete(type);
            else {
                const list = map.get(type);
                const index = list?.indexOf(handler) ?? -1;
                if (index >= 0)
                    list.splice(index, 1);
            }
        }
    }
    /** Listens to every event type. */
    onAny(handler) {
        if (!this.#any.includes(handler))
            this.#any.push(handler);
        return () => this.offAny(handler);
    }
    offAny(handler) {
        this.#any = handler === undefined ? [] : this.#any.filter((h) => h !== handler);
    }
    /** Builds the event and delivers it now (or queues it while paused). Returns the event. */
    emit(type, data, options = {}) {
        const event = Object.freeze({ type, data, timestamp: options.timestamp ?? Date.now(), source: options.source, id: randomUUID() });
        if (this.#closed)
            return event;
        if (this.#paused !== undefined)
            this.#paused.push(event);
        else
            this.#deliver(event);
        return event;
    }
    /** Resolves with the next event of `type` (matching `condition`); rejects with the signal's reason. */
    waitFor(type, { signal, condition } = {}) {
        if (signal?.aborted)
            return Promise.reject(signal.reason);
        if (this.#closed)
            return Promise.reject(new DOMException('event emitter closed', 'AbortError'));
        return new Promise((resolve, reject) => {
            const onAbort = () => {
                this.#waiters.delete(waiter);
                reject(signal.reason);
            };
            const waiter = {
                type,
                condition: condition,
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
    pause() {
        this.#paused ??= [];
    }
    /** Delivers the queued events in order. */
    resume() {
        const queued = this.#paused;
        this.#paused = undefined;
        for (const event of queued ?? [])
            this.#deliver(event);
    }
    get isPaused() {
        return this.#paused !== undefined;
    }
    /** Newest last; at most `limit` events, optionally of one type. */
    getEventHistory({ type, limit = 100 } = {}) {
        const events = type === undefined ? this.#history : this.#history.filter((e) => e.type === type);
        return events.slice(Math.max(0, events.length - limit));
    }
    clearHistory() {
        this.#history = [];
    }
    listenerCount(type) {
        return (this.#persistent.get(type)?.length ?? 0) + (this.#once.get(type)?.length ?? 0);
    }
    listeners(type) {
        const all = [...(this.#persistent.get(type) ?? []), ...(this.#once.get(type) ?? [])];
        return all;
    }
    removeAllListeners(type) {
        if (type !== undefined) {
            this.off(type);
            return;
        }
        this.#persistent.clear();
        this.#once.clear();
        this.#any = [];
    }
    setMaxListeners(maxListeners) {
        this.#maxListeners = maxListeners;
    }
    /** Drops every listener and queued event; pending waitFor calls reject with an AbortError. */
    close() {
        this.#closed = true;
        this.removeAllListeners();
        this.#paused = undefined;
        const error = new DOMException('event emitter closed', 'AbortError');
        for (const waiter of this.#waiters)
            waiter.reject(error);
        this.#waiters.clear();
    }
    #add(map, type, handler) {
        let list = map.get(type);
        if (list === undefined)
            map.set(type, (list = []));
        if (list.includes(handler))
            return;
        list.push(handler);
        if (this.listenerCount(type) > this.#maxListeners && !this.#warned.has(type)) {
            this.#warned.add(type);
            process.emitWarning(`${this.listenerCount(type)} '${type}' listeners exceed maxListeners (${this.#maxListeners})`, 'MaxListenersExceededWarning');
        }
    }
    #deliver(event) {
        if (this.#historySize > 0) {
            this.#history.push(event);
            if (this.#history.length > this.#historySize)
                this.#history.shift();
        }
        const persistent = this.#persistent.get(event.type);
        const once = this.#once.get(event.type);
        if (once !== undefined)
            this.#once.delete(event.type);
        // Snapshots: listeners added or removed during delivery take effect from the next event.
        for (const handler of [...(persistent ?? []), ...(once ?? []), ...this.#any])
            this.#call(handler, event);
        for (const waiter of [...this.#waiters]) {
            if (waiter.type !== event.type)
                continue;
            let matches = true;
            try {
                matches = waiter.condition === undefined || waiter.condition(event);
            }
            catch (error) {
                this.#waiters.delete(waiter);
                waiter.reject(error);
                continue;
            }
            if (matches) {
                this.#waiters.delete(waiter);
                waiter.resolve(event);
            }
        }
    }
    #call(handler, event) {
        try {
            const result = handler(event);
            if (result instanceof Promise)
                result.catch((error) => this.#onListenerError(error, event));
        }
        catch (error) {
            this.#onListenerError(error, event);
        }
    }
}
//# sourceMappingURL=events.js.map