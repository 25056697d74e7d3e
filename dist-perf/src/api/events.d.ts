import type { StreamDirection } from './constants.js';
export declare const EventType: Readonly<{
    readonly CONNECTION_ESTABLISHED: "connectionEstablished";
    readonly CONNECTION_LOST: "connectionLost";
    readonly CONNECTION_FAILED: "connectionFailed";
    readonly CONNECTION_CLOSED: "connectionClosed";
    readonly SESSION_REQUEST: "sessionRequest";
    readonly SESSION_READY: "sessionReady";
    readonly SESSION_CLOSED: "sessionClosed";
    readonly SESSION_DRAINING: "sessionDraining";
    readonly STREAM_OPENED: "streamOpened";
    readonly STREAM_CLOSED: "streamClosed";
    readonly STREAM_DATA_RECEIVED: "streamDataReceived";
    readonly STREAM_ERROR: "streamError";
    readonly DATAGRAM_RECEIVED: "datagramReceived";
    readonly DATAGRAM_SENT: "datagramSent";
    readonly DATAGRAM_ERROR: "datagramError";
    readonly PROTOCOL_ERROR: "protocolError";
    readonly TIMEOUT_ERROR: "timeoutError";
}>;
export type EventType = (typeof EventType)[keyof typeof EventType];
export interface RemoteAddress {
    address: string;
    port: number;
}
/** Payload of each event type. Session ids are wire ids (the CONNECT stream id). */
export interface EventPayloads {
    connectionEstablished: {
        connectionId: string;
        remoteAddress?: RemoteAddress;
    };
    connectionLost: {
        connectionId?: string;
        url?: string;
        error?: unknown;
    };
    connectionFailed: {
        reason: string;
        url?: string;
        lastError?: unknown;
        attempt?: number;
    };
    connectionClosed: {
        connectionId: string;
        code?: bigint;
        reason?: string;
        remote?: boolean;
    };
    sessionRequest: {
        sessionId: number;
        path: string;
        headers: Readonly<Record<string, string>>;
        origin?: string;
        remoteAddress?: RemoteAddress;
    };
    sessionReady: {
        sessionId: number;
        path?: string;
        headers?: Readonly<Record<string, string>>;
    };
    sessionClosed: {
        sessionId: number;
        code: number;
        reason: string;
        remote: boolean;
    };
    sessionDraining: {
        sessionId: number;
    };
    streamOpened: {
        streamId: number;
        sessionId?: number;
        direction: StreamDirection;
    };
    streamClosed: {
        streamId: number;
        sessionId?: number;
    };
    streamDataReceived: {
        streamId: number;
        byteLength: number;
        endStream: boolean;
    };
    streamError: {
        streamId: number;
        error: unknown;
    };
    datagramReceived: {
        sessionId?: number;
        size: number;
    };
    datagramSent: {
        sessionId?: number;
        size: number;
    };
    datagramError: {
        sessionId?: number;
        error: unknown;
    };
    protocolError: {
        error: unknown;
        message: string;
    };
    timeoutError: {
        operation: string;
        timeoutMs?: number;
    };
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
export type AnyWebTransportEvent = {
    [K in EventType]: WebTransportEvent<K>;
}[EventType];
export interface CreateEventOptions {
    source?: unknown;
    timestamp?: number;
}
export declare function createEvent<K extends EventType>(type: K, data: EventPayloads[K], options?: CreateEventOptions): WebTransportEvent<K, EventPayloads[K]>;
export declare const isConnectionEvent: (event: {
    type: string;
}) => boolean;
export declare const isSessionEvent: (event: {
    type: string;
}) => boolean;
export declare const isStreamEvent: (event: {
    type: string;
}) => boolean;
export declare const isDatagramEvent: (event: {
    type: string;
}) => boolean;
export declare const isErrorEvent: (event: {
    type: string;
}) => boolean;
export type EventHandler<E> = (event: E) => void | Promise<void>;
type EventsOf<M> = {
    [K in keyof M & string]: WebTransportEvent<K, M[K]>;
}[keyof M & string];
export interface EventEmitterOptions {
    /** A warning is emitted once per type past this many listeners (default 100). */
    maxListeners?: number;
    /** Events kept for getEventHistory (default 0: none). */
    historySize?: number;
    /** Receives errors thrown or rejected by listeners; default: reported as uncaught exceptions. */
    onListenerError?: (error: unknown, event: WebTransportEvent<string, unknown>) => void;
}
export declare class EventEmitter<M extends object = EventPayloads> {
    #private;
    constructor(options?: EventEmitterOptions);
    /** Adds a listener (a duplicate is ignored); returns a function that removes it. */
    on<K extends keyof M & string>(type: K, handler: EventHandler<WebTransportEvent<K, M[K]>>): () => void;
    /** Adds a listener removed after its first call. */
    once<K extends keyof M & string>(type: K, handler: EventHandler<WebTransportEvent<K, M[K]>>): () => void;
    /** Removes one listener, or every listener of `type` when `handler` is omitted. */
    off<K extends keyof M & string>(type: K, handler?: EventHandler<WebTransportEvent<K, M[K]>>): void;
    /** Listens to every event type. */
    onAny(handler: EventHandler<EventsOf<M>>): () => void;
    offAny(handler?: EventHandler<EventsOf<M>>): void;
    /** Builds the event and delivers it now (or queues it while paused). Returns the event. */
    emit<K extends keyof M & string>(type: K, data: M[K], options?: CreateEventOptions): WebTransportEvent<K, M[K]>;
    /** Resolves with the next event of `type` (matching `condition`); rejects with the signal's reason. */
    waitFor<K extends keyof M & string>(type: K, { signal, condition }?: {
        signal?: AbortSignal;
        condition?: (event: WebTransportEvent<K, M[K]>) => boolean;
    }): Promise<WebTransportEvent<K, M[K]>>;
    /** Queues emitted events until resume(). */
    pause(): void;
    /** Delivers the queued events in order. */
    resume(): void;
    get isPaused(): boolean;
    /** Newest last; at most `limit` events, optionally of one type. */
    getEventHistory({ type, limit }?: {
        type?: keyof M & string;
        limit?: number;
    }): WebTransportEvent<string, unknown>[];
    clearHistory(): void;
    listenerCount(type: keyof M & string): number;
    listeners<K extends keyof M & string>(type: K): EventHandler<WebTransportEvent<K, M[K]>>[];
    removeAllListeners(type?: keyof M & string): void;
    setMaxListeners(maxListeners: number): void;
    /** Drops every listener and queued event; pending waitFor calls reject with an AbortError. */
    close(): void;
}
export {};
