/**
 * Drives one sans-IO Endpoint over one DatagramSocket. Every input (a datagram, the timer, a
 * command from the API layer) is followed by ONE coalesced flush that drains events to the
 * per-connection handlers, drains transmits to the socket and re-arms the single timer.
 */
import type { Micros } from '../proto/util/time.js';
import { type Clock } from './clock.js';
import type { ConnectionEvent, ProtoClientConnectOptions, ProtoConnection, ProtoEndpoint, SocketAddress } from './proto-types.js';
import { SendBufferPool } from './send-buffer-pool.js';
import { type TimerScheduler } from './timer-scheduler.js';
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
export declare class EndpointDriver<C extends ProtoConnection = ProtoConnection> {
    #private;
    readonly socket: DatagramSocket;
    readonly endpoint: ProtoEndpoint<C>;
    readonly clock: Clock;
    readonly stats: DriverStats;
    constructor(options: EndpointDriverOptions<C>);
    now(): Micros;
    /** Attaches the handler that receives this connection's events (until its 'closed' event). */
    register(connection: C, handler: ConnectionEventHandler): void;
    /** Starts a client connection; events go to `handler`. */
    connect(remote: SocketAddress, options: ProtoClientConnectOptions, handler: ConnectionEventHandler): C;
    /** Call after any command on a connection: schedules one flush for the current turn. */
    wake(): void;
    /** Runs a flush now (the driver's inputs do this themselves; tests and shutdown use it). */
    flushNow(): void;
    get connectionCount(): number;
    /** Resolves once the endpoint holds no connections (after their draining periods). */
    whenIdle(): Promise<void>;
    /**
     * Closes every connection (application close with `code`), waits for them to finish draining
     * or for `timeoutMs`, then stops the timer and closes the socket.
     */
    close(options?: {
        code?: bigint;
        reason?: string;
        timeoutMs?: number;
        connections?: Iterable<C>;
    }): Promise<void>;
}
