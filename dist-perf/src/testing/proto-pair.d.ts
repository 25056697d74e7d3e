/**
 * ProtoPair drives a client and a server sans-IO Endpoint over a SimNetwork on a VirtualClock,
 * with no Promises: each step() handles the earliest of (next datagram arrival, next endpoint
 * deadline), then drains events and transmits from both sides, as a real driver must after every
 * input. Bounded driving throws SimBoundError carrying the seed and the virtual time.
 * Modelled on quinn's tests/util.rs `Pair` and aioquic's `roundtrip`.
 */
import { SeededRandom } from './seeded-random.js';
import { SimNetwork, type SocketAddress } from './sim-network.js';
import type { LinkConfig, SimLink } from './sim-link.js';
import { Transcript } from './transcript.js';
import { VirtualClock } from './virtual-clock.js';
import { type Micros } from '../proto/util/time.js';
/** The part of the proto Endpoint ProtoPair needs (structural: the real Endpoint fits it). */
export interface SimEndpoint<E> {
    handleDatagram(now: Micros, data: Uint8Array, remote: SocketAddress): void;
    pollTransmit(now: Micros, out: Uint8Array): {
        size: number;
        remote: SocketAddress;
    } | undefined;
    pollTimeout(): Micros | undefined;
    handleTimeout(now: Micros): void;
    pollEvent(): E | undefined;
}
export type Side = 'client' | 'server';
export declare const CLIENT_TO_SERVER = "client->server";
export declare const SERVER_TO_CLIENT = "server->client";
export interface ProtoPairOptions<E> {
    /** Builds the endpoints from per-side random streams forked from the seed. */
    client: SimEndpoint<E> | ((random: SeededRandom) => SimEndpoint<E>);
    server: SimEndpoint<E> | ((random: SeededRandom) => SimEndpoint<E>);
    seed?: number;
    clientAddress?: SocketAddress;
    serverAddress?: SocketAddress;
    /** Impairments in both directions, then per direction on top. */
    link?: Partial<LinkConfig>;
    clientToServer?: Partial<LinkConfig>;
    serverToClient?: Partial<LinkConfig>;
    /** Virtual time at the start (µs); non-zero by default to catch "0 means unset" bugs. */
    startMicros?: Micros;
    /** Called for each event as it is drained (after it is stored); may issue commands. */
    onEvent?: (side: Side, event: E, pair: ProtoPair<E>) => void;
    /** Keep events in clientEvents/serverEvents (default true). */
    recordEvents?: boolean;
}
export interface DriveOptions {
    /** Virtual time budget from the start of this call (default 60 s). */
    maxTimeMs?: number;
    /** Step budget (default 1 000 000). */
    maxSteps?: number;
}
export declare class ProtoPair<E> {
    readonly seed: number;
    readonly random: SeededRandom;
    readonly clock: VirtualClock;
    readonly network: SimNetwork;
    readonly transcript: Transcript;
    readonly client: SimEndpoint<E>;
    readonly server: SimEndpoint<E>;
    readonly clientAddress: SocketAddress;
    readonly serverAddress: SocketAddress;
    readonly clientEvents: E[];
    readonly serverEvents: E[];
    /** Steps taken since construction. */
    steps: number;
    onEvent: ((side: Side, event: E, pair: ProtoPair<E>) => void) | undefined;
    private readonly recordEvents;
    private readonly out;
    constructor(options: ProtoPairOptions<E>);
    get clientToServer(): SimLink;
    get serverToClient(): SimLink;
    now(): Micros;
    endpoint(side: Side): SimEndpoint<E>;
    /**
     * Drains events and transmits of both sides until neither has anything queued. Call it after
     * issuing commands (connect, writeStream, close...) outside an onEvent callback.
     */
    flush(): void;
    /** Earliest time something will happen: a datagram arrival or an endpoint deadline. */
    nextEventTime(): Micros | undefined;
    /**
     * Handles the next thing to happen: one datagram delivery, or (when no datagram arrives first)
     * every endpoint timer that is due. Returns false when nothing is pending at all.
     */
    step(): boolean;
    /**
     * Steps until `until()` is true. Throws SimBoundError (with the seed and time) when the time or
     * step budget is exhausted, or when nothing is left to happen and the condition still fails.
     */
    drive(until: () => boolean, options?: DriveOptions): void;
    /**
     * Steps until no datagram is travelling and no endpoint deadline falls within `quietMs` of the
     * current time (deadlines further away are left alone: idle timeouts, keep-alives).
     */
    driveUntilIdle(options?: DriveOptions & {
        quietMs?: number;
    }): void;
    /** Lets virtual time pass for `ms`, handling everything that happens meanwhile. */
    advance(ms: number, options?: Omit<DriveOptions, 'maxTimeMs'>): void;
    private drain;
    private fail;
}
